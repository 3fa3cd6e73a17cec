import { atSendTime, dueAt, enqueue, personalChats, personalRecipients, type DispatchTiming } from './deliveries.js';
import { dueDateOf, todayIn } from './follow-up-dates.js';
import { briefingMeeting, isOpen } from './follow-ups.js';
import { COUNCIL, isSecretariat, mayUse } from './roles.js';
import { statusPoint, statusView, type StatusView } from './follow-up-status.js';
import type { Data, Delivery, FollowUp, Meeting } from './schema.js';

export interface FollowUpNotice {
  kind: 'followup-due' | 'followup-overdue' | 'followup-briefing';
  followUpId: string;
  ownerMemberId: string;
  /** The meeting a briefing notice is about. */
  meetingId?: string;
  /**
   * The window the notice belongs to: the due date, or the point for a briefing. A point is
   * told once per window; a new due date is a new window.
   */
  batch: string;
}

/**
 * Reminders owners should have by now, as a pure function of the data and the time: due
 * within the notice window, overdue (from the send time the day after the due date), or to
 * brief the council at a meeting within the window. Points without an owner get none, and nor do
 * those whose owner is no longer on the council: the secretariat gives them to someone else.
 */
export function dueFollowUpNotices(data: Readonly<Data>, now: Date, timing: DispatchTiming): FollowUpNotice[] {
  const notices: FollowUpNotice[] = [];
  const today = todayIn(now, timing.timeZone);
  const council = new Set(data.members.filter((m) => mayUse(m, COUNCIL)).map((m) => m.id));
  for (const point of data.followUps) {
    if (!isOpen(point) || !point.ownerMemberId || !council.has(point.ownerMemberId)) continue;
    const owner = point.ownerMemberId;
    const meeting = briefingMeeting(data, point, now, timing.timeZone);
    if (meeting && now >= dueAt(meeting, timing.followUpNoticeDays, timing)) {
      notices.push({ kind: 'followup-briefing', followUpId: point.id, ownerMemberId: owner, meetingId: meeting.id, batch: point.id });
    }
    const due = dueDateOf(point, data, timing.timeZone);
    if (!due) continue;
    if (due < today) {
      if (now >= atSendTime(due, -1, timing)) notices.push({ kind: 'followup-overdue', followUpId: point.id, ownerMemberId: owner, batch: due });
    } else if (!meeting && now >= atSendTime(due, timing.followUpNoticeDays, timing)) {
      notices.push({ kind: 'followup-due', followUpId: point.id, ownerMemberId: owner, batch: due });
    }
  }
  return notices;
}

function noticeKey(subject: string, kind: string, batch: string): string {
  return `${subject}|${kind}|${batch}`;
}

/** Notices due that are not in the outbox yet (for any chat) and that the bot can deliver. */
function newNotices(data: Readonly<Data>, now: Date, timing: DispatchTiming): FollowUpNotice[] {
  const queued = new Set(data.deliveries.map((d) => d.id.split('|').slice(0, 3).join('|')));
  const chatOf = personalChats(data);
  return dueFollowUpNotices(data, now, timing).filter(
    (notice) => !queued.has(noticeKey(notice.meetingId ?? `op:${notice.followUpId}`, notice.kind, notice.batch)) && chatOf(notice.ownerMemberId),
  );
}

export function hasNewFollowUpNotices(data: Readonly<Data>, now: Date, timing: DispatchTiming): boolean {
  return newNotices(data, now, timing).length > 0;
}

/**
 * Puts due reminders in the outbox, to the owner's personal chat. A reminder already in the
 * outbox for that window (to any chat) is not queued again, so a restart repeats nothing.
 */
export function queueFollowUpNotices(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const chatOf = personalChats(data);
  return newNotices(data, now, timing).flatMap((notice) => {
    const chat = chatOf(notice.ownerMemberId);
    if (!chat) return [];
    const about = { followUpId: notice.followUpId, ...(notice.meetingId ? { meetingId: notice.meetingId } : {}) };
    return enqueue(data, notice.kind, about, notice.batch, [{ conversationId: chat.id, memberId: notice.ownerMemberId }], now);
  });
}

/** The notices about who owns a point. */
const OWNER_NOTICES: readonly Delivery['kind'][] = ['followup-assigned', 'followup-unassigned'];

/**
 * Tells a point's owner, in personal chat, that someone else made them its owner, and the owner
 * it had before (if any) that it has passed on. Each time the owner changes, so a point given
 * back is told again; never to whoever made the change, nor to someone the bot cannot reach.
 * Someone with a notice about the point still waiting gets no second one: what waits is made
 * from the point as it is when it goes, and is not sent if it no longer holds (a point passed
 * on and back before anything went tells no one).
 */
