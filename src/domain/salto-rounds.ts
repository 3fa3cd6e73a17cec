import { addDays, format, isValid, parse } from 'date-fns';
import { atSendTime, dueAt, enqueue, personalChats, personalRecipients, secretaryRecipients, wouldQueue, type DispatchTiming } from './deliveries.js';
import { byId } from './drafts.js';
import { DomainError, ErrorCode } from './errors.js';
import { meetingDate, todayIn } from './follow-up-dates.js';
import { latestPeriod } from './follow-ups.js';
import { findMeeting, meetingAfter, meetingPhase, openMeeting, saltoItemId } from './meetings.js';
import { advance, formQuestions, missingAnswers, type FormInput, type FormResult } from './salto-form.js';
import type { Cancellation, Data, Delivery, Meeting, Member, ReportingUnit, SaltoReport, SaltoRound } from './schema.js';

/** The SaLTo focus areas of the latest programme period: the ones a new round asks about. */
export function currentSaltoFocusAreas(data: Readonly<Data>) {
  return latestPeriod(data.saltoFocusAreas);
}

/** The units a new round asks for a report from: all but those retired. */
export function activeUnits(data: Readonly<Data>): ReportingUnit[] {
  return data.reportingUnits.filter((u) => !u.retired);
}

const shiftDate = (date: string, days: number) => format(addDays(parse(date, 'yyyy-MM-dd', new Date(0)), days), 'yyyy-MM-dd');

/** Fourteen days before the meeting, unless the secretary chooses otherwise. */
export function defaultDeadline(data: Readonly<Data>, meetingId: string, timeZone: string): string {
  return shiftDate(meetingDate(findMeeting(data, meetingId), timeZone), -14);
}

export function findRound(data: Readonly<Data>, roundId: string): SaltoRound {
  const round = data.saltoRounds.find((r) => r.id === roundId);
  if (!round) throw new DomainError(ErrorCode.NotFound, `no round ${roundId}`);
  return round;
}

export function roundOfMeeting(data: Readonly<Data>, meetingId: string): SaltoRound | undefined {
  return data.saltoRounds.find((r) => r.meetingId === meetingId);
}

/** A deadline is a day of the calendar, today or later, and no later than the meeting's day. */
function checkDeadline(meeting: Meeting, deadline: string, now: Date, timeZone: string): void {
  const day = parse(deadline, 'yyyy-MM-dd', new Date(0));
  if (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !isValid(day) || format(day, 'yyyy-MM-dd') !== deadline) throw new DomainError(ErrorCode.InvalidDate, 'malformed deadline');
  if (deadline < todayIn(now, timeZone)) throw new DomainError(ErrorCode.DueInPast, 'deadline in the past', { date: deadline });
  if (deadline > meetingDate(meeting, timeZone)) throw new DomainError(ErrorCode.DeadlineAfterMeeting, 'deadline after the meeting');
}

/**
 * Opens a round for a meeting with the current focus areas and every reporting unit, and
 * queues the invitation to each coordinator the bot can reach.
 */
export function openRound(data: Data, meetingId: string, deadline: string | undefined, byMemberId: string, now: Date, timeZone: string): { round: SaltoRound; invited: Delivery[] } {
  const meeting = openMeeting(data, meetingId, now);
  if (roundOfMeeting(data, meetingId)) throw new DomainError(ErrorCode.RoundExists, `meeting ${meetingId} has a round`);
  const chosen = deadline ?? defaultDeadline(data, meetingId, timeZone);
  checkDeadline(meeting, chosen, now, timeZone);
  const focusAreaIds = currentSaltoFocusAreas(data).map((a) => a.id);
  const unitIds = activeUnits(data).map((u) => u.id);
  if (focusAreaIds.length === 0 || unitIds.length === 0) throw new DomainError(ErrorCode.NotFound, 'no SaLTo focus areas or units');
  const round: SaltoRound = { id: `runde-${meetingId}`, meetingId, deadline: chosen, focusAreaIds, unitIds, openedAt: now.toISOString(), openedBy: byMemberId, unlockedUnitIds: [] };
  data.saltoRounds.push(round);
  return { round, invited: queueInvites(data, round, now) };
}

/**
 * The secretary moves a round's deadline, while its meeting is to come: within the same limits as
 * when it opened. The coordinators of units that have not handed in are told; reports locked by
 * the old deadline open again until the new one, and the reminders follow the new deadline.
 */
