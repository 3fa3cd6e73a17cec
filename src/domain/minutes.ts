import { agendaRecipients, dueAt, enqueue, secretaryRecipients, wouldQueue, type DispatchTiming } from './deliveries.js';
import { DomainError, ErrorCode } from './errors.js';
import { isConfidentialPoint } from './follow-ups.js';
import { findMeeting, meetingPhase } from './meetings.js';
import type { Audience } from './agenda.js';
import { isSecretariat } from './roles.js';
import type { Data, Delivery, FollowUp, Meeting, Member, Minutes, MinutesText } from './schema.js';

/**
 * The follow-up points made from each of a meeting's agenda items, in the order they were made:
 * what the meeting agreed should be followed up, for the minutes. Cancelled points are left out.
 */
export function pointsByItem(data: Readonly<Data>, meeting: Meeting): Map<string, FollowUp[]> {
  const byItem = new Map<string, FollowUp[]>();
  for (const point of data.followUps) {
    if (point.source?.meetingId !== meeting.id || point.status === 'avlyst') continue;
    const listed = byItem.get(point.source.itemId);
    if (listed) listed.push(point);
    else byItem.set(point.source.itemId, [point]);
  }
  return byItem;
}

/**
 * The minutes sent to the council list the points made from their items (those of items exempt
 * from disclosure left out). A point made or corrected afterwards makes sent minutes count as
 * changed, so the form offers to send them again; minutes already changed stay as they are.
 */
export function notePointChange(data: Data, point: Pick<FollowUp, 'source'>, byMemberId: string | undefined, now: Date): void {
  const meeting = point.source && data.meetings.find((m) => m.id === point.source?.meetingId);
  const minutes = meeting?.minutes;
  if (!minutes || minutes.sentRevision !== minutes.revision) return;
  if (isConfidentialPoint(data, point)) return;
  minutes.revision += 1;
  minutes.updatedAt = now.toISOString();
  if (byMemberId) minutes.updatedBy = byMemberId;
}

/** What one agenda item's text may hold, and who came or sent apologies. */
/** The secretariat writes the minutes, in personal chat, where they hold what was said under confidential items. */
export function writesMinutes(viewer: Member | undefined, audience: Audience): boolean {
  return isSecretariat(viewer) && audience === 'personal';
}

export const MINUTES_ITEM_LIMIT = 4000;
export const MINUTES_PEOPLE_LIMIT = 2000;
/** All of a meeting's minutes together, so the form that shows them stays within a Teams message. */
export const MINUTES_TOTAL_LIMIT = 20_000;

/**
 * What the secretary saves from the minutes form. A field the form did not send is left as it
 * was saved, so nothing written is lost to a form that lacks it; an empty text clears its field.
 */
export interface MinutesInput {
  /** The minutes' revision the form was made from (0 before the first save). */
  revision: number;
  present?: string | undefined;
  absent?: string | undefined;
  /** The text for agenda items, by item id. */
  items: Record<string, string>;
}

/**
 * The meeting whose minutes may be written: one that has begun and was not cancelled. A meeting
 * still to come has nothing to write down yet.
 */
export function minutesMeeting(data: Readonly<Data>, meetingId: string, now: Date): Meeting {
  const meeting = findMeeting(data, meetingId);
  const phase = meetingPhase(meeting, now);
  if (phase === 'coming' || phase === 'cancelled') throw new DomainError(ErrorCode.MinutesTooEarly, `meeting ${meetingId} is ${phase}`, { phase });
  return meeting;
}

const length = (text: string) => [...text].length;

/**
 * Saves the minutes over the ones the form was made from. A form older than the last save is
 * refused (the caller keeps what was typed), and so are texts over their limits and items the
 * agenda does not have. The meeting's own revision is left alone: the posted agenda cards do not
 * show the minutes, so they stay as they are.
 */
