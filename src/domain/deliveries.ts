import { TZDate } from '@date-fns/tz';
import { attendanceOf, attendanceOverview, isAttendee } from './attendance.js';
import { byId } from './drafts.js';
import { todayIn } from './follow-up-dates.js';
import { queueFollowUpSummary } from './follow-up-reminders.js';
import { remembered } from './dates.js';
import { meetingPhase } from './meetings.js';
import type { ConversationRecord, Data, Delivery, DeliveryKind, Meeting, Member } from './schema.js';

/** When the agenda and the reminder go out: whole days before the meeting, at a wall-clock time. */
export interface DispatchTiming {
  agendaLeadDays: number;
  reminderLeadDays: number;
  /** HH:mm in the council's zone. */
  sendTime: string;
  timeZone: string;
  /** Whole days before a follow-up point is due (or briefed) that its owner is reminded. */
  followUpNoticeDays: number;
  /** Whole days before a SaLTo round's deadline that units which have not reported are reminded. */
  saltoReminderDays: number;
  /** Whole days before a meeting with SaLTo reporting on its agenda that the secretariat is reminded to open its round. */
  saltoRoundLeadDays: number;
  /** Whole days after a meeting that the secretariat is reminded of minutes not yet sent. */
  minutesReminderDays: number;
}

export const DEFAULT_TIMING: Omit<DispatchTiming, 'timeZone'> = { agendaLeadDays: 7, reminderLeadDays: 1, sendTime: '09:00', followUpNoticeDays: 7, saltoReminderDays: 3, saltoRoundLeadDays: 28, minutesReminderDays: 3 };

/**
 * The calendar day `days` before the meeting, at `sendTime` in the council's zone. Counting
 * calendar days in that zone keeps 09:00 at 09:00 across the summer-time change.
 */
export function dueAt(meeting: Pick<Meeting, 'start'>, days: number, timing: Pick<DispatchTiming, 'sendTime' | 'timeZone'>): Date {
  return new Date(dueAtMs(meeting.start, days, timing.sendTime, timing.timeZone));
}
const dueAtMs = remembered((start: string, days: number, sendTime: string, timeZone: string) => {
  const zoned = new TZDate(Date.parse(start), timeZone);
  return sendTimeMs(zoned.getFullYear(), zoned.getMonth(), zoned.getDate() - days, sendTime, timeZone);
});

/** The send time on a calendar day (month from 0; days past the month's end roll over). */
export function sendTimeOn(year: number, month: number, day: number, timing: Pick<DispatchTiming, 'sendTime' | 'timeZone'>): Date {
  return new Date(sendTimeMs(year, month, day, timing.sendTime, timing.timeZone));
}
/** The send time `daysBefore` calendar days before a date (yyyy-MM-dd, a day in the council's zone); negative is after. */
export function atSendTime(date: string, daysBefore: number, timing: Pick<DispatchTiming, 'sendTime' | 'timeZone'>): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return sendTimeOn(year, month - 1, day - daysBefore, timing);
}
// The scheduler asks for these for every open point once a minute; the same days come back.
const sendTimeMs = remembered((year: number, month: number, day: number, sendTime: string, timeZone: string) => {
  const [hours, minutes] = sendTime.split(':').map(Number) as [number, number];
  return new TZDate(year, month, day, hours, minutes, timeZone).getTime();
});

/**
 * When the agenda goes out by itself: at the send time `agendaLeadDays` before the meeting, or
 * at the time held for it (`agendaSendAt`). Undefined: only when the secretary sends it.
 */
export function agendaSendTime(meeting: Pick<Meeting, 'start' | 'agendaSendAt'>, timing: Pick<DispatchTiming, 'agendaLeadDays' | 'sendTime' | 'timeZone'>): Date | undefined {
  if (meeting.agendaSendAt === undefined) return dueAt(meeting, timing.agendaLeadDays, timing);
  return Date.parse(meeting.agendaSendAt) < Date.parse(meeting.start) ? new Date(meeting.agendaSendAt) : undefined;
}

/**
 * After a meeting is made or moved. When its agenda has not gone out and the time it would go out
 * has passed, it would go at once, with only the standing items; instead it waits for the next
 * send time before the meeting, so the secretary can finish it (or send it sooner). With no such
 * time left, it waits for the secretary. A time the secretary asked for stays.
 */
