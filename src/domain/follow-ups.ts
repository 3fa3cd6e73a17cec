import { TZDate } from '@date-fns/tz';
import { DomainError, ErrorCode } from './errors.js';
import { dueDateOf, meetingDate, todayIn, type Due } from './follow-up-dates.js';
import { CLOSING_SUFFIXES, comingMeetings, findMeeting, meetingAfter, meetingPhase } from './meetings.js';
import { isSecretariat } from './roles.js';
import type { AgendaItem, Cancellation, Data, FocusArea, FollowUp, FollowUpEntry, FollowUpStatus, Meeting, Member, Responsible } from './schema.js';

export const OPEN_STATUSES: readonly FollowUpStatus[] = ['åpen', 'pågår'];

export function isOpen(point: Pick<FollowUp, 'status'>): boolean {
  return OPEN_STATUSES.includes(point.status);
}

/** The owner may post updates and change the status of their own points; the secretariat of any. */
export function mayChangeFollowUp(actor: Member | undefined, point: Pick<FollowUp, 'ownerMemberId'>): boolean {
  if (!actor) return false;
  return isSecretariat(actor) || point.ownerMemberId === actor.id;
}

/** The focus areas of the latest period (periods are named so that later sorts after earlier), in number order. */
export function latestPeriod<T extends Pick<FocusArea, 'period' | 'number'>>(areas: readonly T[]): T[] {
  const latest = areas.reduce((max, area) => (area.period > max ? area.period : max), '');
  return areas.filter((area) => area.period === latest).sort((a, b) => a.number - b.number);
}

/** The council's focus areas a new point is filed under. */
export function currentFocusAreas(data: Readonly<Data>): FocusArea[] {
  return latestPeriod(data.focusAreas);
}

/**
 * True when the point was made from an agenda item that is unntatt offentlighet. An item taken
 * off the agenda since can no longer say what it was, so its points count as confidential.
 */
export function isConfidentialPoint(data: Readonly<Data>, point: Pick<FollowUp, 'source'>): boolean {
  if (!point.source) return false;
  const { meetingId, itemId } = point.source;
  return data.meetings.find((m) => m.id === meetingId)?.agenda.find((item) => item.id === itemId)?.confidential ?? true;
}

export function findFollowUp(data: Readonly<Data>, id: string): FollowUp {
  const point = data.followUps.find((p) => p.id === id);
  if (!point) throw new DomainError(ErrorCode.NotFound, `no follow-up point ${id}`);
  return point;
}

/** What the secretary fills in; `due` is already read and confirmed (see `parseDue`). */
export interface FollowUpInput {
  title: string;
  description?: string | undefined;
  focusAreaId: string;
  responsible: Responsible;
  ownerMemberId?: string | undefined;
  due?: Due | undefined;
  /** A change that takes the point's deadline away ("ingen frist"); without it, no `due` keeps the deadline. */
  dropDue?: boolean | undefined;
  briefing: boolean;
  source?: { meetingId: string; itemId: string } | undefined;
}

function checkDue(data: Readonly<Data>, due: Due | undefined, now: Date, timeZone: string): void {
  if (!due) return;
  if ('dueMeetingId' in due) {
    const meeting = findMeeting(data, due.dueMeetingId);
    if (meetingPhase(meeting, now) !== 'coming') {
      throw new DomainError(ErrorCode.MeetingClosed, `meeting ${meeting.id} is ${meeting.status}`);
    }
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(due.dueDate)) {
    throw new DomainError(ErrorCode.InvalidDue, 'malformed due date', { text: due.dueDate.slice(0, 20) });
  } else if (due.dueDate < todayIn(now, timeZone)) {
    throw new DomainError(ErrorCode.DueInPast, 'due date in the past', { date: due.dueDate });
  }
}