export function saveMinutes(data: Data, meetingId: string, input: MinutesInput, byMemberId: string | undefined, now: Date): Minutes {
  const meeting = minutesMeeting(data, meetingId, now);
  const current = meeting.minutes;
  const revision = current?.revision ?? 0;
  if (input.revision !== revision) throw new DomainError(ErrorCode.Stale, `minutes are at ${revision}, the form at ${input.revision}`, { what: 'minutes' });
  const items: Record<string, string> = { ...current?.items };
  for (const [itemId, text] of Object.entries(input.items)) {
    if (!meeting.agenda.some((item) => item.id === itemId)) throw new DomainError(ErrorCode.NotFound, `no agenda item ${itemId}`);
    const trimmed = text.trim();
    if (length(trimmed) > MINUTES_ITEM_LIMIT) throw new DomainError(ErrorCode.TextTooLong, `item ${itemId} is ${length(trimmed)} long`, { limit: MINUTES_ITEM_LIMIT });
    if (trimmed) items[itemId] = trimmed;
    else delete items[itemId];
  }
  const present = (input.present ?? current?.present ?? '').trim();
  const absent = (input.absent ?? current?.absent ?? '').trim();
  for (const text of [present, absent]) {
    if (length(text) > MINUTES_PEOPLE_LIMIT) throw new DomainError(ErrorCode.TextTooLong, `people list is ${length(text)} long`, { limit: MINUTES_PEOPLE_LIMIT });
  }
  const total = length(present) + length(absent) + Object.values(items).reduce((sum, text) => sum + length(text), 0);
  if (total > MINUTES_TOTAL_LIMIT) throw new DomainError(ErrorCode.TextTooLong, `minutes are ${total} long`, { limit: MINUTES_TOTAL_LIMIT });
  // Saving what is already saved changes nothing, so it makes no one else's form stale.
  if (current && current.present === present && current.absent === absent && sameTexts(current.items, items)) return current;
  const sent = current?.sentAt !== undefined && current.sentRevision !== undefined ? { sentAt: current.sentAt, sentRevision: current.sentRevision, sent: current.sent ?? textOf(current) } : {};
  const minutes: Minutes = { present, absent, items, revision: revision + 1, updatedAt: now.toISOString(), ...(byMemberId ? { updatedBy: byMemberId } : {}), ...sent };
  meeting.minutes = minutes;
  return minutes;
}

const textOf = (minutes: MinutesText): MinutesText => ({ present: minutes.present, absent: minutes.absent, items: { ...minutes.items } });