export function holdLateAgenda(meeting: Meeting, now: Date, timing: Pick<DispatchTiming, 'agendaLeadDays' | 'sendTime' | 'timeZone'>): void {
  if (meeting.agendaQueuedAt || (meeting.agendaSendAt !== undefined && Date.parse(meeting.agendaSendAt) <= now.getTime())) return;
  delete meeting.agendaSendAt;
  if (now < dueAt(meeting, timing.agendaLeadDays, timing)) return;
  const [y, m, d] = todayIn(now, timing.timeZone).split('-').map(Number) as [number, number, number];
  const today = sendTimeOn(y, m - 1, d, timing);
  const next = today > now ? today : sendTimeOn(y, m - 1, d + 1, timing);
  meeting.agendaSendAt = (next.getTime() < Date.parse(meeting.start) ? next : new Date(meeting.start)).toISOString();
}

/**
 * The secretary sends a coming meeting's agenda now, whatever time it was due: the scheduler
 * queues it at its next look, after reaching the council's team, as it would at the usual time.
 * False when it has gone out already.
 */
export function sendAgendaNow(meeting: Meeting, now: Date): boolean {
  if (meeting.agendaQueuedAt) return false;
  meeting.agendaSendAt = now.toISOString();
  return true;
}

export interface Dispatch {
  meetingId: string;
  kind: 'agenda' | 'reminder';
}

/**
 * What is due now, as a pure function of the data and the time. A meeting that has started gets
 * nothing; one whose send time passed while the bot was down gets it now. When the agenda goes
 * out so late that the reminder is due too, the agenda alone is sent.
 */
export function dueDispatches(data: Readonly<Data>, now: Date, timing: DispatchTiming): Dispatch[] {
  const due: Dispatch[] = [];
  for (const meeting of data.meetings) {
    if (meetingPhase(meeting, now) !== 'coming') continue;
    if (!meeting.agendaQueuedAt) {
      const at = agendaSendTime(meeting, timing);
      if (at && now >= at) due.push({ meetingId: meeting.id, kind: 'agenda' });
    } else if (!meeting.reminderQueuedAt && now >= dueAt(meeting, timing.reminderLeadDays, timing)) {
      due.push({ meetingId: meeting.id, kind: 'reminder' });
    }
  }
  return due;
}

/** Members who get agendas in personal chat: those expected at meetings and the secretariat. */
export function isAgendaRecipient(member: Member): boolean {
  return isAttendee(member) || member.roles.includes('sekretariat');
}

export interface Recipient {
  conversationId: string;
  memberId?: string;
}

function reachable(record: ConversationRecord | undefined): record is ConversationRecord {
  return record !== undefined && record.installed;
}

/** The council's channel (when marked) and every recipient's personal chat the bot can reach. */
export function agendaRecipients(data: Readonly<Data>): Recipient[] {
  const channel = channelRecipient(data);
  return [...(channel ? [channel] : []), ...personalRecipients(data, data.members.filter(isAgendaRecipient))];
}

/** The council's marked channel as an outbox recipient, when the bot can post there. */
function channelRecipient(data: Readonly<Data>): Recipient | undefined {
  const channelId = data.settings.councilChannel?.conversationId;
  return channelId && reachable(data.conversations.find((c) => c.id === channelId)) ? { conversationId: channelId } : undefined;
}

/** Those of `members` the bot can reach in personal chat, each as an outbox recipient, in order. */
export function personalRecipients(data: Readonly<Data>, members: readonly Member[]): Recipient[] {
  const chatOf = personalChats(data);
  return members.flatMap((member) => {
    const chat = chatOf(member.id);
    return chat ? [{ conversationId: chat.id, memberId: member.id }] : [];
  });
}

/**
 * Whether `queue` would add anything to the outbox now, tried on a copy: queuing only appends to
 * the outbox, so a copy of that array is enough, and the scheduler writes only when there is news.
 */
export function wouldQueue(queue: (data: Data, now: Date, timing: DispatchTiming) => Delivery[]): (data: Readonly<Data>, now: Date, timing: DispatchTiming) => boolean {
  return (data, now, timing) => queue({ ...data, deliveries: [...data.deliveries] } as Data, now, timing).length > 0;
}

/** The secretaries' personal chats (not the administrators'): where the secretariat's own reminders go. */
export function secretaryRecipients(data: Readonly<Data>): Recipient[] {
  return personalRecipients(data, data.members.filter((m) => m.roles.includes('sekretariat')));
}

export function personalChatOf(data: Readonly<Data>, memberId: string): ConversationRecord | undefined {
  return personalChats(data)(memberId);
}

