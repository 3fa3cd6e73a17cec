import { dueAt, enqueue, secretaryRecipients, wouldQueue, type DispatchTiming } from './deliveries.js';
import { meetingDate } from './follow-up-dates.js';
import type { Data, Delivery, Meeting } from './schema.js';

/**
 * Whole days before the last meeting planned that the secretaries are reminded to plan more:
 * time to agree the dates, and to put them on that meeting's agenda.
 */
export const YEAR_PLAN_LEAD_DAYS = 42;

/** The planned meeting that starts last: after it, the council's calendar is empty. */
export function lastPlannedMeeting(data: Readonly<Data>): Meeting | undefined {
  return data.meetings.filter((m) => m.status === 'planlagt').reduce<Meeting | undefined>((last, m) => (!last || Date.parse(m.start) > Date.parse(last.start) ? m : last), undefined);
}

/** The year whose meetings the secretaries are asked to plan: the one after the last meeting planned. */
export function yearToPlan(meeting: Meeting, timeZone: string): number {
  return Number(meetingDate(meeting, timeZone).slice(0, 4)) + 1;
}

/**
 * Reminds the secretaries, in personal chat, `YEAR_PLAN_LEAD_DAYS` before the last meeting
 * planned (at the send time, or at once if nearer), that nothing is planned after it; once for
 * each meeting that has been the last.
 */
export function queueYearPlanReminders(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const last = lastPlannedMeeting(data);
  if (!last) return [];
  if (now < dueAt(last, YEAR_PLAN_LEAD_DAYS, timing)) return [];
  return enqueue(data, 'year-plan-reminder', last.id, 'auto', secretaryRecipients(data), now);
}

/** True when `queueYearPlanReminders` would add anything, so the scheduler writes only then. */
export const hasYearPlanReminders = wouldQueue(queueYearPlanReminders);