/** Checks a point as the form sends it; the same checks run again when it is saved. */
export function checkFollowUpInput(data: Readonly<Data>, input: FollowUpInput, now: Date, timeZone: string): FollowUpInput {
  const title = input.title.trim();
  if (!title) throw new DomainError(ErrorCode.EmptyTitle, 'follow-up point without a title');
  if (!data.focusAreas.some((a) => a.id === input.focusAreaId)) throw new DomainError(ErrorCode.NotFound, `no focus area ${input.focusAreaId}`);
  const owner = input.ownerMemberId ? data.members.find((m) => m.id === input.ownerMemberId) : undefined;
  if (input.ownerMemberId && !owner) throw new DomainError(ErrorCode.NotFound, `no member ${input.ownerMemberId}`);
  if (input.responsible === 'medlem' && !owner) throw new DomainError(ErrorCode.OwnerNeeded, 'responsible member without owner');
  if (input.source) {
    const meeting = findMeeting(data, input.source.meetingId);
    if (!meeting.agenda.some((item) => item.id === input.source?.itemId)) throw new DomainError(ErrorCode.NotFound, `no agenda item ${input.source.itemId}`);
  }
  checkDue(data, input.due, now, timeZone);
  const description = input.description?.trim();
  return { ...input, title, description: description || undefined };
}

function newFollowUpId(data: Readonly<Data>, now: Date, timeZone: string): string {
  const year = new TZDate(now.getTime(), timeZone).getFullYear();
  const taken = new Set(data.followUps.map((p) => p.id));
  for (let n = data.followUps.filter((p) => p.id.startsWith(`op-${year}-`)).length + 1; ; n++) {
    const id = `op-${year}-${String(n).padStart(2, '0')}`;
    if (!taken.has(id)) return id;
  }
}

function dueFields(due: Due | undefined): Pick<FollowUp, 'dueDate' | 'dueMeetingId'> {
  if (!due) return {};
  return 'dueMeetingId' in due ? { dueMeetingId: due.dueMeetingId } : { dueDate: due.dueDate };
}

/** Makes a point; the same `requestKey` again returns the point it made the first time. */
export function createFollowUp(data: Data, input: FollowUpInput, byMemberId: string, now: Date, timeZone: string, requestKey?: string): FollowUp {
  const earlier = requestKey ? data.followUps.find((p) => p.requestKey === requestKey) : undefined;
  if (earlier) return earlier;
  const checked = checkFollowUpInput(data, input, now, timeZone);
  const point: FollowUp = {
    id: newFollowUpId(data, now, timeZone),
    title: checked.title,
    ...(checked.description ? { description: checked.description } : {}),
    focusAreaId: checked.focusAreaId,
    responsible: checked.responsible,
    ...(checked.ownerMemberId ? { ownerMemberId: checked.ownerMemberId } : {}),
    ...dueFields(checked.due),
    briefing: checked.briefing,
    ...(checked.source ? { source: checked.source } : {}),
    status: 'åpen',
    history: [{ at: now.toISOString(), byMemberId, text: '', status: 'åpen' }],
    revision: 0,
    ...(requestKey ? { requestKey } : {}),
  };
  data.followUps.push(point);
  syncBriefingItems(data, now, timeZone);
  return point;
}

/**
 * The point as the actor may change it. A card made before someone else's change is stale; if
 * that change closed the point, the user is told so rather than that the card is old.
 */
function changeable(data: Data, id: string, actor: Member | undefined, revision: number | undefined): FollowUp {
  const point = findFollowUp(data, id);
  if (!mayChangeFollowUp(actor, point)) throw new DomainError(ErrorCode.NotOwner, `${actor?.id ?? 'unknown'} may not change ${id}`);
  if (!isOpen(point)) throw new DomainError(ErrorCode.AlreadyClosed, `${id} is ${point.status}`, { status: point.status });
  if (revision !== undefined && revision !== point.revision) throw new DomainError(ErrorCode.Stale, `${id} changed since the card was made`, { what: 'followUp' });
  return point;
}