function sameTexts(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/**
 * Sends the minutes as saved at `revision` to the council: its channel and every member's
 * personal chat the bot can reach, through the outbox. Sending the same revision again adds
 * nothing; minutes changed since they were sent go out again, as a new message. The minutes
 * count as sent once there was someone to send them to.
 */
export function sendMinutes(data: Data, meetingId: string, revision: number, now: Date): Delivery[] {
  const meeting = minutesMeeting(data, meetingId, now);
  const minutes = meeting.minutes;
  if (!minutes) throw new DomainError(ErrorCode.NotFound, `meeting ${meetingId} has no minutes`);
  if (minutes.revision !== revision) throw new DomainError(ErrorCode.Stale, `minutes are at ${minutes.revision}, the form at ${revision}`, { what: 'minutes' });
  const queued = enqueue(data, 'minutes', meeting.id, `r${revision}`, agendaRecipients(data), now);
  // With no one to reach (no channel marked, no member with the bot) nothing has gone out.
  if (queued.length > 0 && minutes.sentRevision !== revision) {
    minutes.sentAt = now.toISOString();
    minutes.sentRevision = revision;
    minutes.sent = textOf(minutes);
  }
  return queued;
}

/**
 * The texts of the minutes as the council last got them: what everyone but the secretariat
 * reads, also after the secretary has changed them and not yet sent the changes. Minutes saved
 * before the sent texts were kept have only their current texts, which stand in for them.
 */
export function sentText(minutes: Minutes | undefined): MinutesText | undefined {
  if (minutes?.sentAt === undefined) return undefined;
  return minutes.sent ?? minutes;
}

/**
 * A reminder that falls due longer ago than this is not sent: a bot started with old meetings
 * whose minutes were never sent through it does not nag about them.
 */
const MINUTES_REMINDER_WINDOW_MS = 14 * 24 * 3600 * 1000;

/**
 * Reminds the secretariat, in personal chat, of a held meeting whose minutes have not been sent
 * to the council, `minutesReminderDays` after the meeting at the send time; once per meeting (the
 * outbox id), and not for a cancelled meeting.
 */
export function queueMinutesReminders(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const queued: Delivery[] = [];
  for (const meeting of data.meetings) {
    if (meeting.minutes?.sentAt || meetingPhase(meeting, now) !== 'held') continue;
    const at = dueAt(meeting, -timing.minutesReminderDays, timing).getTime();
    if (now.getTime() < at || now.getTime() - at > MINUTES_REMINDER_WINDOW_MS) continue;
    queued.push(...enqueue(data, 'minutes-reminder', meeting.id, 'auto', secretaryRecipients(data), now));
  }
  return queued;
}

/** True when `queueMinutesReminders` would add anything, so the scheduler writes only then. */
export const hasMinutesReminders = wouldQueue(queueMinutesReminders);

/** The latest meeting whose minutes went out to the council. */
export function lastSentMinutes(data: Readonly<Data>): Meeting | undefined {
  return data.meetings.filter((m) => m.minutes?.sentAt).sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
}

/** The version of the minutes a delivery of them was queued for (its batch is `r<revision>`). */
function sentVersion(delivery: Delivery): number {
  return Number(/\|minutes\|r(\d+)\|/.exec(delivery.id)?.[1] ?? 0);
}

/** Whether the conversation got an earlier version of these minutes before this delivery's. */
export function resentMinutes(data: Readonly<Data>, delivery: Delivery): boolean {
  const version = sentVersion(delivery);
  return data.deliveries.some((d) => d.kind === 'minutes' && d.meetingId === delivery.meetingId && d.conversationId === delivery.conversationId && sentVersion(d) < version);
}

/** How the last sending of the minutes went: how many got them, and how many could not be reached. */
export function minutesDelivery(data: Readonly<Data>, meeting: Meeting): { sent: number; pending: number; failed: number } {
  const batch = `${meeting.id}|minutes|r${meeting.minutes?.sentRevision ?? -1}|`;
  const deliveries = data.deliveries.filter((d) => d.kind === 'minutes' && d.id.startsWith(batch));
  return {
    sent: deliveries.filter((d) => d.status === 'sent').length,
    pending: deliveries.filter((d) => d.status === 'pending').length,
    failed: deliveries.filter((d) => d.status === 'failed' || d.status === 'undeliverable').length,
  };
}

/** The abbreviations the council's minutes explain at their end (from the October 2024 minutes and the domain). */
export const ABBREVIATIONS: readonly { short: string; long: string }[] = [
  { short: 'OPD', long: 'Oslo politidistrikt' },
  { short: 'BLK', long: 'Byrådslederens kontor' },
  { short: 'UTD', long: 'Byrådsavdeling for utdanning' },
  { short: 'NOE', long: 'Byrådsavdeling for kultur og næring' },
  { short: 'SET', long: 'Byrådsavdeling for sosiale tjenester' },
  { short: 'SLT', long: 'Samordning av lokale rus- og kriminalitetsforebyggende tiltak' },
  { short: 'SALUTT', long: 'Sammen lager vi et tryggere uteliv' },
];

/** The abbreviations a text uses, as whole words in capitals, in the list's order. */
export function abbreviationsIn(text: string): { short: string; long: string }[] {
  return ABBREVIATIONS.filter((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a.short}(?![\\p{L}\\p{N}])`, 'u').test(text));
}