export function queueAssignedNotice(data: Data, point: FollowUp, byMemberId: string | undefined, now: Date, previousOwner?: string): Delivery[] {
  if (!isOpen(point)) return [];
  const chats = personalChats(data);
  const notice = (kind: 'followup-assigned' | 'followup-unassigned', memberId: string | undefined): Delivery[] => {
    if (!memberId || memberId === byMemberId) return [];
    const waiting = data.deliveries.some((d) => OWNER_NOTICES.includes(d.kind) && d.followUpId === point.id && d.memberId === memberId && d.status === 'pending');
    const chat = chats(memberId);
    if (waiting || !chat) return [];
    return enqueue(data, kind, { followUpId: point.id }, `${memberId}|r${point.revision}`, [{ conversationId: chat.id, memberId }], now, byMemberId);
  };
  return [...notice('followup-assigned', point.ownerMemberId), ...(previousOwner !== point.ownerMemberId ? notice('followup-unassigned', previousOwner) : [])];
}

/**
 * Tells a point's owner, in personal chat, that someone else moved its deadline (a postponement,
 * a correction, or the meeting it was due by cancelled). Never to whoever made the change, to an
 * owner off the council, or to someone the bot cannot reach. An owner with such a notice still
 * waiting gets no second one: it is made when it goes, with the deadline as it is then.
 */
export function queueRescheduledNotice(data: Data, point: FollowUp, byMemberId: string | undefined, now: Date): Delivery[] {
  const owner = point.ownerMemberId;
  if (!isOpen(point) || !owner || owner === byMemberId || !mayUse(data.members.find((m) => m.id === owner), COUNCIL)) return [];
  const waiting = data.deliveries.some((d) => d.kind === 'followup-rescheduled' && d.followUpId === point.id && d.memberId === owner && d.status === 'pending');
  const chat = personalChats(data)(owner);
  if (waiting || !chat) return [];
  return enqueue(data, 'followup-rescheduled', { followUpId: point.id }, `${owner}|r${point.revision}`, [{ conversationId: chat.id, memberId: owner }], now, byMemberId);
}

/** The secretariat's summary goes with each agenda, to their personal chats, when there is anything to tell. */
export function queueFollowUpSummary(data: Data, meeting: Meeting, now: Date, timeZone: string): Delivery[] {
  const summary = followUpSummary(data, meeting, now, timeZone);
  if (summary.closed.length + summary.overdue.length + summary.briefed.length === 0) return [];
  return enqueue(data, 'followup-summary', meeting.id, 'auto', personalRecipients(data, data.members.filter(isSecretariat)), now);
}

export interface FollowUpSummary {
  /** Closed (done or cancelled) since the previous meeting started. */
  closed: FollowUp[];
  overdue: FollowUp[];
  /** Open briefing points placed on this meeting's agenda. */
  briefed: FollowUp[];
}

/** What the secretary should know before a meeting, as the data is when the summary is sent. */
export function followUpSummary(data: Readonly<Data>, meeting: Meeting, now: Date, timeZone: string): FollowUpSummary {
  const previous = data.meetings
    .filter((m) => m.status !== 'avlyst' && m.start < meeting.start && new Date(m.start) <= now)
    .sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
  const since = previous ? Date.parse(previous.start) : 0;
  const today = todayIn(now, timeZone);
  const briefedIds = new Set(meeting.agenda.flatMap((item) => (item.followUpId ? [item.followUpId] : [])));
  return {
    closed: data.followUps.filter((p) => !isOpen(p) && p.closedAt && Date.parse(p.closedAt) >= since),
    overdue: data.followUps.filter((p) => statusPoint(data, p, today, timeZone, false).overdue),
    briefed: data.followUps.filter((p) => briefedIds.has(p.id) && isOpen(p)),
  };
}

/**
 * The follow-up list for a meeting's papers: every open point, grouped by focus area and ordered
 * as `/status` shows them to the secretariat (overdue first), and what was closed since the
 * previous meeting.
 */
export function followUpList(data: Readonly<Data>, meeting: Meeting, now: Date, timeZone: string): { closed: FollowUp[]; open: StatusView } {
  const secretary = data.members.find(isSecretariat);
  const open = statusView(data, { viewer: secretary, filter: { kind: 'alle' }, now, timeZone, page: 1, pageSize: Number.MAX_SAFE_INTEGER });
  return { closed: followUpSummary(data, meeting, now, timeZone).closed, open };
}