export function changeDeadline(data: Data, roundId: string, deadline: string, now: Date, timeZone: string): { round: SaltoRound; moved: boolean; told: Delivery[] } {
  const round = findRound(data, roundId);
  checkDeadline(openMeeting(data, round.meetingId, now), deadline, now, timeZone);
  if (deadline === round.deadline) return { round, moved: false, told: [] };
  round.deadline = deadline;
  round.deadlineChangedAt = now.toISOString();
  // The notice carries its deadline, so one overtaken by a later change is not sent.
  return { round, moved: true, told: enqueue(data, 'salto-deadline-moved', { roundId }, `frist-${deadline}`, personalRecipients(data, waitingCoordinators(data, round)), now, deadline) };
}

/** The coordinators of the round's units that have not handed in. */
function waitingCoordinators(data: Readonly<Data>, round: SaltoRound): Member[] {
  return round.unitIds.filter((unitId) => reportOf(data, round.id, unitId)?.status !== 'levert').flatMap((unitId) => unitCoordinators(data, unitId));
}

/** The coordinators who report for a unit. */
export function unitCoordinators(data: Readonly<Data>, unitId: string): Member[] {
  return data.members.filter((m) => m.roles.includes('salto-koordinator') && m.unitIds.includes(unitId));
}

/** Coordinators of the round's units; each is invited once (the outbox id says so). */
export function roundCoordinators(data: Readonly<Data>, round: SaltoRound): Member[] {
  return data.members.filter((m) => m.roles.includes('salto-koordinator') && m.unitIds.some((u) => round.unitIds.includes(u)));
}

function queueInvites(data: Data, round: SaltoRound, now: Date, only?: string): Delivery[] {
  const coordinators = roundCoordinators(data, round).filter((m) => !only || m.id === only);
  return enqueue(data, 'salto-invite', { roundId: round.id }, 'invite', personalRecipients(data, coordinators), now);
}

/** A coordinator who installs the bot after a round opened is invited then, while it is open. */
export function catchUpInvites(data: Data, memberId: string, now: Date, timeZone: string): Delivery[] {
  return data.saltoRounds.filter((r) => todayIn(now, timeZone) <= r.deadline && !forCancelledMeeting(data, r)).flatMap((r) => queueInvites(data, r, now, memberId));
}

/** A round whose meeting was cancelled and that had no later meeting to go on to: it asks no one for more. */
function forCancelledMeeting(data: Readonly<Data>, round: SaltoRound): boolean {
  return data.meetings.find((m) => m.id === round.meetingId)?.status === 'avlyst';
}

/**
 * After a meeting is cancelled, its SaLTo round goes on to the next meeting, with its deadline
 * (which is before the cancelled meeting, so before the next), units and answers as they are:
 * the council reads the reports there. When there is no later meeting, or it has a round of its
 * own, the round stays with the cancelled meeting and no more invitations or reminders go out.
 */
export function followCancelledMeeting(data: Data, meetingId: string, now: Date): { round: SaltoRound; to: Meeting | undefined } | undefined {
  const round = roundOfMeeting(data, meetingId);
  if (!round) return undefined;
  const next = meetingAfter(data, meetingId, now);
  if (!next || roundOfMeeting(data, next.id)) return { round, to: undefined };
  round.meetingId = next.id;
  return { round, to: next };
}

/**
 * A cancelled meeting held after all: the round its cancellation took on to the next meeting comes
 * back, unless it has been moved since; its deadline comes no later than the meeting's day.
 */
export function followReinstatedMeeting(data: Data, meetingId: string, cancellation: Cancellation, now: Date, timeZone: string): SaltoRound | undefined {
  const round = data.saltoRounds.find((r) => r.id === cancellation.roundId && r.meetingId === cancellation.movedTo);
  if (!round || roundOfMeeting(data, meetingId)) return undefined;
  round.meetingId = meetingId;
  keepDeadlineBy(data, meetingId, now, timeZone);
  return round;
}

/**
 * A round's deadline may not come after its meeting: when the meeting comes earlier, the deadline
 * moves to its day and the coordinators are told. Returns the new deadline, if it moved.
 */