/** Who wrote a history line, and when. */
function by(actor: Member | undefined, now: Date): Pick<FollowUpEntry, 'at' | 'byMemberId'> {
  return { at: now.toISOString(), ...(actor ? { byMemberId: actor.id } : {}) };
}

/** The point's deadline becomes `due`, or none; the source's free text goes with the old one. */
function setDue(point: FollowUp, due: Due | undefined): void {
  delete point.dueDate;
  delete point.dueMeetingId;
  delete point.dueText;
  Object.assign(point, dueFields(due));
}

function setStatus(point: FollowUp, status: FollowUpStatus, now: Date): void {
  point.status = status;
  if (isOpen(point)) delete point.closedAt;
  else point.closedAt = now.toISOString();
}

export function setFollowUpStatus(data: Data, id: string, actor: Member | undefined, status: FollowUpStatus, revision: number | undefined, now: Date, timeZone: string): FollowUp {
  const point = changeable(data, id, actor, revision);
  if (point.status === status) return point;
  setStatus(point, status, now);
  point.history.push({ ...by(actor, now), text: '', status });
  point.revision += 1;
  syncBriefingItems(data, now, timeZone);
  return point;
}

export function postponeFollowUp(data: Data, id: string, actor: Member | undefined, due: Due, revision: number | undefined, now: Date, timeZone: string): FollowUp {
  const point = changeable(data, id, actor, revision);
  checkDue(data, due, now, timeZone);
  setDue(point, due);
  point.history.push({ ...by(actor, now), text: '', ...dueFields(due) });
  point.revision += 1;
  syncBriefingItems(data, now, timeZone);
  return point;
}

/**
 * After a meeting is cancelled: the open points due by it are due by the next meeting instead,
 * where the council can hear them (and their briefing items follow); with no meeting after it,
 * by the day it was to be held. Each change is written in the point's history, as a
 * postponement is.
 */
export function moveDueFromCancelled(data: Data, meetingId: string, actor: Member | undefined, now: Date, timeZone: string): { points: FollowUp[]; due: Due } {
  const next = meetingAfter(data, meetingId, now);
  const due: Due = next ? { dueMeetingId: next.id } : { dueDate: meetingDate(findMeeting(data, meetingId), timeZone) };
  const points = data.followUps.filter((point) => point.dueMeetingId === meetingId && isOpen(point));
  moveDue(data, points, due, actor, now, timeZone);
  return { points, due };
}

/**
 * A cancelled meeting held after all: the points its cancellation moved on are due by it again,
 * those still open and due where the cancellation left them (one postponed or corrected since
 * keeps what was chosen for it).
 */
export function moveDueBack(data: Data, meetingId: string, cancellation: Cancellation, actor: Member | undefined, now: Date, timeZone: string): FollowUp[] {
  const left: Due = cancellation.movedTo ? { dueMeetingId: cancellation.movedTo } : { dueDate: meetingDate(findMeeting(data, meetingId), timeZone) };
  const points = data.followUps.filter((point) => cancellation.pointIds.includes(point.id) && isOpen(point) && isDue(point, left));
  moveDue(data, points, { dueMeetingId: meetingId }, actor, now, timeZone);
  return points;
}

function isDue(point: FollowUp, due: Due): boolean {
  return 'dueMeetingId' in due ? point.dueMeetingId === due.dueMeetingId : point.dueMeetingId === undefined && point.dueDate === due.dueDate;
}

/** New deadlines the council's calendar gave, written in each point's history as a postponement is. */
function moveDue(data: Data, points: readonly FollowUp[], due: Due, actor: Member | undefined, now: Date, timeZone: string): void {
  for (const point of points) {
    setDue(point, due);
    point.history.push({ ...by(actor, now), text: '', ...dueFields(due) });
    point.revision += 1;
  }
  if (points.length > 0) syncBriefingItems(data, now, timeZone);
}

