import { TZDate } from '@date-fns/tz';
import { addDays, format, getDay, startOfMonth } from 'date-fns';
import { DomainError, ErrorCode } from './errors.js';
import type { AgendaItem, Cancellation, Data, Meeting, MeetingKind } from './schema.js';
import { freshId } from './text.js';

/** The next planned meeting that has not yet ended. */
export function nextMeeting(data: Readonly<Data>, now: Date): Meeting | undefined {
  return comingMeetings(data, now)[0];
}

/** Planned meetings not yet begun, soonest first: those whose agenda may still change. */
export function openMeetings(data: Readonly<Data>, now: Date): Meeting[] {
  return comingMeetings(data, now).filter((m) => meetingPhase(m, now) === 'coming');
}

/** Planned meetings that have not ended, soonest first; cancelled ones too when asked for. */
export function comingMeetings(data: Readonly<Data>, now: Date, options: { includeCancelled?: boolean } = {}): Meeting[] {
  return data.meetings
    .filter((m) => (m.status === 'planlagt' || (options.includeCancelled && m.status === 'avlyst')) && new Date(m.end) > now)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The first planned meeting after a meeting (which may be cancelled), not yet ended: where what was meant for it goes on to. */
export function meetingAfter(data: Readonly<Data>, meetingId: string, now: Date): Meeting | undefined {
  const start = Date.parse(findMeeting(data, meetingId).start);
  return comingMeetings(data, now).find((m) => m.id !== meetingId && Date.parse(m.start) > start);
}

export function findMeeting(data: Readonly<Data>, meetingId: string): Meeting {
  const meeting = data.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new DomainError(ErrorCode.NotFound, `no meeting ${meetingId}`);
  return meeting;
}

/** Where a meeting stands: still to come (its agenda and answers may change), under way, held, or cancelled. */
export type MeetingPhase = 'coming' | 'under-way' | 'held' | 'cancelled';

/** A meeting is held once it is marked so or has ended; under way between its start and end. */
export function meetingPhase(meeting: Pick<Meeting, 'status' | 'start' | 'end'>, now: Date): MeetingPhase {
  if (meeting.status === 'avlyst') return 'cancelled';
  if (meeting.status === 'avholdt' || Date.parse(meeting.end) <= now.getTime()) return 'held';
  return Date.parse(meeting.start) <= now.getTime() ? 'under-way' : 'coming';
}

/** A meeting whose agenda and answers may still change: planned and not yet started. */
export function openMeeting(data: Readonly<Data>, meetingId: string, now: Date): Meeting {
  const meeting = findMeeting(data, meetingId);
  if (meetingPhase(meeting, now) !== 'coming') {
    throw new DomainError(ErrorCode.MeetingClosed, `meeting ${meetingId} is ${meeting.status}`, { status: meeting.status });
  }
  return meeting;
}

/** What the secretary fills in on the meeting form; dates and times are wall-clock in the council's zone. */
export interface MeetingInput {
  kind: MeetingKind;
  title?: string | undefined;
  /** yyyy-MM-dd */
  date: string;
  /** HH:mm */
  startTime: string;
  endTime: string;
  place?: string | undefined;
  onlineUrl?: string | undefined;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The instant of a wall-clock date and time in a zone, or undefined when it is not a real one. */
export function zonedInstant(date: string, time: string, timeZone: string): Date | undefined {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return undefined;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const zoned = new TZDate(year, month - 1, day, Number(t[1]), Number(t[2]), timeZone);
  // 31 February rolls over into March; refuse it rather than guess.
  if (zoned.getFullYear() !== year || zoned.getMonth() !== month - 1 || zoned.getDate() !== day) return undefined;
  return new Date(zoned.getTime());
}

/** The form's fields for an existing meeting, in the council's zone. */
export function meetingInputOf(meeting: Meeting, timeZone: string): MeetingInput {
  const start = new TZDate(Date.parse(meeting.start), timeZone);
  const end = new TZDate(Date.parse(meeting.end), timeZone);
  return {
    kind: meeting.kind,
    title: meeting.title,
    date: format(start, 'yyyy-MM-dd'),
    startTime: format(start, 'HH:mm'),
    endTime: format(end, 'HH:mm'),
    place: meeting.place,
    onlineUrl: meeting.onlineUrl,
  };
}

interface CheckedInput {
  start: Date;
  end: Date;
  title: string | undefined;
  place: string | undefined;
  onlineUrl: string | undefined;
}

const clean = (text: string | undefined) => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

/**
 * Checks a meeting as the form sent it: a real date and time, in the future, ending after it
 * starts, an https link, and no overlap with another meeting that is not cancelled.
 */
export function checkMeetingInput(data: Readonly<Data>, input: MeetingInput, now: Date, timeZone: string, exceptId?: string): CheckedInput {
  const start = zonedInstant(input.date, input.startTime, timeZone);
  const end = zonedInstant(input.date, input.endTime, timeZone);
  if (!start || !end) throw new DomainError(ErrorCode.InvalidDate, 'not a real date or time', { date: input.date });
  if (start <= now) throw new DomainError(ErrorCode.DateInPast, 'meeting starts in the past', { date: input.date });
  if (end <= start) throw new DomainError(ErrorCode.EndBeforeStart, 'meeting ends before it starts');
  const onlineUrl = clean(input.onlineUrl);
  if (onlineUrl !== undefined && !isHttpsUrl(onlineUrl)) throw new DomainError(ErrorCode.InvalidUrl, 'online link is not https');
  const clash = data.meetings.find(
    (m) => m.id !== exceptId && m.status !== 'avlyst' && Date.parse(m.start) < end.getTime() && Date.parse(m.end) > start.getTime(),
  );
  if (clash) throw new DomainError(ErrorCode.MeetingClash, `clashes with ${clash.id}`, { meetingId: clash.id, start: clash.start });
  return { start, end, title: clean(input.title), place: clean(input.place), onlineUrl };
}

export function isHttpsUrl(text: string): boolean {
  return protocolOf(text) === 'https:';
}

export function isWebUrl(text: string): boolean {
  const protocol = protocolOf(text);
  return protocol === 'https:' || protocol === 'http:';
}

function protocolOf(text: string): string | undefined {
  try {
    return new URL(text).protocol;
  } catch {
    return undefined;
  }
}

const STANDARD_OPENING = [
  { suffix: '1', title: 'Godkjenning av dagsorden', presenters: ['Byrådsleder'], confidential: false },
  { suffix: '2', title: 'Orientering fra politimester', presenters: ['Politimester'], confidential: false },
  { suffix: '3', title: 'Orientering fra byrådsleder', presenters: ['Byrådsleder'], confidential: false },
];
const STANDARD_CLOSING = [
  { suffix: 'sit', title: 'Situasjonsbrief fra politiet', presenters: ['Oslo politidistrikt'], confidential: true },
  {
    suffix: 'salto',
    title: 'SaLTo-samarbeidet – rapportering fra lokale og regionale handlingsplaner',
    presenters: ['Byråd for sosiale tjenester'],
    confidential: false,
  },
  { suffix: 'ev', title: 'Eventuelt', presenters: [], confidential: false },
];
/** The standard agenda's SaLTo item, where the units' reports are presented. */
export const saltoItemId = (meetingId: string) => `${meetingId}-salto`;

/** Items after the thematic ones; a new item goes in before the first of these. */
export const CLOSING_SUFFIXES = STANDARD_CLOSING.map((item) => `-${item.suffix}`);

/**
 * The council's standard agenda (from its minutes): approval, the two briefings, then thematic
 * items, the police situation brief, SaLTo reporting and eventuelt. A seminar starts empty; an
 * extraordinary meeting starts with the approval of the agenda only.
 */
export function standardAgenda(meetingId: string, kind: MeetingKind): AgendaItem[] {
  const items = kind === 'ordinært' ? [...STANDARD_OPENING, ...STANDARD_CLOSING] : kind === 'ekstraordinært' ? STANDARD_OPENING.slice(0, 1) : [];
  return items.map((item) => ({
    id: `${meetingId}-${item.suffix}`,
    title: item.title,
    presenters: [...item.presenters],
    attachments: [],
    confidential: item.confidential,
  }));
}

function newMeetingId(data: Readonly<Data>, kind: MeetingKind, start: Date, timeZone: string): string {
  const zoned = new TZDate(start.getTime(), timeZone);
  const prefix = kind === 'seminar' ? 'seminar' : kind === 'ekstraordinært' ? 'ekstra' : 'mote';
  const preferred = kind === 'seminar' ? `${prefix}-${format(zoned, 'yyyy')}` : `${prefix}-${format(zoned, 'yyyy-MM')}`;
  const taken = (id: string) => data.meetings.some((m) => m.id === id);
  return taken(preferred) ? freshId(`${prefix}-${format(zoned, 'yyyy-MM-dd')}`, taken) : preferred;
}

export function createMeeting(data: Data, input: MeetingInput, now: Date, timeZone: string): Meeting {
  const checked = checkMeetingInput(data, input, now, timeZone);
  const id = newMeetingId(data, input.kind, checked.start, timeZone);
  const meeting: Meeting = {
    id,
    kind: input.kind,
    start: checked.start.toISOString(),
    end: checked.end.toISOString(),
    status: 'planlagt',
    agenda: standardAgenda(id, input.kind),
    attendance: [],
    proposals: [],
    revision: 0,
    ...(checked.title ? { title: checked.title } : {}),
    ...(checked.place ? { place: checked.place } : {}),
    ...(checked.onlineUrl ? { onlineUrl: checked.onlineUrl } : {}),
  };
  data.meetings.push(meeting);
  return meeting;
}

/** The card a change came from must show the meeting as it is now, or the change is refused. */
export function assertRevision(meeting: Meeting, revision: number | undefined): void {
  if (revision !== undefined && revision !== meeting.revision) {
    throw new DomainError(ErrorCode.Stale, `card shows revision ${revision}, meeting is at ${meeting.revision}`);
  }
}

export interface MeetingChange {
  meeting: Meeting;
  /** Start or end moved: everyone who got the agenda is told. */
  moved: boolean;
  /** Moved to another day: the answers given so far were for the old one, so everyone is asked again. */
  askAgain: boolean;
  /** Anything a posted card shows changed. */
  changed: boolean;
}

const localDay = (instant: string, timeZone: string) => format(new TZDate(Date.parse(instant), timeZone), 'yyyy-MM-dd');

export function updateMeeting(data: Data, meetingId: string, input: MeetingInput, revision: number | undefined, now: Date, timeZone: string): MeetingChange {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  const checked = checkMeetingInput(data, input, now, timeZone, meetingId);
  const before = { json: JSON.stringify(meeting), start: meeting.start };
  const moved = Date.parse(meeting.start) !== checked.start.getTime() || Date.parse(meeting.end) !== checked.end.getTime();
  meeting.kind = input.kind;
  meeting.start = moved ? checked.start.toISOString() : meeting.start;
  meeting.end = moved ? checked.end.toISOString() : meeting.end;
  setOptional(meeting, 'title', checked.title);
  setOptional(meeting, 'place', checked.place);
  setOptional(meeting, 'onlineUrl', checked.onlineUrl);
  const changed = JSON.stringify(meeting) !== before.json;
  if (changed) meeting.revision += 1;
  // The reminder belongs to the day before the meeting; a moved meeting gets a new one.
  if (moved) delete meeting.reminderQueuedAt;
  const askAgain = moved && meeting.attendance.length > 0 && localDay(meeting.start, timeZone) !== localDay(before.start, timeZone);
  if (askAgain) meeting.answersFrom = now.toISOString();
  return { meeting, moved, changed, askAgain };
}

function setOptional<K extends 'title' | 'place' | 'onlineUrl'>(meeting: Meeting, key: K, value: string | undefined): void {
  if (value === undefined) delete meeting[key];
  else meeting[key] = value;
}

export function cancelMeeting(data: Data, meetingId: string, revision: number | undefined, now: Date): Meeting {
  const meeting = openMeeting(data, meetingId, now);
  assertRevision(meeting, revision);
  meeting.status = 'avlyst';
  meeting.revision += 1;
  return meeting;
}

/**
 * «Gjenoppta møtet»: a cancelled meeting is held after all, as long as it has not begun and no
 * other meeting has taken its time. Returns what cancelling it had moved on, for the caller to
 * bring back; a meeting not cancelled is left as it is, with no cancellation returned.
 */
export function reinstateMeeting(data: Data, meetingId: string, revision: number | undefined, now: Date, timeZone: string): { meeting: Meeting; cancellation: Cancellation | undefined } {
  const meeting = findMeeting(data, meetingId);
  assertRevision(meeting, revision);
  if (meeting.status !== 'avlyst') return { meeting, cancellation: undefined };
  if (Date.parse(meeting.start) <= now.getTime()) throw new DomainError(ErrorCode.MeetingClosed, `meeting ${meetingId} has begun`, { status: meeting.status });
  // Its time may have been taken by another meeting meanwhile.
  checkMeetingInput(data, meetingInputOf(meeting, timeZone), now, timeZone, meeting.id);
  // A meeting cancelled before cancellations were kept moved nothing that can be found again.
  const cancellation = meeting.cancellation ?? { at: now.toISOString(), pointIds: [], proposals: [] };
  delete meeting.cancellation;
  meeting.status = 'planlagt';
  meeting.revision += 1;
  return { meeting, cancellation };
}

/** One meeting of a proposed year plan; `existing` is set when the year already has one like it. */
export interface PlannedMeeting extends MeetingInput {
  key: string;
}

/** The council's usual hours: ordinary and extraordinary meetings 09.00–11.30, the seminar a working day. */
export const USUAL_HOURS: Record<MeetingKind, { startTime: string; endTime: string }> = {
  ordinært: { startTime: '09:00', endTime: '11:30' },
  ekstraordinært: { startTime: '09:00', endTime: '11:30' },
  seminar: { startTime: '09:00', endTime: '15:00' },
};

/**
 * A year laid out as the council usually meets: an ordinary meeting on the second Thursday of
 * March, June, September and December (09.00–11.30) and the seminar on the third Thursday of
 * October (09.00–15.00). Months that already have such a meeting are left out.
 */
export function proposeYear(data: Readonly<Data>, year: number, timeZone: string): PlannedMeeting[] {
  const taken = (kind: MeetingKind, month: number | undefined) =>
    data.meetings.some((m) => {
      if (m.status === 'avlyst' || m.kind !== kind) return false;
      const start = new TZDate(Date.parse(m.start), timeZone);
      return start.getFullYear() === year && (month === undefined || start.getMonth() === month);
    });
  const plan: PlannedMeeting[] = [];
  for (const month of [2, 5, 8, 11]) {
    if (taken('ordinært', month)) continue;
    plan.push({ key: `m${month + 1}`, kind: 'ordinært', date: nthThursday(year, month, 2), ...USUAL_HOURS.ordinært });
  }
  if (!taken('seminar', undefined)) {
    plan.push({ key: 'seminar', kind: 'seminar', title: `Politirådets seminar ${year}`, date: nthThursday(year, 9, 3), ...USUAL_HOURS.seminar });
  }
  return plan.sort((a, b) => a.date.localeCompare(b.date));
}

function nthThursday(year: number, month: number, n: number): string {
  const first = startOfMonth(new Date(Date.UTC(year, month, 1, 12)));
  const offset = (4 - getDay(first) + 7) % 7;
  return format(addDays(first, offset + 7 * (n - 1)), 'yyyy-MM-dd');
}

/** Creates every meeting of a confirmed plan, or none: one bad line refuses the whole plan. */
export function createMeetings(data: Data, inputs: readonly MeetingInput[], now: Date, timeZone: string): Meeting[] {
  return inputs.map((input) => createMeeting(data, input, now, timeZone));
}