export function keepDeadlineBy(data: Data, meetingId: string, now: Date, timeZone: string): string | undefined {
  const round = roundOfMeeting(data, meetingId);
  const day = meetingDate(findMeeting(data, meetingId), timeZone);
  return round && round.deadline > day ? changeDeadline(data, round.id, day, now, timeZone).round.deadline : undefined;
}

export function isLocked(round: SaltoRound, unitId: string, now: Date, timeZone: string): boolean {
  return todayIn(now, timeZone) > round.deadline && !round.unlockedUnitIds.includes(unitId);
}

/** The round's units this member reports for. */
export function unitsOf(round: SaltoRound, member: Member | undefined): string[] {
  if (!member?.roles.includes('salto-koordinator')) return [];
  return member.unitIds.filter((u) => round.unitIds.includes(u));
}

export function reportOf(data: Readonly<Data>, roundId: string, unitId: string): SaltoReport | undefined {
  return data.saltoReports.find((r) => r.roundId === roundId && r.unitId === unitId);
}

/** A draft another coordinator of the unit is writing; one whose author has left the unit is free to take over. */
export function isColleaguesDraft(data: Readonly<Data>, report: SaltoReport, member: Member): boolean {
  return report.status === 'utkast' && report.authorMemberId !== member.id && unitCoordinators(data, report.unitId).some((m) => m.id === report.authorMemberId);
}

/**
 * The report a coordinator may write in: their unit's, in a round that is not locked for it, and
 * not a colleague's draft. Anything else is refused with a code.
 */
function writable(data: Data, reportId: string, member: Member | undefined, now: Date, timeZone: string, before: Readonly<Data>): { report: SaltoReport; round: SaltoRound } {
  const report = byId(data.saltoReports, before.saltoReports, reportId);
  if (!report) throw new DomainError(ErrorCode.NotFound, `no report ${reportId}`);
  const round = findRound(data, report.roundId);
  if (!member || !unitsOf(round, member).includes(report.unitId)) throw new DomainError(ErrorCode.NotYourUnit, `${member?.id ?? 'unknown'} does not report for ${report.unitId}`);
  if (isColleaguesDraft(data, report, member)) throw new DomainError(ErrorCode.ColleaguesDraft, `${report.id} is ${report.authorMemberId}'s draft`, { memberId: report.authorMemberId });
  if (isLocked(round, report.unitId, now, timeZone)) throw new DomainError(ErrorCode.RoundLocked, `${round.id} is past its deadline`, { deadline: round.deadline });
  if (report.status === 'utkast' && report.authorMemberId !== member.id) {
    // The author no longer reports for the unit (the secretary changed its coordinators): the
    // draft passes to whoever does now, with every answer kept.
    report.authorMemberId = member.id;
    data.formSessions = data.formSessions.filter((s) => s.reportId !== report.id);
  }
  return { report, round };
}

function session(data: Data, memberId: string, reportId: string | undefined, now: Date): void {
  data.formSessions = data.formSessions.filter((s) => s.memberId !== memberId);
  if (reportId) data.formSessions.push({ memberId, reportId, at: now.toISOString() });
}

export function activeReport(data: Readonly<Data>, memberId: string | undefined): SaltoReport | undefined {
  const active = data.formSessions.find((s) => s.memberId === memberId);
  return active ? data.saltoReports.find((r) => r.id === active.reportId) : undefined;
}

/**
 * Starts a unit's report, or continues it where it was left; a report already handed in is
 * opened at its review, to amend until the deadline. The member's next messages answer it.
 */
