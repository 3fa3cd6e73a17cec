import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { commonDifficulties, compileRound } from '../../src/domain/salto-compile.js';
import { ANSWER_LIMIT, formQuestions, readFormInput, readStatus } from '../../src/domain/salto-form.js';
import {
  previousAnswer,
  activeReport,
  answerReport,
  catchUpInvites,
  changeDeadline,
  followCancelledMeeting,
  followReinstatedMeeting,
  hasRoundMissingReminders,
  hasRoundSummaries,
  openRound,
  queueRoundMissingReminders,
  queueRoundSummaries,
  queueRoundReminders,
  roundOverview,
  startReport,
  submitReport,
  unlockUnit,
} from '../../src/domain/salto-rounds.js';
import { DataSchema, type Data } from '../../src/domain/schema.js';
import { codeOf, demoData, memberOf, NOW, TIMING, withChats } from '../helpers/builders.js';

const now = new Date(NOW);
const TZ = 'Europe/Oslo';
const aisha = (data: Data) => memberOf(data, 'aisha-rahman');
const ROUND_ID = 'runde-mote-2027-03';

/** A round for the March meeting with its default deadline (25 February 2027), Aisha's report started. */
function started() {
  const data = withChats(demoData());
  const { round, invited } = openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
  const report = startReport(data, round.id, 'bydel-grorud', aisha(data), now, TZ);
  return { data, round, report, invited };
}

const say = (data: Data, reportId: string, text: string, at?: string) => answerReport(data, reportId, aisha(data), readFormInput(text), at, now, TZ);
const position = (data: Data, reportId: string) => data.saltoReports.find((r) => r.id === reportId)!.position;

describe('a reporting round', () => {
  it('opens with the current focus areas, all 17 units, a deadline 14 days before the meeting, and invites the coordinators it can reach', () => {
    const { round, invited } = started();
    expect(round).toMatchObject({ deadline: '2027-02-25', focusAreaIds: ['salto-2023-1', 'salto-2023-2', 'salto-2023-3', 'salto-2023-4'] });
    expect(round.unitIds).toHaveLength(17);
    expect(invited.map((d) => [d.kind, d.memberId])).toEqual([['salto-invite', 'aisha-rahman']]);
  });

  it('refuses a second round for the meeting, a deadline after the meeting or in the past, and a past meeting', () => {
    const { data } = started();
    expect(codeOf(() => openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ))).toBe(ErrorCode.RoundExists);
    expect(codeOf(() => openRound(data, 'mote-2027-06', '2027-06-11', 'kari-nordmann', now, TZ))).toBe(ErrorCode.DeadlineAfterMeeting);
    expect(codeOf(() => openRound(data, 'mote-2027-06', '2026-11-01', 'kari-nordmann', now, TZ))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => openRound(data, 'mote-2024-10', undefined, 'kari-nordmann', now, TZ))).toBe(ErrorCode.MeetingClosed);
  });

  it('invites a coordinator who installs later, once', () => {
    const data = demoData();
    openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    const withChat = withChats(data);
    expect(catchUpInvites(withChat, 'aisha-rahman', now, TZ)).toHaveLength(1);
    expect(catchUpInvites(withChat, 'aisha-rahman', now, TZ)).toEqual([]);
  });
});