/**
 * Opens a closed point again ("Angre" right after closing it, or a point closed by mistake),
 * with the status it had before it was closed; the reopening is written in its history. A point
 * already open again is left as it is, so a second click changes nothing.
 */
export function reopenFollowUp(data: Data, id: string, actor: Member | undefined, revision: number | undefined, now: Date, timeZone: string): FollowUp {
  const point = findFollowUp(data, id);
  if (!mayChangeFollowUp(actor, point)) throw new DomainError(ErrorCode.NotOwner, `${actor?.id ?? 'unknown'} may not change ${id}`);
  if (isOpen(point)) return point;
  if (revision !== undefined && revision !== point.revision) throw new DomainError(ErrorCode.Stale, `${id} changed since the card was made`, { what: 'followUp' });
  const before = [...point.history].reverse().find((entry) => entry.status !== undefined && OPEN_STATUSES.includes(entry.status))?.status ?? 'åpen';
  setStatus(point, before, now);
  point.history.push({ ...by(actor, now), text: '', status: before });
  point.revision += 1;
  syncBriefingItems(data, now, timeZone);
  return point;
}

/**
 * Adds a line to the point's history, and changes its status when asked. Text alone is always
 * kept, even on a card that is out of date, so two people writing at once both keep theirs; a
 * status change on a point someone has closed is refused.
 */
export function addFollowUpUpdate(data: Data, id: string, actor: Member | undefined, text: string, status: FollowUpStatus | undefined, now: Date, timeZone: string): FollowUp {
  const point = findFollowUp(data, id);
  if (!mayChangeFollowUp(actor, point)) throw new DomainError(ErrorCode.NotOwner, `${actor?.id ?? 'unknown'} may not change ${id}`);
  const trimmed = text.trim();
  const changesStatus = status !== undefined && status !== point.status;
  if (!trimmed && !changesStatus) throw new DomainError(ErrorCode.EmptyTitle, 'empty update', { what: 'update' });
  if (changesStatus && !isOpen(point)) throw new DomainError(ErrorCode.AlreadyClosed, `${id} is ${point.status}`, { status: point.status });
  if (changesStatus) setStatus(point, status, now);
  point.history.push({ ...by(actor, now), text: trimmed, ...(changesStatus ? { status } : {}) });
  point.revision += 1;
  if (changesStatus) syncBriefingItems(data, now, timeZone);
  return point;
}

export type FollowUpField = NonNullable<FollowUpEntry['edited']>[number];

/** What a checked input would change in a point, in the form's order; the deadline only when one was given. */
export function followUpChanges(point: FollowUp, input: FollowUpInput): FollowUpField[] {
  const due = dueFields(input.due);
  const changes: [FollowUpField, boolean][] = [
    ['title', input.title !== point.title],
    ['description', (input.description ?? '') !== (point.description ?? '')],
    ['focusArea', input.focusAreaId !== point.focusAreaId],
    ['responsible', input.responsible !== point.responsible],
    ['owner', (input.ownerMemberId ?? '') !== (point.ownerMemberId ?? '')],
    [
      'due',
      input.dropDue
        ? point.dueDate !== undefined || point.dueMeetingId !== undefined || point.dueText !== undefined
        : input.due !== undefined && (due.dueDate !== point.dueDate || due.dueMeetingId !== point.dueMeetingId || point.dueText !== undefined),
    ],
    ['briefing', input.briefing !== point.briefing],
  ];
  return changes.filter(([, changed]) => changed).map(([field]) => field);
}

/**
 * The secretariat corrects a point: its title, description, focus area, who answers for it, its
 * owner, its deadline (kept when none is given) or whether the council is briefed. The point
 * keeps its id, source and history, and the change is written in its history. A card made before
 * someone else's change is refused, unless the point already is as asked (a second click).
 */