export function startReport(data: Data, roundId: string, unitId: string, member: Member | undefined, now: Date, timeZone: string, before: Readonly<Data> = data): SaltoReport {
  const round = findRound(data, roundId);
  if (!member || !unitsOf(round, member).includes(unitId)) throw new DomainError(ErrorCode.NotYourUnit, `not a coordinator of ${unitId}`);
  let report = reportOf(data, roundId, unitId);
  if (!report) {
    if (isLocked(round, unitId, now, timeZone)) throw new DomainError(ErrorCode.RoundLocked, `${round.id} is past its deadline`, { deadline: round.deadline });
    const first = formQuestions(round)[0]!;
    report = {
      id: `${roundId}|${unitId}`,
      roundId,
      unitId,
      authorMemberId: member.id,
      answers: {},
      skipped: [],
      position: { question: first.key },
      returnToReview: false,
      status: 'utkast',
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    data.saltoReports.push(report);
  } else {
    writable(data, report.id, member, now, timeZone, before);
    if (report.status === 'levert') {
      report.status = 'utkast';
      report.authorMemberId = member.id;
      report.position = { review: true };
      report.updatedAt = now.toISOString();
    }
  }
  session(data, member.id, report.id, now);
  return report;
}

/**
 * One step of the form for the member's report. `at` is the question the card or message was
 * answering; an answer to a question the form has left is refused as stale, so a resent or old
 * button cannot overwrite a later answer.
 */
export function answerReport(
  data: Data,
  reportId: string,
  member: Member | undefined,
  input: FormInput,
  at: string | undefined,
  now: Date,
  timeZone: string,
  before: Readonly<Data> = data,
): { report: SaltoReport; result: FormResult } {
  const { report, round } = writable(data, reportId, member, now, timeZone, before);
  const here = 'question' in report.position ? report.position.question : 'review';
  if (at !== undefined && at !== here && input.kind !== 'edit') throw new DomainError(ErrorCode.Stale, 'the form has moved on', { what: 'report' });
  const earlier = input.kind === 'reuse' && here !== 'review' ? previousAnswer(data, round, report.unitId, here) : undefined;
  const result = advance(report, formQuestions(round), earlier ? { kind: 'answer', text: earlier.text } : input);
  if (result.ok || report.refused !== undefined) report.updatedAt = now.toISOString();
  // A refused answer leaves the session as it was: the coordinator is still on this question.
  if (result.ok && member) session(data, member.id, result.done === 'paused' ? undefined : report.id, now);
  return { report, result };
}

/**
 * The unit's answer to a question in its last report handed in, in an earlier round, with the
 * meeting that round was for. Questions are keyed by focus area and prompt, so within a
 * programme period the same question has the same key from round to round. A last report
 * that left the question unanswered has nothing to offer; an older one is not looked for.
 */
export function previousAnswer(data: Readonly<Data>, round: SaltoRound, unitId: string, key: string): { text: string; meetingId: string } | undefined {
  const reports = data.saltoReports.filter((r) => r.unitId === unitId && r.status === 'levert' && r.roundId !== round.id);
  if (reports.length === 0) return undefined;
  const starts = new Map(data.meetings.map((m) => [m.id, Date.parse(m.start)]));
  const rounds = new Map(data.saltoRounds.map((r) => [r.id, r]));
  const startOf = (r: SaltoRound) => starts.get(r.meetingId) ?? Date.parse(r.openedAt);
  const start = startOf(round);
  let last: { report: SaltoReport; round: SaltoRound; start: number } | undefined;
  for (const report of reports) {
    const of = rounds.get(report.roundId);
    const at = of ? startOf(of) : Number.NaN;
    if (of && at < start && (!last || at > last.start)) last = { report, round: of, start: at };
  }
  const text = last?.report.answers[key];
  return last && text ? { text, meetingId: last.round.meetingId } : undefined;
}

export function submitReport(data: Data, reportId: string, member: Member | undefined, now: Date, timeZone: string, before: Readonly<Data> = data): SaltoReport {
  const { report, round } = writable(data, reportId, member, now, timeZone, before);
  const missing = missingAnswers(report, formQuestions(round));
  if (missing.length > 0) throw new DomainError(ErrorCode.AnswersMissing, 'required answers missing', { count: missing.length, first: missing[0]!.key });
  report.status = 'levert';
  report.submittedAt = now.toISOString();
  report.updatedAt = now.toISOString();
  round.unlockedUnitIds = round.unlockedUnitIds.filter((u) => u !== report.unitId);
  if (member) session(data, member.id, undefined, now);
  return report;
}

/** After the deadline, the secretary lets one unit change its report (until it hands it in again). */
export function unlockUnit(data: Data, roundId: string, unitId: string): SaltoRound {
  const round = findRound(data, roundId);
  if (!round.unitIds.includes(unitId)) throw new DomainError(ErrorCode.NotFound, `no unit ${unitId} in ${roundId}`);
  if (!round.unlockedUnitIds.includes(unitId)) round.unlockedUnitIds.push(unitId);
  return round;
}

export type UnitState = 'levert' | 'utkast' | 'ikke startet';

export interface UnitOverview {
  unitId: string;
  name: string;
  state: UnitState;
  coordinators: Member[];
  /** Coordinators the bot cannot write to (they have not opened it). */
  unreachable: Member[];
  locked: boolean;
}

export function roundOverview(data: Readonly<Data>, round: SaltoRound, now: Date, timeZone: string): UnitOverview[] {
  const chatOf = personalChats(data);
  return round.unitIds.map((unitId) => {
    const report = reportOf(data, round.id, unitId);
    const coordinators = unitCoordinators(data, unitId);
    return {
      unitId,
      name: data.reportingUnits.find((u) => u.id === unitId)?.name ?? unitId,
      state: report?.status ?? 'ikke startet',
      coordinators,
      unreachable: coordinators.filter((m) => !chatOf(m.id)),
      locked: isLocked(round, unitId, now, timeZone),
    };
  });
}

/**
 * Reminders to coordinators of units that have not handed in: `reminderDays` before the
 * deadline and on the deadline day, at the send time, each once per chat.
 */
export function queueRoundReminders(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const today = todayIn(now, timing.timeZone);
  const queued: Delivery[] = [];
  for (const round of data.saltoRounds) {
    if (today > round.deadline || forCancelledMeeting(data, round)) continue;
    const kinds: ['salto-reminder' | 'salto-deadline', Date][] = [
      ['salto-reminder', atSendTime(round.deadline, timing.saltoReminderDays, timing)],
      ['salto-deadline', atSendTime(round.deadline, 0, timing)],
    ];
    // Only the latest due kind, and only one that fell due after the round opened or its deadline
    // moved: the invitation, or the notice of the new deadline, has just said the same.
    const since = Date.parse(round.deadlineChangedAt ?? round.openedAt);
    const due = kinds.filter(([, at]) => now >= at && since < at.getTime()).at(-1);
    if (!due) continue;
    // A moved deadline gets its own reminders; those of the first keep their ids.
    const batch = round.deadlineChangedAt ? `${due[0]}-${round.deadline}` : due[0];
    queued.push(...enqueue(data, due[0], { roundId: round.id }, batch, personalRecipients(data, waitingCoordinators(data, round)), now));
  }
  return queued;
}

/** True when `queueRoundReminders` would add anything, so the scheduler writes only then. */
export const hasRoundReminders = wouldQueue(queueRoundReminders);

/**
 * A meeting still to come with SaLTo reporting on its agenda and no round opened for it: the
 * units have not been asked for the reports the item presents.
 */
export function awaitsRound(data: Readonly<Data>, meeting: Meeting, now: Date): boolean {
  return meetingPhase(meeting, now) === 'coming' && meeting.agenda.some((item) => item.id === saltoItemId(meeting.id)) && !roundOfMeeting(data, meeting.id);
}

/**
 * Reminds the secretaries, in personal chat, of a meeting that awaits its round:
 * `saltoRoundLeadDays` before it at the send time (at once for a meeting made later); once per
 * meeting.
 */
export function queueRoundMissingReminders(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const queued: Delivery[] = [];
  for (const meeting of data.meetings) {
    if (!awaitsRound(data, meeting, now)) continue;
    if (now < dueAt(meeting, timing.saltoRoundLeadDays, timing)) continue;
    queued.push(...enqueue(data, 'salto-round-missing', meeting.id, 'auto', secretaryRecipients(data), now));
  }
  return queued;
}

/** True when `queueRoundMissingReminders` would add anything, so the scheduler writes only then. */
export const hasRoundMissingReminders = wouldQueue(queueRoundMissingReminders);

/**
 * Tells the secretaries, at the send time the day after a round's deadline, how the round stands,
 * while its meeting is still to come; once for each deadline the round has had.
 */
export function queueRoundSummaries(data: Data, now: Date, timing: DispatchTiming): Delivery[] {
  const queued: Delivery[] = [];
  for (const round of data.saltoRounds) {
    const meeting = data.meetings.find((m) => m.id === round.meetingId);
    if (!meeting || meetingPhase(meeting, now) !== 'coming') continue;
    if (now < atSendTime(round.deadline, -1, timing)) continue;
    queued.push(...enqueue(data, 'salto-round-summary', { roundId: round.id }, `etter-${round.deadline}`, secretaryRecipients(data), now, round.deadline));
  }
  return queued;
}

/** True when `queueRoundSummaries` would add anything, so the scheduler writes only then. */
export const hasRoundSummaries = wouldQueue(queueRoundSummaries);