describe('the conversational form', () => {
  it('asks one question at a time: status, done, difficult, for the council, per area, then two general ones', () => {
    const { round } = started();
    const questions = formQuestions(round);
    expect(questions).toHaveLength(18);
    expect(questions.slice(0, 4).map((q) => [q.key, q.kind, q.optional])).toEqual([
      ['salto-2023-1.status', 'status', false],
      ['salto-2023-1.gjort', 'text', false],
      ['salto-2023-1.vanskelig', 'text', true],
      ['salto-2023-1.ta-opp', 'text', true],
    ]);
    expect(questions.slice(-2).map((q) => q.key)).toEqual(['samarbeid', 'annet']);
  });

  it.each([
    ['1', 'på sporet'],
    ['2.', 'noen utfordringer'],
    ['3)', 'alvorlige utfordringer'],
    ['På sporet!', 'på sporet'],
    ['sporet', 'på sporet'],
    ['noen', 'noen utfordringer'],
    ['Alvorlig', 'alvorlige utfordringer'],
    ['1. På sporet', 'på sporet'],
    ['2 noen utfordringer', 'noen utfordringer'],
    ['Serious challenges', 'alvorlige utfordringer'],
    ['utfordringer', undefined],
    ['1 alvorlige utfordringer', undefined],
    ['4', undefined],
    ['bra', undefined],
  ])('reads the status «%s» as %s', (typed, status) => {
    expect(readStatus(typed)).toBe(status);
  });

  it('reads a status as a number or in words, and refuses anything else without moving on', () => {
    const { data, report } = started();
    expect(say(data, report.id, 'kanskje').result).toEqual({ ok: false, problem: 'invalid-status' });
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-1.status' });
    expect(say(data, report.id, 'Noen utfordringer').result).toEqual({ ok: true, done: 'asked' });
    expect(data.saltoReports[0]!.answers['salto-2023-1.status']).toBe('noen utfordringer');
  });

  it('goes back with «tilbake», skips an optional question with «hopp over» but not a required one', () => {
    const { data, report } = started();
    say(data, report.id, '2');
    say(data, report.id, 'Nytt nettverk med skolene');
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-1.vanskelig' });
    say(data, report.id, 'tilbake');
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-1.gjort' });
    expect(say(data, report.id, 'hopp over').result).toEqual({ ok: false, problem: 'not-optional' });
    say(data, report.id, 'Nytt nettverk med skolene og politiet');
    expect(say(data, report.id, 'Hopp over').result).toEqual({ ok: true, done: 'asked' });
    expect(data.saltoReports[0]!.skipped).toEqual(['salto-2023-1.vanskelig']);
    expect(data.saltoReports[0]!.answers['salto-2023-1.gjort']).toBe('Nytt nettverk med skolene og politiet');
  });

  it('goes on past an answered question with «videre», keeping the answer; not past a required one unanswered', () => {
    const { data, report } = started();
    expect(say(data, report.id, 'videre').result).toEqual({ ok: false, problem: 'required' });
    say(data, report.id, '2');
    const long = 'Nytt nettverk med skolene. '.repeat(40).trim();
    say(data, report.id, long);
    say(data, report.id, 'tilbake');
    say(data, report.id, 'tilbake');
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-1.status' });
    expect(say(data, report.id, 'Videre.').result).toEqual({ ok: true, done: 'asked' });
    expect(say(data, report.id, 'next').result).toEqual({ ok: true, done: 'asked' });
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-1.vanskelig' });
    expect(data.saltoReports[0]!.answers).toEqual({ 'salto-2023-1.status': 'noen utfordringer', 'salto-2023-1.gjort': long });
    // An optional question without an answer is passed as skipped.
    expect(say(data, report.id, 'videre').result).toEqual({ ok: true, done: 'asked' });
    expect(data.saltoReports[0]!.skipped).toEqual(['salto-2023-1.vanskelig']);
  });

  it('returns to the review with «videre» after «Endre», the answer unchanged', () => {
    const { data, report, round } = started();
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '2' : `Svar på ${question.key}`);
    const answers = structuredClone(data.saltoReports[0]!.answers);
    answerReport(data, report.id, aisha(data), { kind: 'edit', key: 'salto-2023-2.gjort' }, undefined, now, TZ);
    expect(say(data, report.id, 'behold').result).toEqual({ ok: true, done: 'review' });
    expect(data.saltoReports[0]!.answers).toEqual(answers);
  });

  it('pauses with «avbryt» and resumes at the same question from the saved state after a JSON round trip', () => {
    const { data, report } = started();
    say(data, report.id, '1');
    expect(say(data, report.id, 'avbryt').result).toEqual({ ok: true, done: 'paused' });
    expect(activeReport(data, 'aisha-rahman')).toBeUndefined();
    const restarted = DataSchema.parse(JSON.parse(JSON.stringify(data)));
    const resumed = startReport(restarted, report.roundId, 'bydel-grorud', aisha(restarted), now, TZ);
    expect(resumed.position).toEqual({ question: 'salto-2023-1.gjort' });
    expect(resumed.answers).toEqual({ 'salto-2023-1.status': 'på sporet' });
    expect(activeReport(restarted, 'aisha-rahman')?.id).toBe(report.id);
  });

  it('refuses an over-long answer with the form where it was, and keeps the text aside', () => {
    const { data, report } = started();
    say(data, report.id, '1');
    const long = 'x'.repeat(ANSWER_LIMIT + 1);
    expect(say(data, report.id, long).result).toEqual({ ok: false, problem: 'too-long' });
    expect(data.saltoReports[0]!).toMatchObject({ position: { question: 'salto-2023-1.gjort' }, refused: long });
  });

  it('refuses an answer to a question the form has left (an old card or a resent click)', () => {
    const { data, report } = started();
    say(data, report.id, '1', 'salto-2023-1.status');
    expect(codeOf(() => say(data, report.id, '3', 'salto-2023-1.status'))).toBe(ErrorCode.Stale);
    expect(data.saltoReports[0]!.answers['salto-2023-1.status']).toBe('på sporet');
  });

  it('reaches the review, changes one answer and returns to the review, then hands in', () => {
    const { data, report, round } = started();
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '2' : `Svar på ${question.key}`);
    expect(position(data, report.id)).toEqual({ review: true });
    // A text typed at the review belongs to no question: refused, with every answer as it was.
    const answers = structuredClone(data.saltoReports[0]!.answers);
    expect(say(data, report.id, 'Vi glemte møtet med skolene').result).toEqual({ ok: false, problem: 'at-review' });
    expect(data.saltoReports[0]!.answers).toEqual(answers);
    expect(say(data, report.id, 'hopp over').result).toEqual({ ok: true, done: 'review' });
    answerReport(data, report.id, aisha(data), { kind: 'edit', key: 'salto-2023-4.vanskelig' }, undefined, now, TZ);
    expect(position(data, report.id)).toEqual({ question: 'salto-2023-4.vanskelig' });
    say(data, report.id, 'Mangler kompetanse på nett');
    expect(position(data, report.id)).toEqual({ review: true });
    expect(submitReport(data, report.id, aisha(data), now, TZ).status).toBe('levert');
    expect(activeReport(data, 'aisha-rahman')).toBeUndefined();
  });

  it('will not hand in with a required answer missing', () => {
    const { data, report } = started();
    expect(codeOf(() => submitReport(data, report.id, aisha(data), now, TZ))).toBe(ErrorCode.AnswersMissing);
  });

  it('lets the coordinator amend until the deadline; after it the report is locked until the secretary unlocks the unit', () => {
    const { data, report, round } = started();
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '1' : 'Svar');
    submitReport(data, report.id, aisha(data), now, TZ);
    expect(startReport(data, round.id, 'bydel-grorud', aisha(data), now, TZ)).toMatchObject({ status: 'utkast', position: { review: true } });
    submitReport(data, report.id, aisha(data), now, TZ);
    const late = new Date('2027-02-26T08:00:00Z');
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', aisha(data), late, TZ))).toBe(ErrorCode.RoundLocked);
    unlockUnit(data, round.id, 'bydel-grorud');
    expect(startReport(data, round.id, 'bydel-grorud', aisha(data), late, TZ).status).toBe('utkast');
    submitReport(data, report.id, aisha(data), late, TZ);
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', aisha(data), late, TZ))).toBe(ErrorCode.RoundLocked);
  });

  it('lets no one write into another unit’s report, or a colleague’s draft', () => {
    const { data, report, round } = started();
    const sentrum = memberOf(data, 'salto-sentrum');
    expect(codeOf(() => answerReport(data, report.id, sentrum, { kind: 'answer', text: '3' }, undefined, now, TZ))).toBe(ErrorCode.NotYourUnit);
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', sentrum, now, TZ))).toBe(ErrorCode.NotYourUnit);
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', memberOf(data, 'kari-nordmann'), now, TZ))).toBe(ErrorCode.NotYourUnit);
    const colleague = { ...aisha(data), id: 'kollega', name: 'Kollega' };
    data.members.push(colleague);
    expect(codeOf(() => answerReport(data, report.id, colleague, { kind: 'answer', text: '3' }, undefined, now, TZ))).toBe(ErrorCode.ColleaguesDraft);
  });
});