export function editFollowUp(data: Data, id: string, input: FollowUpInput, actor: Member | undefined, revision: number, now: Date, timeZone: string): { point: FollowUp; changed: FollowUpField[] } {
  const point = findFollowUp(data, id);
  if (!isSecretariat(actor)) throw new DomainError(ErrorCode.NotOwner, `${actor?.id ?? 'unknown'} may not edit ${id}`);
  if (!isOpen(point)) throw new DomainError(ErrorCode.AlreadyClosed, `${id} is ${point.status}`, { status: point.status });
  const checked = checkFollowUpInput(data, { ...input, source: undefined }, now, timeZone);
  const changed = followUpChanges(point, checked);
  if (changed.length === 0) return { point, changed };
  if (revision !== point.revision) throw new DomainError(ErrorCode.Stale, `${id} changed since the form was made`, { what: 'followUp' });
  point.title = checked.title;
  if (checked.description) point.description = checked.description;
  else delete point.description;
  point.focusAreaId = checked.focusAreaId;
  point.responsible = checked.responsible;
  if (checked.ownerMemberId) point.ownerMemberId = checked.ownerMemberId;
  else delete point.ownerMemberId;
  if (changed.includes('due')) setDue(point, checked.due);
  point.briefing = checked.briefing;
  point.history.push({ ...by(actor, now), text: '', ...(changed.includes('due') ? dueFields(checked.due) : {}), edited: changed });
  point.revision += 1;
  syncBriefingItems(data, now, timeZone);
  if (changed.some((field) => field === 'title' || field === 'owner' || field === 'responsible')) renameBriefingItems(data, point, now);
  return { point, changed };
}

/** The latest history line someone wrote, for the status card. */
export function latestUpdate(point: FollowUp): FollowUp['history'][number] | undefined {
  for (let i = point.history.length - 1; i >= 0; i--) {
    if (point.history[i]?.text) return point.history[i];
  }
  return undefined;
}

/**
 * The meeting an open briefing point is to be briefed at: the meeting it is due at, or else the
 * last coming meeting on or before its due date (the next one when the date comes first).
 * Points without a due date are not placed: no one has said when.
 */
export function briefingMeeting(data: Readonly<Data>, point: FollowUp, now: Date, timeZone: string): Meeting | undefined {
  if (!point.briefing || !isOpen(point)) return undefined;
  const coming = comingMeetings(data, now).filter((m) => new Date(m.start) > now);
  if (point.dueMeetingId) return coming.find((m) => m.id === point.dueMeetingId) ?? undefined;
  const due = dueDateOf(point, data, timeZone);
  if (!due) return undefined;
  const before = coming.filter((m) => meetingDate(m, timeZone) <= due);
  return before.at(-1) ?? coming[0];
}

const RESPONSIBLE_PRESENTERS: Record<Exclude<Responsible, 'medlem'>, string> = {
  kommunen: 'Oslo kommune',
  politiet: 'Oslo politidistrikt',
  begge: 'Oslo kommune og Oslo politidistrikt',
};

function briefingItem(data: Readonly<Data>, meeting: Meeting, point: FollowUp): AgendaItem {
  const owner = point.ownerMemberId ? data.members.find((m) => m.id === point.ownerMemberId) : undefined;
  const presenter = owner?.name ?? (point.responsible === 'medlem' ? undefined : RESPONSIBLE_PRESENTERS[point.responsible]);
  return {
    id: `${meeting.id}-${point.id}`,
    title: `Oppfølging: ${point.title}`.slice(0, 300),
    presenters: presenter ? [presenter] : [],
    attachments: [],
    confidential: isConfidentialPoint(data, point),
    followUpId: point.id,
  };
}