/**
 * Each member's personal chat (the latest seen, of those where the bot is installed), found in
 * one pass over the conversations: for loops over members, where a search per member would
 * read every conversation of a large council once per member.
 */
export function personalChats(data: Readonly<Data>): (memberId: string) => ConversationRecord | undefined {
  const latest = new Map<string, ConversationRecord>();
  for (const c of data.conversations) {
    if (c.kind !== 'personal' || !c.installed || c.memberId === undefined) continue;
    const seen = latest.get(c.memberId);
    if (!seen || c.lastSeenAt > seen.lastSeenAt) latest.set(c.memberId, c);
  }
  return (memberId) => latest.get(memberId);
}

/** Those expected at the meeting who have not answered and whom the bot can reach in personal chat. */
export function unansweredRecipients(data: Readonly<Data>, meeting: Meeting): Recipient[] {
  return personalRecipients(data, attendanceOverview(data, meeting).unanswered);
}

/** Members the bot cannot reach in personal chat; the secretary sees them with the agenda status. */
export function unreachableRecipients(data: Readonly<Data>): Member[] {
  const chatOf = personalChats(data);
  return data.members.filter((m) => isAgendaRecipient(m) && !chatOf(m.id));
}

/** What an outbox message is about: a meeting, a follow-up point, or a point at a meeting. */
export type Subject = string | { meetingId?: string; followUpId?: string; roundId?: string };

function subjectOf(subject: Subject): { meetingId?: string; followUpId?: string; roundId?: string } {
  return typeof subject === 'string' ? { meetingId: subject } : subject;
}

/**
 * Writes outgoing messages to the outbox. The id names the message (subject, kind, batch and
 * conversation), so queuing the same thing again — after a restart or a resent request — adds
 * nothing.
 */
export function enqueue(data: Data, kind: DeliveryKind, subject: Subject, batch: string, recipients: readonly Recipient[], now: Date, note?: string): Delivery[] {
  const { meetingId, followUpId, roundId } = subjectOf(subject);
  const key = roundId ? `round:${roundId}` : (meetingId ?? `op:${followUpId ?? ''}`);
  const added: Delivery[] = [];
  const queued = new Set(data.deliveries.map((d) => d.id));
  for (const recipient of recipients) {
    const id = `${key}|${kind}|${batch}|${recipient.conversationId}`;
    if (queued.has(id)) continue;
    queued.add(id);
    const delivery: Delivery = {
      id,
      kind,
      conversationId: recipient.conversationId,
      status: 'pending',
      attempts: 0,
      createdAt: now.toISOString(),
      ...(meetingId ? { meetingId } : {}),
      ...(followUpId ? { followUpId } : {}),
      ...(roundId ? { roundId } : {}),
      ...(recipient.memberId ? { memberId: recipient.memberId } : {}),
      ...(note ? { note } : {}),
    };
    data.deliveries.push(delivery);
    added.push(delivery);
  }
  return added;
}

/** Queues what `dueDispatches` found, and marks the meeting so it is never queued again. */
export function queueDispatch(data: Data, dispatch: Dispatch, now: Date, timing: DispatchTiming): Delivery[] {
  const meeting = data.meetings.find((m) => m.id === dispatch.meetingId);
  if (!meeting) return [];
  const at = now.toISOString();
  if (dispatch.kind === 'agenda') {
    if (meeting.agendaQueuedAt) return [];
    meeting.agendaQueuedAt = at;
    if (now >= dueAt(meeting, timing.reminderLeadDays, timing)) meeting.reminderQueuedAt = at;
  } else {
    if (meeting.reminderQueuedAt) return [];
    meeting.reminderQueuedAt = at;
  }
  // Someone who has sent apologies needs no reminder of the meeting.
  const recipients = agendaRecipients(data).filter((r) => dispatch.kind === 'agenda' || attendanceOf(meeting, r.memberId)?.answer !== 'forfall');
  const queued = enqueue(data, dispatch.kind, meeting.id, 'auto', recipients, now);
  return dispatch.kind === 'agenda' ? [...queued, ...queueFollowUpSummary(data, meeting, now, timing.timeZone)] : queued;
}

/**
 * A member who installs the bot after an agenda went out still gets it, for every meeting that
 * has not started; the outbox id keeps it to once.
 */