describe('reminders and the overview', () => {
  it('reminds units that have not handed in, three days before and on the deadline day, each once', () => {
    const { data, report, round } = started();
    expect(queueRoundReminders(data, new Date('2027-02-22T07:59:00Z'), TIMING)).toEqual([]);
    expect(queueRoundReminders(data, new Date('2027-02-22T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-reminder']);
    expect(queueRoundReminders(data, new Date('2027-02-23T08:00:00Z'), TIMING)).toEqual([]);
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '1' : 'Svar');
    submitReport(data, report.id, aisha(data), now, TZ);
    expect(queueRoundReminders(data, new Date('2027-02-25T08:00:00Z'), TIMING)).toEqual([]);
  });

  it('moves the deadline within the same limits as at opening, and tells the coordinators still writing', () => {
    const { data, round } = started();
    expect(codeOf(() => changeDeadline(data, round.id, '2026-11-21', now, TZ))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => changeDeadline(data, round.id, '2027-03-12', now, TZ))).toBe(ErrorCode.DeadlineAfterMeeting);
    for (const wrong of ['2027-02-30', '1. mars', '']) expect(codeOf(() => changeDeadline(data, round.id, wrong, now, TZ))).toBe(ErrorCode.InvalidDate);
    expect(codeOf(() => changeDeadline(data, 'runde-ingen', '2027-03-01', now, TZ))).toBe(ErrorCode.NotFound);
    expect(changeDeadline(data, round.id, '2027-02-25', now, TZ)).toMatchObject({ moved: false, told: [] });
    expect(round.deadlineChangedAt).toBeUndefined();
    const { moved, told } = changeDeadline(data, round.id, '2027-03-04', now, TZ);
    expect(moved).toBe(true);
    expect(round).toMatchObject({ deadline: '2027-03-04', deadlineChangedAt: NOW.replace('Z', '.000Z') });
    expect(told.map((d) => [d.kind, d.memberId, d.note])).toEqual([['salto-deadline-moved', 'aisha-rahman', '2027-03-04']]);
    // Kept through the schema, as the store reads the file.
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data))).saltoRounds.find((r) => r.id === round.id)).toMatchObject({ deadline: '2027-03-04', deadlineChangedAt: round.deadlineChangedAt });
    // Once the meeting has begun, the deadline stays.
    expect(codeOf(() => changeDeadline(data, round.id, '2027-03-11', new Date('2027-03-11T08:30:00Z'), TZ))).toBe(ErrorCode.MeetingClosed);
  });

  it('tells no one whose unit has handed in, and opens reports locked by the old deadline when it gets later', () => {
    const { data, report, round } = started();
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '1' : 'Svar');
    submitReport(data, report.id, aisha(data), now, TZ);
    const late = new Date('2027-02-26T08:00:00Z');
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', aisha(data), late, TZ))).toBe(ErrorCode.RoundLocked);
    expect(changeDeadline(data, round.id, '2027-03-04', late, TZ).told).toEqual([]);
    expect(startReport(data, round.id, 'bydel-grorud', aisha(data), late, TZ).status).toBe('utkast');
  });

  it('reminds again before a moved deadline, and not of what fell due before the move', () => {
    const { data, round } = started();
    expect(queueRoundReminders(data, new Date('2027-02-22T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-reminder']);
    // On 24 February, the deadline moves from the 25th to 4 March.
    const moved = new Date('2027-02-24T12:00:00Z');
    changeDeadline(data, round.id, '2027-03-04', moved, TZ);
    expect(queueRoundReminders(data, moved, TIMING)).toEqual([]);
    expect(queueRoundReminders(data, new Date('2027-02-25T08:00:00Z'), TIMING)).toEqual([]);
    const before = queueRoundReminders(data, new Date('2027-03-01T08:00:00Z'), TIMING);
    expect(before.map((d) => [d.kind, d.memberId])).toEqual([['salto-reminder', 'aisha-rahman']]);
    expect(queueRoundReminders(data, new Date('2027-03-02T08:00:00Z'), TIMING)).toEqual([]);
    expect(queueRoundReminders(data, new Date('2027-03-04T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-deadline']);
    // Moved again, the new deadline gets its own reminder on its day.
    changeDeadline(data, round.id, '2027-03-05', new Date('2027-03-04T09:00:00Z'), TZ);
    expect(queueRoundReminders(data, new Date('2027-03-05T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-deadline']);
    // A reminder whose time had passed when the deadline moved is not sent: the notice said it.
    const other = started();
    changeDeadline(other.data, other.round.id, '2027-02-26', new Date('2027-02-24T12:00:00Z'), TZ);
    expect(queueRoundReminders(other.data, new Date('2027-02-24T12:00:00Z'), TIMING)).toEqual([]);
    expect(queueRoundReminders(other.data, new Date('2027-02-26T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-deadline']);
  });

  it('goes on to the next meeting when its meeting is cancelled, or stays and asks no one for more when that has a round', () => {
    const { data, round, report } = started();
    data.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avlyst';
    expect(followCancelledMeeting(data, 'mote-2027-03', now)).toMatchObject({ to: { id: 'mote-2027-06' } });
    expect(round).toMatchObject({ id: ROUND_ID, meetingId: 'mote-2027-06', deadline: '2027-02-25' });
    expect(data.saltoReports.find((r) => r.id === report.id)!.roundId).toBe(ROUND_ID);
    expect(queueRoundReminders(data, new Date('2027-02-22T08:00:00Z'), TIMING).map((d) => d.kind)).toEqual(['salto-reminder']);

    const other = started();
    openRound(other.data, 'mote-2027-06', undefined, 'kari-nordmann', now, TZ);
    other.data.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avlyst';
    expect(followCancelledMeeting(other.data, 'mote-2027-03', now)).toMatchObject({ to: undefined });
    expect(other.round.meetingId).toBe('mote-2027-03');
    expect(queueRoundReminders(other.data, new Date('2027-02-22T08:00:00Z'), TIMING)).toEqual([]);
    other.data.deliveries = [];
    expect(catchUpInvites(other.data, 'aisha-rahman', now, TZ).map((d) => d.roundId)).toEqual(['runde-mote-2027-06']);
    expect(followCancelledMeeting(other.data, 'mote-2026-12', now)).toBeUndefined();
  });

  it('comes back to its meeting when the meeting is held after all, with a deadline no later than its day, unless moved since', () => {
    const { data, round } = started();
    data.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avlyst';
    followCancelledMeeting(data, 'mote-2027-03', now);
    // On the June meeting, the secretary gave the units until 1 April.
    changeDeadline(data, ROUND_ID, '2027-04-01', now, TZ);
    data.deliveries = [];
    data.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'planlagt';
    const cancellation = { at: now.toISOString(), movedTo: 'mote-2027-06', roundId: ROUND_ID, pointIds: [], proposals: [] };
    expect(followReinstatedMeeting(data, 'mote-2027-03', cancellation, now, TZ)).toBe(round);
    expect(round).toMatchObject({ meetingId: 'mote-2027-03', deadline: '2027-03-11' });
    expect(data.deliveries.filter((d) => d.kind === 'salto-deadline-moved').map((d) => d.note)).toEqual(['2027-03-11']);
    // A round since taken to another meeting stays where it is.
    const other = started();
    other.round.meetingId = 'mote-2027-09';
    expect(followReinstatedMeeting(other.data, 'mote-2027-03', cancellation, now, TZ)).toBeUndefined();
    expect(other.round.meetingId).toBe('mote-2027-09');
  });

  it('shows each unit handed in, draft or not started, with its coordinators', () => {
    const { data, round } = started();
    const overview = roundOverview(data, round, now, TZ);
    expect(overview.find((u) => u.unitId === 'bydel-grorud')).toMatchObject({ state: 'utkast', coordinators: [expect.objectContaining({ id: 'aisha-rahman' })], unreachable: [] });
    expect(overview.find((u) => u.unitId === 'sentrum')).toMatchObject({ state: 'ikke startet', unreachable: [expect.objectContaining({ id: 'salto-sentrum' })] });
  });
});

describe('the compiled report', () => {
  it('compiles handed-in reports only, with statuses per area and the most named difficulties', () => {
    const { data, report, round } = started();
    for (const question of formQuestions(round)) say(data, report.id, question.kind === 'status' ? '3' : question.prompt === 'vanskelig' ? 'Mangler ressurser og kompetanse' : 'Svar');
    submitReport(data, report.id, aisha(data), now, TZ);
    const compiled = compileRound(data, round);
    expect(compiled.submitted).toBe(1);
    expect(compiled.units.find((u) => u.unit.id === 'bydel-grorud')!.statusByArea).toMatchObject({ 'salto-2023-4': 'alvorlige utfordringer' });
    expect(compiled.units.find((u) => u.unit.id === 'bydel-alna')!.report).toBeUndefined();
  });

  it('counts a difficulty once per unit and leaves out what only one unit said', () => {
    expect(
      commonDifficulties(['Lite ressurser, ressurser mangler', 'Ressurser og kompetanse', 'Kompetanse på nett', 'Prioriteringer i bydelen']),
    ).toEqual([
      { term: 'kompetanse', units: 2 },
      { term: 'ressurser', units: 2 },
    ]);
  });
});

describe('the unit\'s answer in its last report', () => {
  it('is read from «samme» and its kin, in either language, and nothing else', () => {
    for (const text of ['samme', 'Samme som sist.', 'som sist', 'samme som forrige gang', 'Same', 'same as last time']) expect(readFormInput(text)).toEqual({ kind: 'reuse' });
    for (const text of ['som', 'samme greia som før, men mer', 'Samme utfordringer som i fjor']) expect(readFormInput(text).kind).toBe('answer');
  });

  it('comes from the unit\'s last report handed in for an earlier meeting only', () => {
    const data = withChats(demoData());
    const aisha = memberOf(data, 'aisha-rahman');
    const hand = (meetingId: string, deadline: string, text: string) => {
      const { round } = openRound(data, meetingId, deadline, 'kari-nordmann', now, 'Europe/Oslo');
      const report = startReport(data, round.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
      for (const q of formQuestions(round)) answerReport(data, report.id, aisha, { kind: 'answer', text: q.kind === 'status' ? '1' : `${text} ${q.key}` }, undefined, now, 'Europe/Oslo');
      submitReport(data, report.id, aisha, now, 'Europe/Oslo');
      return round;
    };
    const december = hand('mote-2026-12', '2026-12-01', 'Desember:');
    const march = hand('mote-2027-03', '2027-02-25', 'Mars:');
    const { round: june } = openRound(data, 'mote-2027-06', undefined, 'kari-nordmann', now, 'Europe/Oslo');
    expect(previousAnswer(data, june, 'bydel-grorud', 'samarbeid')).toEqual({ text: 'Mars: samarbeid', meetingId: 'mote-2027-03' });
    expect(previousAnswer(data, march, 'bydel-grorud', 'samarbeid')).toEqual({ text: 'Desember: samarbeid', meetingId: 'mote-2026-12' });
    expect(previousAnswer(data, december, 'bydel-grorud', 'samarbeid')).toBeUndefined();
    expect(previousAnswer(data, june, 'bydel-alna', 'samarbeid')).toBeUndefined();
    expect(previousAnswer(data, june, 'bydel-grorud', 'salto-2019-1.status')).toBeUndefined();
  });
});


describe('the reminder of a round not opened', () => {
  const at = (iso: string) => new Date(iso);
  const reminded = (queued: { kind: string; meetingId?: string | undefined; conversationId: string; memberId?: string | undefined }[]) => queued.map((d) => [d.kind, d.meetingId, d.conversationId, d.memberId]);
  /** The demo with chats, the administrator's too. */
  function world() {
    const data = withChats(demoData());
    data.conversations.push({ ...data.conversations.find((c) => c.id === 'a:kari')!, id: 'a:forvaltning', memberId: 'forvaltning' });
    return data;
  }

  it('goes to the secretary in personal chat the given days before a meeting with SaLTo reporting, at once for one nearer, and once', () => {
    const data = world();
    // December's meeting is 18 days away, within the 28 days: due at once. The secretary, not the administrator, nor a member.
    expect(hasRoundMissingReminders(data, now, TIMING)).toBe(true);
    expect(reminded(queueRoundMissingReminders(data, now, TIMING))).toEqual([['salto-round-missing', 'mote-2026-12', 'a:kari', 'kari-nordmann']]);
    expect(hasRoundMissingReminders(data, at('2026-11-22T09:00:00Z'), TIMING)).toBe(false);
    expect(queueRoundMissingReminders(data, at('2026-11-22T09:00:00Z'), TIMING)).toEqual([]);
    // March's, 28 days before it (11 February) at nine in Oslo.
    expect(queueRoundMissingReminders(data, at('2027-02-11T07:59:00Z'), TIMING)).toEqual([]);
    expect(reminded(queueRoundMissingReminders(data, at('2027-02-11T08:00:00Z'), TIMING))).toEqual([['salto-round-missing', 'mote-2027-03', 'a:kari', 'kari-nordmann']]);
    expect(data.deliveries.filter((d) => d.kind === 'salto-round-missing')).toHaveLength(2);
    // The days are the council's setting.
    expect(queueRoundMissingReminders(world(), at('2027-01-12T08:00:00Z'), { ...TIMING, saltoRoundLeadDays: 58 }).map((d) => d.meetingId)).toEqual(['mote-2027-03']);
    expect(queueRoundMissingReminders(world(), at('2027-01-12T07:59:00Z'), { ...TIMING, saltoRoundLeadDays: 58 })).toEqual([]);
  });

  it('is not sent for a meeting whose round is open, without SaLTo reporting on its agenda, cancelled, or begun', () => {
    const opened = world();
    openRound(opened, 'mote-2026-12', undefined, 'kari-nordmann', now, TZ);
    expect(queueRoundMissingReminders(opened, now, TIMING)).toEqual([]);
    const withoutItem = world();
    const december = withoutItem.meetings.find((m) => m.id === 'mote-2026-12')!;
    december.agenda = december.agenda.filter((item) => item.id !== 'mote-2026-12-salto');
    expect(queueRoundMissingReminders(withoutItem, now, TIMING)).toEqual([]);
    // The seminar on 21 October 2027 has no SaLTo item; the December meeting is further off than 28 days.
    expect(queueRoundMissingReminders(world(), at('2027-10-01T08:00:00Z'), TIMING)).toEqual([]);
    const cancelled = world();
    cancelled.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    expect(queueRoundMissingReminders(cancelled, now, TIMING)).toEqual([]);
    expect(queueRoundMissingReminders(world(), at('2026-12-10T08:30:00Z'), TIMING)).toEqual([]);
    expect(queueRoundMissingReminders(world(), at('2026-12-10T07:59:00Z'), TIMING).map((d) => d.meetingId)).toEqual(['mote-2026-12']);
  });

  it('survives the data file', () => {
    const data = world();
    queueRoundMissingReminders(data, now, TIMING);
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data))).deliveries.map((d) => d.kind)).toContain('salto-round-missing');
  });
});