/** A point's briefing items on coming agendas take its new title and presenter. */
function renameBriefingItems(data: Data, point: FollowUp, now: Date): void {
  for (const meeting of data.meetings) {
    if (meetingPhase(meeting, now) !== 'coming') continue;
    const index = meeting.agenda.findIndex((item) => item.followUpId === point.id);
    const item = meeting.agenda[index];
    if (!item) continue;
    const fresh = briefingItem(data, meeting, point);
    meeting.agenda[index] = { ...item, title: fresh.title, presenters: fresh.presenters };
    meeting.revision += 1;
  }
}

interface BriefingChange {
  meetingId: string;
  remove: string[];
  add: FollowUp[];
}

/**
 * How the agendas of coming meetings differ from what the points ask for: an open briefing
 * point has its "Oppfølging: …" item on the meeting it is due at, and nowhere else. Meetings
 * that have started are left as they were. Reads only, so the scheduler can look every minute.
 */
export function briefingChanges(data: Readonly<Data>, now: Date, timeZone: string): BriefingChange[] {
  const wanted = new Map<string, FollowUp[]>();
  for (const point of data.followUps) {
    const meeting = briefingMeeting(data, point, now, timeZone);
    if (meeting) wanted.set(meeting.id, [...(wanted.get(meeting.id) ?? []), point]);
  }
  const changes: BriefingChange[] = [];
  for (const meeting of data.meetings) {
    if (meetingPhase(meeting, now) !== 'coming') continue;
    const points = wanted.get(meeting.id) ?? [];
    const ids = new Set(points.map((p) => p.id));
    const remove = meeting.agenda.filter((item) => item.followUpId && !ids.has(item.followUpId)).map((item) => item.id);
    const add = points.filter((point) => !meeting.agenda.some((item) => item.followUpId === point.id));
    if (remove.length > 0 || add.length > 0) changes.push({ meetingId: meeting.id, remove, add });
  }
  return changes;
}

/** Brings the agendas in step with the points (see `briefingChanges`); returns the meetings changed. */
export function syncBriefingItems(data: Data, now: Date, timeZone: string): string[] {
  const changes = briefingChanges(data, now, timeZone);
  for (const change of changes) {
    const meeting = findMeeting(data, change.meetingId);
    meeting.agenda = meeting.agenda.filter((item) => !change.remove.includes(item.id));
    for (const point of change.add) {
      const closing = meeting.agenda.findIndex((item) => CLOSING_SUFFIXES.some((suffix) => item.id === `${meeting.id}${suffix}`));
      meeting.agenda.splice(closing === -1 ? meeting.agenda.length : closing, 0, briefingItem(data, meeting, point));
    }
    meeting.revision += 1;
  }
  return changes.map((c) => c.meetingId);
}

/**
 * Adds the seed's points (and the focus areas they need) that the data does not have yet, by
 * id, so importing twice adds nothing.
 */
export function importFollowUps(data: Data, seed: { focusAreas: readonly FocusArea[]; followUps: readonly FollowUp[] }, now: Date, timeZone: string): FollowUp[] {
  const areas = new Set(data.focusAreas.map((a) => a.id));
  const points = new Set(data.followUps.map((p) => p.id));
  const added = seed.followUps.filter((p) => !points.has(p.id));
  for (const point of added) {
    const area = seed.focusAreas.find((a) => a.id === point.focusAreaId);
    if (area && !areas.has(area.id)) {
      data.focusAreas.push(structuredClone(area));
      areas.add(area.id);
    }
    if (!areas.has(point.focusAreaId)) throw new DomainError(ErrorCode.NotFound, `no focus area ${point.focusAreaId}`);
    const owner = point.ownerMemberId && data.members.some((m) => m.id === point.ownerMemberId) ? { ownerMemberId: point.ownerMemberId } : {};
    const { ownerMemberId: _owner, ...rest } = structuredClone(point);
    data.followUps.push({ ...rest, ...owner, responsible: rest.responsible === 'medlem' && !owner.ownerMemberId ? 'begge' : rest.responsible });
  }
  if (added.length > 0) syncBriefingItems(data, now, timeZone);
  return added;
}