export function catchUpAgendas(data: Data, memberId: string, now: Date): Delivery[] {
  const member = data.members.find((m) => m.id === memberId);
  const chat = personalChatOf(data, memberId);
  if (!member || !chat || !isAgendaRecipient(member)) return [];
  const sent = new Set(data.deliveries.filter((d) => d.memberId === memberId && d.kind === 'agenda').map((d) => d.meetingId));
  return agendasOut(data, now)
    .filter((m) => !sent.has(m.id))
    .flatMap((m) => enqueue(data, 'agenda', m.id, 'auto', [{ conversationId: chat.id, memberId }], now));
}

/**
 * A channel marked as the council's after an agenda went out gets it too, for every meeting that
 * has not started; the outbox id keeps it to once per channel.
 */
export function catchUpChannelAgendas(data: Data, now: Date): Delivery[] {
  const channel = channelRecipient(data);
  if (!channel) return [];
  return agendasOut(data, now).flatMap((m) => enqueue(data, 'agenda', m.id, 'auto', [channel], now));
}

/** Coming meetings whose agenda has gone out. */
function agendasOut(data: Readonly<Data>, now: Date): Meeting[] {
  return data.meetings.filter((m) => meetingPhase(m, now) === 'coming' && m.agendaQueuedAt);
}

/** Everyone who was sent this meeting's agenda: a move or a cancellation is told to them. */
export function agendaReceivers(data: Readonly<Data>, meetingId: string): Recipient[] {
  return data.deliveries
    .filter((d) => d.meetingId === meetingId && d.kind === 'agenda' && d.status === 'sent')
    .map((d) => ({ conversationId: d.conversationId, ...(d.memberId ? { memberId: d.memberId } : {}) }));
}

/** Everyone a meeting's cancellation was queued for: they hear when it is held after all. */
export function cancellationReceivers(data: Readonly<Data>, meetingId: string): Recipient[] {
  return data.deliveries
    .filter((d) => d.meetingId === meetingId && d.kind === 'cancelled')
    .map((d) => ({ conversationId: d.conversationId, ...(d.memberId ? { memberId: d.memberId } : {}) }));
}

export function pendingDeliveries(data: Readonly<Data>): Delivery[] {
  return data.deliveries.filter((d) => d.status === 'pending');
}

/** Posted agenda cards that show an older version of their meeting and should be updated in place. */
export function staleCards(data: Readonly<Data>): Delivery[] {
  const revisions = new Map(data.meetings.map((m) => [m.id, m.revision]));
  return data.deliveries.filter(
    (d) =>
      (d.kind === 'agenda' || d.kind === 'reminder') &&
      d.status === 'sent' &&
      d.activityId !== undefined &&
      d.revision !== undefined &&
      d.meetingId !== undefined &&
      d.revision < (revisions.get(d.meetingId) ?? d.revision),
  );
}

export type DeliveryOutcome =
  | { status: 'sent'; activityId?: string | undefined; revision?: number | undefined; attempts: number }
  | { status: 'failed' | 'undeliverable'; error: string; attempts: number };

export function recordOutcome(data: Data, deliveryId: string, outcome: DeliveryOutcome, now: Date, before: Readonly<Data> = data): void {
  const delivery = byId(data.deliveries, before.deliveries, deliveryId);
  if (!delivery) return;
  delivery.attempts = outcome.attempts;
  delivery.status = outcome.status;
  if (outcome.status === 'sent') {
    delivery.sentAt = now.toISOString();
    if (outcome.activityId) delivery.activityId = outcome.activityId;
    if (outcome.revision !== undefined) delivery.revision = outcome.revision;
    delete delivery.error;
  } else {
    delivery.error = outcome.error.slice(0, 500);
  }
  if (outcome.status === 'undeliverable') {
    // Blocked or uninstalled: later agendas skip this chat until the user reaches the bot again.
    const record = byId(data.conversations, before.conversations, delivery.conversationId);
    if (record) record.installed = false;
  }
}

/** An update in place that succeeded: the posted card now shows this revision. */
export function recordCardUpdated(data: Data, deliveryId: string, revision: number, before: Readonly<Data> = data): void {
  const delivery = byId(data.deliveries, before.deliveries, deliveryId);
  if (delivery) delivery.revision = revision;
}

/** Deliveries of a meeting that did not arrive, for the secretary. */
export function undelivered(data: Readonly<Data>, meetingId: string): Delivery[] {
  return data.deliveries.filter((d) => d.meetingId === meetingId && (d.status === 'failed' || d.status === 'undeliverable'));
}