describe("the secretary's summary after a round's deadline", () => {
  const at = (iso: string) => new Date(iso);
  const summaries = (queued: { kind: string; roundId?: string | undefined; memberId?: string | undefined; note?: string | undefined }[]) => queued.map((d) => [d.kind, d.roundId, d.memberId, d.note]);

  it('goes to the secretary at the send time the day after the deadline, once for each deadline the round has had', () => {
    const { data } = started();
    // The deadline is 25 February 2027; reports can be handed in all that day.
    expect(hasRoundSummaries(data, at('2027-02-26T07:59:00Z'), TIMING)).toBe(false);
    expect(queueRoundSummaries(data, at('2027-02-26T07:59:00Z'), TIMING)).toEqual([]);
    expect(hasRoundSummaries(data, at('2027-02-26T08:00:00Z'), TIMING)).toBe(true);
    expect(summaries(queueRoundSummaries(data, at('2027-02-26T08:00:00Z'), TIMING))).toEqual([['salto-round-summary', ROUND_ID, 'kari-nordmann', '2027-02-25']]);
    expect(queueRoundSummaries(data, at('2027-02-27T08:00:00Z'), TIMING)).toEqual([]);
    // A new deadline gets its own summary, the day after it.
    changeDeadline(data, ROUND_ID, '2027-03-04', at('2027-02-26T10:00:00Z'), TZ);
    expect(queueRoundSummaries(data, at('2027-03-04T08:00:00Z'), TIMING)).toEqual([]);
    expect(summaries(queueRoundSummaries(data, at('2027-03-05T08:00:00Z'), TIMING))).toEqual([['salto-round-summary', ROUND_ID, 'kari-nordmann', '2027-03-04']]);
  });

  it('is not sent once the meeting has begun, nor for a cancelled meeting', () => {
    const { data } = started();
    // A deadline on the meeting's day: the day after, the meeting is held.
    changeDeadline(data, ROUND_ID, '2027-03-11', now, TZ);
    expect(queueRoundSummaries(data, at('2027-03-12T08:00:00Z'), TIMING)).toEqual([]);
    const cancelled = started().data;
    cancelled.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avlyst';
    expect(queueRoundSummaries(cancelled, at('2027-02-26T08:00:00Z'), TIMING)).toEqual([]);
  });
});
