import { describe, expect, it } from 'vitest';
import { acceptProposal, addAgendaItem, audienceFor, carryOverProposals, declineProposal, hasProposalsToCarryOver, moveAgendaItem, moveProposalsBack, moveWaitingProposals, parseAttachments, proposeItem, removeAgendaItem, visibleItem } from '../../src/domain/agenda.js';
import { answerAttendance, attendanceOf, attendanceOverview, earlierAnswer } from '../../src/domain/attendance.js';
import { agendaRecipients, agendaSendTime, dueAt, dueDispatches, holdLateAgenda, queueDispatch, recordOutcome, sendAgendaNow, staleCards } from '../../src/domain/deliveries.js';
import { ErrorCode, type DomainError } from '../../src/domain/errors.js';
import { cancelMeeting, createMeeting, createMeetings, meetingPhase, proposeYear, reinstateMeeting, updateMeeting, zonedInstant, type MeetingInput } from '../../src/domain/meetings.js';
import { readNewMeetingWords } from '../../src/domain/meeting-words.js';
import { hasYearPlanReminders, lastPlannedMeeting, queueYearPlanReminders, yearToPlan } from '../../src/domain/year-plan.js';
import { meetingNamed } from '../../src/domain/named-meetings.js';
import { DataSchema, type Meeting } from '../../src/domain/schema.js';
import { demoData, NOW, TIMING, withChats } from '../helpers/builders.js';

const TZ = 'Europe/Oslo';
const now = new Date(NOW);
const input = (over: Partial<MeetingInput> = {}): MeetingInput => ({ kind: 'ordinært', date: '2027-01-14', startTime: '09:00', endTime: '11:30', place: 'Oslo rådhus', ...over });

function expectCode(run: () => unknown, code: string) {
  expect(run).toThrowError(expect.objectContaining({ code }));
}

describe('when agendas and reminders are due', () => {
  const spring = { start: '2027-03-30T07:00:00Z' } as Meeting; // Tuesday 30 March 2027, 09:00 summer time

  it('puts the agenda at 09:00 Oslo time seven days before, in winter time', () => {
    expect(dueAt(spring, 7, TIMING).toISOString()).toBe('2027-03-23T08:00:00.000Z');
  });

  it('keeps the reminder at 09:00 Oslo time the day before, after the change to summer time', () => {
    expect(dueAt(spring, 1, TIMING).toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('keeps 09:00 across the change back to winter time too', () => {
    // Monday 1 November 2027, 09:00 winter time; summer time ends on Sunday 31 October.
    const autumn = { start: '2027-11-01T08:00:00Z' } as Meeting;
    expect(dueAt(autumn, 7, TIMING).toISOString()).toBe('2027-10-25T07:00:00.000Z');
    expect(dueAt(autumn, 1, TIMING).toISOString()).toBe('2027-10-31T08:00:00.000Z');
  });

  it('has nothing due before the agenda time, the agenda at it, and the reminder the day before', () => {
    const data = demoData(); // mote-2026-12: Thursday 10 December 2026 09:00
    expect(dueDispatches(data, now, TIMING)).toEqual([]);
    expect(dueDispatches(data, new Date('2026-12-03T07:59:59Z'), TIMING)).toEqual([]);
    expect(dueDispatches(data, new Date('2026-12-03T08:00:00Z'), TIMING)).toEqual([{ meetingId: 'mote-2026-12', kind: 'agenda' }]);
    queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, new Date('2026-12-03T08:00:00Z'), TIMING);
    expect(dueDispatches(data, new Date('2026-12-08T12:00:00Z'), TIMING)).toEqual([]);
    expect(dueDispatches(data, new Date('2026-12-09T08:00:00Z'), TIMING)).toEqual([{ meetingId: 'mote-2026-12', kind: 'reminder' }]);
  });

  it('sends what fell due while the bot was down, but only the agenda when the reminder is due too', () => {
    const data = demoData();
    const late = new Date('2026-12-09T15:00:00Z');
    expect(dueDispatches(data, late, TIMING)).toEqual([{ meetingId: 'mote-2026-12', kind: 'agenda' }]);
    queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, late, TIMING);
    expect(dueDispatches(data, late, TIMING)).toEqual([]);
  });

  it('holds the agenda of a meeting made after its time until the next send time, so the secretary can finish it', () => {
    const data = demoData();
    // Made on Sunday 22 November at 09.00 for Wednesday 25 November 14.00: the usual time (18 November) has passed.
    const late = createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-11-25', startTime: '14:00', endTime: '15:00' }), now, TZ);
    holdLateAgenda(late, now, TIMING);
    expect(late.agendaSendAt).toBe('2026-11-23T08:00:00.000Z');
    expect(agendaSendTime(late, TIMING)?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(dueDispatches(data, now, TIMING)).toEqual([]);
    expect(dueDispatches(data, new Date('2026-11-23T07:59:59Z'), TIMING)).toEqual([]);
    expect(dueDispatches(data, new Date('2026-11-23T08:00:00Z'), TIMING)).toEqual([{ meetingId: late.id, kind: 'agenda' }]);
    // Before 09.00 the same day's send time is the next one.
    const early = createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-11-26', startTime: '14:00', endTime: '15:00' }), now, TZ);
    holdLateAgenda(early, new Date('2026-11-22T06:00:00Z'), TIMING);
    expect(early.agendaSendAt).toBe('2026-11-22T08:00:00.000Z');
    // A meeting made in good time keeps the usual time.
    const inTime = createMeeting(data, input(), now, TZ);
    holdLateAgenda(inTime, now, TIMING);
    expect(inTime.agendaSendAt).toBeUndefined();
    expect(agendaSendTime(inTime, TIMING)).toEqual(dueAt(inTime, 7, TIMING));
  });

  it('leaves the agenda to the secretary when the meeting begins before the next send time, and sends it alone when asked', () => {
    const data = demoData();
    // Made on Sunday at 09.00 for Monday 08.30: the next send time, Monday 09.00, is after the start.
    const tomorrow = createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-11-23', startTime: '08:30', endTime: '09:30' }), now, TZ);
    holdLateAgenda(tomorrow, now, TIMING);
    expect(agendaSendTime(tomorrow, TIMING)).toBeUndefined();
    for (const at of [now, new Date('2026-11-23T07:00:00Z')]) expect(dueDispatches(data, at, TIMING)).toEqual([]);
    const asked = new Date('2026-11-22T10:00:00Z');
    expect(sendAgendaNow(tomorrow, asked)).toBe(true);
    expect(dueDispatches(data, asked, TIMING)).toEqual([{ meetingId: tomorrow.id, kind: 'agenda' }]);
    queueDispatch(data, { meetingId: tomorrow.id, kind: 'agenda' }, asked, TIMING);
    // The reminder's time had passed, so the agenda went alone; asking again sends nothing.
    expect(dueDispatches(data, asked, TIMING)).toEqual([]);
    expect(sendAgendaNow(tomorrow, asked)).toBe(false);
  });

  it('sends the agenda of any coming meeting at once when the secretary asks, and keeps that through a move', () => {
    const data = demoData();
    const december = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    sendAgendaNow(december, now);
    expect(dueDispatches(data, now, TIMING)).toEqual([{ meetingId: 'mote-2026-12', kind: 'agenda' }]);
    holdLateAgenda(december, now, TIMING);
    expect(december.agendaSendAt).toBe(NOW.replace('Z', '.000Z'));
  });

  it('moves the hold with the meeting: later, the usual time again; nearer, the next send time', () => {
    const data = demoData();
    const meeting = createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-11-25', startTime: '14:00', endTime: '15:00' }), now, TZ);
    holdLateAgenda(meeting, now, TIMING);
    updateMeeting(data, meeting.id, input({ kind: 'ekstraordinært', date: '2027-01-20', startTime: '14:00', endTime: '15:00' }), meeting.revision, now, TZ);
    holdLateAgenda(meeting, now, TIMING);
    expect(meeting.agendaSendAt).toBeUndefined();
    const december = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    updateMeeting(data, december.id, input({ date: '2026-11-24' }), december.revision, now, TZ);
    holdLateAgenda(december, now, TIMING);
    expect(december.agendaSendAt).toBe('2026-11-23T08:00:00.000Z');
  });

  it('sends nothing for a meeting that has started, is cancelled or was held', () => {
    const data = demoData();
    expect(dueDispatches(data, new Date('2026-12-10T08:00:00Z'), TIMING).map((d) => d.meetingId)).not.toContain('mote-2026-12');
    data.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    expect(dueDispatches(data, new Date('2026-12-05T08:00:00Z'), TIMING)).toEqual([]);
  });

  it('queues one message for the channel and each reachable council member, and never the same one twice', () => {
    const data = withChats(demoData());
    const at = new Date('2026-12-03T08:00:00Z');
    const queued = queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, at, TIMING);
    // The coordinator's chat is reachable but she is no council member, so she gets no agenda.
    expect(queued.filter((d) => d.kind === 'agenda').map((d) => d.conversationId).sort()).toEqual(['19:channel@thread.tacv2', 'a:kari', 'a:ola']);
    // With the agenda, the secretary gets the follow-up summary (the demo has an overdue point).
    expect(queued.filter((d) => d.kind === 'followup-summary').map((d) => d.conversationId)).toEqual(['a:kari']);
    expect(queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, at, TIMING)).toEqual([]);
    expect(data.deliveries).toHaveLength(4);
  });

  it('sends no reminder to a member who has sent apologies, but the channel and the others get it', () => {
    const data = withChats(demoData());
    const at = new Date('2026-12-09T08:00:00Z');
    queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, new Date('2026-12-03T08:00:00Z'), TIMING);
    answerAttendance(data, 'mote-2026-12', 'ola-hansen', { answer: 'forfall', substitute: 'Per Vara' }, undefined, new Date('2026-12-04T08:00:00Z'));
    answerAttendance(data, 'mote-2026-12', 'kari-nordmann', { answer: 'kommer' }, undefined, new Date('2026-12-04T08:00:00Z'));
    const reminders = queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'reminder' }, at, TIMING);
    expect(reminders.map((d) => d.conversationId)).toEqual(['19:channel@thread.tacv2', 'a:kari']);
  });

  it('skips a chat whose user blocked the bot, after Teams said so', () => {
    const data = withChats(demoData());
    const [first] = queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, now, TIMING).filter((d) => d.conversationId === 'a:ola');
    recordOutcome(data, first!.id, { status: 'undeliverable', error: '403: blocked', attempts: 1 }, now);
    expect(agendaRecipients(data).map((r) => r.conversationId)).not.toContain('a:ola');
  });

  it('records an outcome on the delivery it names, found in the state before the change even when the change moved it', () => {
    const data = withChats(demoData());
    const queued = queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, now, TIMING);
    const before = structuredClone(data);
    const last = queued.at(-1)!;
    recordOutcome(data, last.id, { status: 'sent', activityId: 'act-last', attempts: 1 }, now, before);
    expect(data.deliveries.find((d) => d.id === last.id)).toMatchObject({ status: 'sent', activityId: 'act-last' });
    // The change took out the first delivery, so every index in `before` is one off in the draft.
    data.deliveries.shift();
    const other = queued.at(-2)!;
    recordOutcome(data, other.id, { status: 'failed', error: '500', attempts: 3 }, now, before);
    expect(data.deliveries.find((d) => d.id === other.id)).toMatchObject({ status: 'failed', error: '500' });
    expect(data.deliveries.find((d) => d.id === last.id)).toMatchObject({ status: 'sent', activityId: 'act-last' });
  });

  it('finds posted cards that show an older version of their meeting', () => {
    const data = withChats(demoData());
    const queued = queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, now, TIMING);
    for (const d of queued) recordOutcome(data, d.id, { status: 'sent', activityId: `act-${d.conversationId}`, revision: 0, attempts: 1 }, now);
    expect(staleCards(data)).toEqual([]);
    addAgendaItem(data, 'mote-2026-12', { title: 'Ny sak' }, 0, now);
    expect(staleCards(data)).toHaveLength(3);
  });

  it('survives a JSON round trip of the data unchanged', () => {
    const data = withChats(demoData());
    queueDispatch(data, { meetingId: 'mote-2026-12', kind: 'agenda' }, now, TIMING);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});

describe('naming a meeting after a command', () => {
  // The demo schedule: 7 October 2024 (held), then 10 December 2026, 11 March, 10 June,
  // 16 September, the seminar on 21 October and 9 December 2027.
  const named = (text: string, data = demoData()) => meetingNamed(data, text, now, TZ)?.id;

  it.each([
    ['mote-2027-06', 'mote-2027-06'],
    ['neste', 'mote-2026-12'],
    ['forrige møte', 'mote-2024-10'],
    ['10. desember', 'mote-2026-12'],
    ['10.12', 'mote-2026-12'],
    ['9.12.2027', 'mote-2027-12'],
    ['9. des. 2027', 'mote-2027-12'],
    ['7.10.24', 'mote-2024-10'],
    ['mars', 'mote-2027-03'],
    ['i september', 'mote-2027-09'],
    ['desember 2027', 'mote-2027-12'],
    ['seminaret', 'seminar-2027'],
    ['Møtet 11. mars', 'mote-2027-03'],
    // As the bot writes it, weekday and time included, in either language.
    ['torsdag 9. desember 2027', 'mote-2027-12'],
    ['torsdag 11. mars 2027 kl. 09.00', 'mote-2027-03'],
    ['Thursday 11 March 2027 at 09:00', 'mote-2027-03'],
    ['torsdag, 10.12', 'mote-2026-12'],
    ['2024', 'mote-2024-10'],
    ['i 2027', 'mote-2027-03'],
    ['for møtet i mars', 'mote-2027-03'],
    ['for desember', 'mote-2026-12'],
    ['til møtet 9. desember 2027', 'mote-2027-12'],
    ['for the meeting in September', 'mote-2027-09'],
    ['møtet', 'mote-2026-12'],
    ['neste møte?', 'mote-2026-12'],
  ])('finds «%s» as %s', (text, id) => {
    expect(named(text)).toBe(id);
  });

  it('takes the meeting nearest to now when the words fit several, in the past as well as ahead', () => {
    // December: 10 December 2026 is 18 days away, 9 December 2027 a year.
    expect(named('desember')).toBe('mote-2026-12');
    // October: the seminar in October 2027 is nearer than the meeting of October 2024.
    expect(named('oktober')).toBe('seminar-2027');
    expect(named('oktober 2024')).toBe('mote-2024-10');
  });

  it('passes over a cancelled meeting when another fits, and finds it when none does', () => {
    const data = demoData();
    cancelMeeting(data, 'mote-2026-12', undefined, now);
    expect(named('desember', data)).toBe('mote-2027-12');
    expect(named('10. desember', data)).toBe('mote-2026-12');
  });

  it('finds nothing for words that name no meeting, or a day without one', () => {
    for (const text of ['', 'snart', '11. desember', 'mai', 'mote-2099-01', 'neste seminar 2030', '2025', '20245']) expect(named(text)).toBeUndefined();
  });
});

describe('the words after /møte', () => {
  const read = (text: string) => readNewMeetingWords(text, now, TZ);
  const usual = { kind: 'ordinært', startTime: '09:00', endTime: '11:30' };

  it('reads a kind, a day and a time in any order, a day without a year being the next such day', () => {
    expect(read('')).toEqual({ values: usual, unread: undefined });
    expect(read('12. januar')).toEqual({ values: { ...usual, date: '2027-01-12' }, unread: undefined });
    expect(read('torsdag 14.1')).toEqual({ values: { ...usual, date: '2027-01-14' }, unread: undefined });
    // 22 November 2026: a November day already past is next year's, a later one this year's.
    expect(read('20. november')).toMatchObject({ values: { date: '2027-11-20' } });
    expect(read('den 24. november.')).toMatchObject({ values: { date: '2026-11-24' } });
    expect(read('ekstraordinært 12.1.2027 kl. 10')).toEqual({ values: { kind: 'ekstraordinært', date: '2027-01-12', startTime: '10:00', endTime: '12:30' }, unread: undefined });
    expect(read('kl 13.15 12. januar ekstraordinært møte')).toEqual({ values: { kind: 'ekstraordinært', date: '2027-01-12', startTime: '13:15', endTime: '15:45' }, unread: undefined });
    expect(read('seminar 21. oktober 2027 kl. 9–16')).toEqual({ values: { kind: 'seminar', date: '2027-10-21', startTime: '09:00', endTime: '16:00' }, unread: undefined });
    expect(read('seminar')).toEqual({ values: { kind: 'seminar', startTime: '09:00', endTime: '15:00' }, unread: undefined });
    expect(read('12 January at 10:00-11:00')).toEqual({ values: { ...usual, date: '2027-01-12', startTime: '10:00', endTime: '11:00' }, unread: undefined });
    expect(read('14:30 3.2')).toEqual({ values: { ...usual, date: '2027-02-03', startTime: '14:30', endTime: '17:00' }, unread: undefined });
    // Days named from today, as for an extraordinary meeting at short notice (22 November 2026 is a Sunday).
    expect(read('ekstraordinært i morgen kl. 12')).toEqual({ values: { kind: 'ekstraordinært', date: '2026-11-23', startTime: '12:00', endTime: '14:30' }, unread: undefined });
    expect(read('på torsdag')).toEqual({ values: { ...usual, date: '2026-11-26' }, unread: undefined });
    expect(read('neste tirsdag kl. 9 om ungdomsvold')).toEqual({ values: { ...usual, date: '2026-11-24', title: 'Ungdomsvold', startTime: '09:00', endTime: '11:30' }, unread: undefined });
  });

  it('leaves the end empty past midnight, and gives back what it cannot read, keeping the rest', () => {
    expect(read('12. januar kl. 22')).toMatchObject({ values: { startTime: '22:00', endTime: '' } });
    expect(read('12. januar kl. 25')).toEqual({ values: { ...usual, date: '2027-01-12' }, unread: 'kl. 25' });
    expect(read('31. april')).toEqual({ values: usual, unread: '31. april' });
    expect(read('neste måned kl. 10')).toEqual({ values: { ...usual, startTime: '10:00', endTime: '12:30' }, unread: 'neste måned' });
    expect(read('Trygghet 12. januar i uke 2')).toEqual({ values: { ...usual, date: '2027-01-12' }, unread: 'trygghet i uke 2' });
  });

  it('takes the words that are no kind, day or time as the title, as written, wherever they stand', () => {
    expect(read('om trygghet i sentrum kl. 10')).toEqual({ values: { ...usual, title: 'Trygghet i sentrum', startTime: '10:00', endTime: '12:30' }, unread: undefined });
    expect(read('Dialogmøte med bydelene 12. januar')).toEqual({ values: { ...usual, date: '2027-01-12', title: 'Dialogmøte med bydelene' }, unread: undefined });
    expect(read('ekstraordinært om skyting på Grønland torsdag 14. januar kl. 14')).toEqual({
      values: { kind: 'ekstraordinært', date: '2027-01-14', title: 'Skyting på Grønland', startTime: '14:00', endTime: '16:30' },
      unread: undefined,
    });
    expect(read('12.1 kl. 10–12: Vold i nære relasjoner')).toEqual({ values: { ...usual, date: '2027-01-12', title: 'Vold i nære relasjoner', startTime: '10:00', endTime: '12:00' }, unread: undefined });
    expect(read('extraordinary meeting on 12 January about youth crime')).toMatchObject({ values: { kind: 'ekstraordinært', date: '2027-01-12', title: 'Youth crime' } });
    expect(read('Youth crime on 12 January')).toMatchObject({ values: { date: '2027-01-12', title: 'Youth crime' } });
    // "på …" before or after the day is the place; within the title it stays the title's.
    expect(read('ekstraordinært om skyting på Grønland 12. januar kl. 14 på Rådhuset')).toEqual({
      values: { kind: 'ekstraordinært', date: '2027-01-12', title: 'Skyting på Grønland', place: 'Rådhuset', startTime: '14:00', endTime: '16:30' },
      unread: undefined,
    });
    expect(read('på Oslo politihus, 3. februar')).toEqual({ values: { ...usual, date: '2027-02-03', place: 'Oslo politihus' }, unread: undefined });
    expect(read('12 January at City Hall')).toMatchObject({ values: { date: '2027-01-12', place: 'City Hall' } });
    // Words that only repeat the command are not a title.
    expect(read('nytt møte 12. januar')).toEqual({ values: { ...usual, date: '2027-01-12' }, unread: undefined });
    expect(read(`12. januar ${'ord '.repeat(200)}`).values.title).toHaveLength(300);
  });
});

describe('where a meeting stands', () => {
  const december = { status: 'planlagt' as const, start: '2026-12-10T08:00:00.000Z', end: '2026-12-10T10:30:00.000Z' };
  it.each([
    ['2026-12-10T07:59:59Z', december, 'coming'],
    ['2026-12-10T08:00:00Z', december, 'under-way'],
    ['2026-12-10T10:30:00Z', december, 'held'],
    ['2026-11-22T08:00:00Z', { ...december, status: 'avholdt' as const }, 'held'],
    ['2026-11-22T08:00:00Z', { ...december, status: 'avlyst' as const }, 'cancelled'],
    ['2027-01-01T08:00:00Z', { ...december, status: 'avlyst' as const }, 'cancelled'],
  ])('at %s is %s', (at, meeting, phase) => {
    expect(meetingPhase(meeting, new Date(at))).toBe(phase);
  });
});

describe('the meeting schedule', () => {
  it('reads dates and times as Oslo wall-clock time on both sides of summer time', () => {
    expect(zonedInstant('2027-01-14', '09:00', TZ)?.toISOString()).toBe('2027-01-14T08:00:00.000Z');
    expect(zonedInstant('2027-06-10', '09:00', TZ)?.toISOString()).toBe('2027-06-10T07:00:00.000Z');
    expect(zonedInstant('2027-02-30', '09:00', TZ)).toBeUndefined();
    expect(zonedInstant('2027-01-14', '25:00', TZ)).toBeUndefined();
  });

  it('gives a new ordinary meeting the council’s standard agenda', () => {
    const data = demoData();
    const meeting = createMeeting(data, input(), now, TZ);
    expect(meeting.id).toBe('mote-2027-01');
    expect(meeting.agenda.map((i) => i.title)).toEqual([
      'Godkjenning av dagsorden',
      'Orientering fra politimester',
      'Orientering fra byrådsleder',
      'Situasjonsbrief fra politiet',
      'SaLTo-samarbeidet – rapportering fra lokale og regionale handlingsplaner',
      'Eventuelt',
    ]);
    expect(meeting.start).toBe('2027-01-14T08:00:00.000Z');
  });

  it('matches the standard agenda the demo seed uses for its planned meetings', () => {
    const data = demoData();
    const seeded = data.meetings.find((m) => m.id === 'mote-2027-03')!;
    const made = createMeeting(data, input(), now, TZ);
    expect(made.agenda.map((i) => [i.title, i.presenters, i.confidential])).toEqual(seeded.agenda.map((i) => [i.title, i.presenters, i.confidential]));
  });

  it.each([
    ['a date in the past', input({ date: '2026-11-01' }), ErrorCode.DateInPast],
    ['an end before the start', input({ endTime: '08:00' }), ErrorCode.EndBeforeStart],
    ['a date that does not exist', input({ date: '2027-02-30' }), ErrorCode.InvalidDate],
    ['a link that is not https', input({ onlineUrl: 'javascript:alert(1)' }), ErrorCode.InvalidUrl],
    ['a clash with the December meeting', input({ date: '2026-12-10', startTime: '11:00', endTime: '12:00' }), ErrorCode.MeetingClash],
  ])('refuses %s and changes nothing', (_what, bad, code) => {
    const data = demoData();
    const before = JSON.stringify(data);
    expectCode(() => createMeeting(data, bad, now, TZ), code);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('moves a meeting, counts it as a new revision, and refuses a change from a stale card', () => {
    const data = demoData();
    const change = updateMeeting(data, 'mote-2026-12', input({ date: '2026-12-17' }), 0, now, TZ);
    expect(change).toMatchObject({ moved: true, changed: true });
    expect(change.meeting.revision).toBe(1);
    expectCode(() => updateMeeting(data, 'mote-2026-12', input({ date: '2026-12-18' }), 0, now, TZ), ErrorCode.Stale);
  });

  it('cancels a meeting once; a cancelled meeting cannot be changed', () => {
    const data = demoData();
    cancelMeeting(data, 'mote-2026-12', 0, now);
    expectCode(() => cancelMeeting(data, 'mote-2026-12', 1, now), ErrorCode.MeetingClosed);
    expectCode(() => addAgendaItem(data, 'mote-2026-12', { title: 'x' }, undefined, now), ErrorCode.MeetingClosed);
  });

  it('holds a cancelled meeting after all until it begins, unless another meeting has taken its time', () => {
    const data = demoData();
    const cancelled = cancelMeeting(data, 'mote-2026-12', 0, now);
    cancelled.cancellation = { at: now.toISOString(), movedTo: 'mote-2027-03', pointIds: ['op-2024-03'], proposals: [] };
    expectCode(() => reinstateMeeting(data, 'mote-2026-12', 0, now, TZ), ErrorCode.Stale);
    expectCode(() => reinstateMeeting(data, 'mote-2026-12', 1, new Date('2026-12-10T08:00:00Z'), TZ), ErrorCode.MeetingClosed);
    const other = createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-12-10', startTime: '10:00', endTime: '11:00' }), now, TZ);
    expectCode(() => reinstateMeeting(data, 'mote-2026-12', 1, now, TZ), ErrorCode.MeetingClash);
    expect(cancelled.status).toBe('avlyst');
    cancelMeeting(data, other.id, 0, now);
    const { meeting, cancellation } = reinstateMeeting(data, 'mote-2026-12', 1, now, TZ);
    expect(cancellation).toMatchObject({ movedTo: 'mote-2027-03', pointIds: ['op-2024-03'] });
    expect([meeting.status, meeting.revision, meeting.cancellation]).toEqual(['planlagt', 2, undefined]);
    expect(DataSchema.parse(data).meetings.find((m) => m.id === 'mote-2026-12')!.status).toBe('planlagt');
    // A meeting not cancelled is left as it is.
    expect(reinstateMeeting(data, 'mote-2026-12', 2, now, TZ)).toEqual({ meeting, cancellation: undefined });
    expect(meeting.revision).toBe(2);
  });

  it('brings back the proposals a cancellation moved on with the ids they had, those still waiting', () => {
    const data = demoData();
    const waiting = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Trygghet i T-banen' }, now);
    const decided = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Russefeiring' }, now);
    const third = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Sommerjobber' }, now);
    declineProposal(data, 'mote-2026-12', decided.id, 'Nei', 'kari-nordmann', now);
    const march = data.meetings.find((m) => m.id === 'mote-2027-03')!;
    cancelMeeting(data, 'mote-2026-12', 0, now);
    const moved = moveWaitingProposals(data, 'mote-2026-12', march);
    expect(moved.map((x) => [x.from, x.proposal.id])).toEqual([[waiting.id, 'mote-2027-03-f1'], [third.id, 'mote-2027-03-f2']]);
    // The secretary takes one in March before the meeting is held after all; it stays there.
    acceptProposal(data, 'mote-2027-03', 'mote-2027-03-f1', 'kari-nordmann', now);
    const cancellation = { at: now.toISOString(), movedTo: march.id, pointIds: [], proposals: moved.map((x) => ({ from: x.from, to: x.proposal.id })) };
    data.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'planlagt';
    expect(moveProposalsBack(data, 'mote-2026-12', cancellation).map(({ proposal }) => [proposal.id, proposal.title])).toEqual([[third.id, 'Sommerjobber']]);
    expect(march.proposals.map((p) => [p.id, p.status])).toEqual([['mote-2027-03-f1', 'godtatt']]);
    // A new proposal takes an id no proposal of the meeting has (f3 came back).
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.proposals.map((p) => p.id)).toEqual([decided.id, 'mote-2026-12-f3']);
    expect(proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Nytt' }, now).id).toBe('mote-2026-12-f4');
  });

  it('passes proposals not decided before their meeting began on to the next meeting, telling the secretary and the proposer', () => {
    const data = withChats(demoData());
    const waiting = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Trygghet i T-banen' }, now);
    const declined = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Russefeiring' }, now);
    declineProposal(data, 'mote-2026-12', declined.id, 'Nei', 'kari-nordmann', now);
    // Until the meeting begins (09:00 on 10 December) the proposal waits where it is.
    expect(hasProposalsToCarryOver(data, new Date('2026-12-10T07:59:00Z'))).toBe(false);
    expect(carryOverProposals(data, new Date('2026-12-10T07:59:00Z'))).toEqual([]);
    const begun = new Date('2026-12-10T08:00:00Z');
    expect(hasProposalsToCarryOver(data, begun)).toBe(true);
    const carried = carryOverProposals(data, begun);
    expect(carried.map(({ from, to, moved }) => [from, to, moved.map((x) => [x.from, x.proposal.id, x.proposal.title, x.proposal.status])])).toEqual([
      ['mote-2026-12', 'mote-2027-03', [[waiting.id, 'mote-2027-03-f1', 'Trygghet i T-banen', 'foreslått']]],
    ]);
    // The declined one stays with its meeting, as decided.
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.proposals.map((p) => [p.id, p.status])).toEqual([[declined.id, 'avslått']]);
    expect(data.deliveries.map((d) => [d.kind, d.meetingId, d.memberId, d.note])).toEqual([
      ['proposal', 'mote-2027-03', 'kari-nordmann', 'ubehandlet'],
      ['proposal-moved', 'mote-2027-03', 'ola-hansen', 'ubehandlet'],
    ]);
    expect(hasProposalsToCarryOver(data, begun)).toBe(false);
    expect(carryOverProposals(data, begun)).toEqual([]);
    // March's secretary decides it there.
    acceptProposal(data, 'mote-2027-03', 'mote-2027-03-f1', 'kari-nordmann', begun);
    expect(data.meetings.find((m) => m.id === 'mote-2027-03')!.agenda.map((i) => i.title)).toContain('Trygghet i T-banen');
  });

  it('keeps an undecided proposal of a meeting begun until a meeting to come is planned', () => {
    const data = withChats(demoData());
    proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Trygghet i T-banen' }, now);
    // Every later meeting cancelled: nowhere to go yet.
    for (const meeting of data.meetings) if (Date.parse(meeting.start) > Date.parse('2026-12-11T00:00:00Z')) meeting.status = 'avlyst';
    const later = new Date('2026-12-11T08:00:00Z');
    expect(hasProposalsToCarryOver(data, later)).toBe(false);
    expect(carryOverProposals(data, later)).toEqual([]);
    createMeeting(data, input({ kind: 'ekstraordinært', date: '2027-01-14', title: 'Ekstramøte' } as Partial<MeetingInput>), later, TZ);
    expect(carryOverProposals(data, later).map(({ to, moved }) => [to, moved.length])).toEqual([[expect.stringMatching(/^ekstra-2027-01/), 1]]);
  });

  it('passes on the proposals of a meeting cancelled with no meeting after it, once one is planned, as a cancellation would have', () => {
    const data = withChats(demoData());
    for (const meeting of data.meetings) if (Date.parse(meeting.start) > Date.parse('2026-12-11T00:00:00Z')) meeting.status = 'avlyst';
    const waiting = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Trygghet i T-banen' }, now);
    cancelMeeting(data, 'mote-2026-12', 0, now);
    expect(hasProposalsToCarryOver(data, now)).toBe(false);
    // A meeting before the cancelled one is not where its proposals go; one after it is.
    createMeeting(data, input({ kind: 'ekstraordinært', date: '2026-12-03', title: 'Før' } as Partial<MeetingInput>), now, TZ);
    expect(carryOverProposals(data, now)).toEqual([]);
    createMeeting(data, input({ kind: 'ekstraordinært', date: '2027-01-14', title: 'Etter' } as Partial<MeetingInput>), now, TZ);
    const carried = carryOverProposals(data, now);
    expect(carried.map(({ from, to, moved }) => [from, to, moved.map((x) => x.from)])).toEqual([['mote-2026-12', expect.stringMatching(/^ekstra-2027-01/), [waiting.id]]]);
    // Told as after any cancellation: no note.
    expect(data.deliveries.map((d) => [d.kind, d.memberId, d.note])).toEqual([
      ['proposal', 'kari-nordmann', undefined],
      ['proposal-moved', 'ola-hansen', undefined],
    ]);
  });

  it('reminds the secretary six weeks before the last meeting planned that nothing comes after it, once for each last meeting', () => {
    const data = withChats(demoData());
    data.conversations.push({ ...data.conversations.find((c) => c.id === 'a:kari')!, id: 'a:forvaltning', memberId: 'forvaltning' });
    expect(lastPlannedMeeting(data)?.id).toBe('mote-2027-12');
    expect(yearToPlan(lastPlannedMeeting(data)!, TZ)).toBe(2028);
    // 9 December 2027 less 42 days: Thursday 28 October, 09:00 summer time in Oslo.
    expect(hasYearPlanReminders(data, new Date('2027-10-28T06:59:00Z'), TIMING)).toBe(false);
    expect(queueYearPlanReminders(data, new Date('2027-10-28T06:59:00Z'), TIMING)).toEqual([]);
    expect(hasYearPlanReminders(data, new Date('2027-10-28T07:00:00Z'), TIMING)).toBe(true);
    const queued = queueYearPlanReminders(data, new Date('2027-10-28T07:00:00Z'), TIMING);
    // The secretary, not the administrator, nor a member.
    expect(queued.map((d) => [d.kind, d.meetingId, d.conversationId])).toEqual([['year-plan-reminder', 'mote-2027-12', 'a:kari']]);
    expect(queueYearPlanReminders(data, new Date('2027-11-28T07:00:00Z'), TIMING)).toEqual([]);
    // With 2028 planned, the next reminder waits for the new last meeting.
    createMeetings(data, proposeYear(data, 2028, TZ), new Date('2027-10-28T07:00:00Z'), TZ);
    expect(lastPlannedMeeting(data)?.id).toBe('mote-2028-12');
    expect(queueYearPlanReminders(data, new Date('2028-10-01T07:00:00Z'), TIMING)).toEqual([]);
    expect(queueYearPlanReminders(data, new Date('2028-11-02T08:00:00Z'), TIMING).map((d) => d.meetingId)).toEqual(['mote-2028-12']);
    // A cancelled meeting is not the last one planned.
    const cancelled = withChats(demoData());
    cancelled.meetings.find((m) => m.id === 'mote-2027-12')!.status = 'avlyst';
    expect(lastPlannedMeeting(cancelled)?.id).toBe('seminar-2027');
    expect(queueYearPlanReminders(cancelled, new Date('2027-09-09T07:00:00Z'), TIMING).map((d) => d.meetingId)).toEqual(['seminar-2027']);
    expect(lastPlannedMeeting({ ...cancelled, meetings: [] })).toBeUndefined();
    expect(queueYearPlanReminders({ ...cancelled, meetings: [] }, new Date('2027-09-09T07:00:00Z'), TIMING)).toEqual([]);
  });

  it('proposes four ordinary meetings and a seminar for an empty year, and nothing for a planned one', () => {
    const data = demoData();
    const plan = proposeYear(data, 2028, TZ);
    expect(plan.map((p) => [p.kind, p.date])).toEqual([
      ['ordinært', '2028-03-09'],
      ['ordinært', '2028-06-08'],
      ['ordinært', '2028-09-14'],
      ['seminar', '2028-10-19'],
      ['ordinært', '2028-12-14'],
    ]);
    expect(proposeYear(data, 2027, TZ)).toEqual([]);
    expect(createMeetings(data, plan, now, TZ)).toHaveLength(5);
  });

  it('creates a confirmed year plan all or nothing', () => {
    const data = demoData();
    const plan = proposeYear(data, 2028, TZ);
    plan[2]!.endTime = '08:00';
    const before = data.meetings.length;
    expectCode(() => createMeetings(structuredClone(data), plan, now, TZ), ErrorCode.EndBeforeStart);
    expect(data.meetings).toHaveLength(before);
  });
});

describe('the agenda', () => {
  it('puts a new thematic item before the situation brief, SaLTo and eventuelt, numbered in order', () => {
    const data = demoData();
    const item = addAgendaItem(data, 'mote-2026-12', { title: '  Trygghet i sentrum ', presenters: 'Oslo politidistrikt, Bydel Frogner', attachments: 'Presentasjon | https://oslo.example/p.pdf' }, 0, now);
    const agenda = data.meetings.find((m) => m.id === 'mote-2026-12')!.agenda;
    expect(agenda.map((i) => i.id).indexOf(item.id)).toBe(4);
    expect(item).toMatchObject({ title: 'Trygghet i sentrum', presenters: ['Oslo politidistrikt', 'Bydel Frogner'], attachments: [{ title: 'Presentasjon', url: 'https://oslo.example/p.pdf' }] });
  });

  it('refuses an empty title and an attachment that is not a link', () => {
    const data = demoData();
    expectCode(() => addAgendaItem(data, 'mote-2026-12', { title: '   ' }, 0, now), ErrorCode.EmptyTitle);
    expectCode(() => addAgendaItem(data, 'mote-2026-12', { title: 'x', attachments: 'javascript:alert(1)' }, 0, now), ErrorCode.InvalidUrl);
  });

  it('reads an attachment a line, with its title written before or after the link, or none', () => {
    expect(
      parseAttachments(
        [
          'Presentasjon | https://oslo.example/p.pdf',
          'Presentasjon: https://oslo.example/p.pptx',
          'Tall fra bydelene – https://oslo.example/t.xlsx',
          'Notat https://oslo.example/n.docx',
          '<https://oslo.example/x.docx> (notat fra møtet)',
          '  https://oslo.example/bare.pdf  ',
          'Oppslag (https://no.wikipedia.org/wiki/SaLTo_(Oslo)).',
          '',
        ].join('\n'),
      ),
    ).toEqual([
      { title: 'Presentasjon', url: 'https://oslo.example/p.pdf' },
      { title: 'Presentasjon', url: 'https://oslo.example/p.pptx' },
      { title: 'Tall fra bydelene', url: 'https://oslo.example/t.xlsx' },
      { title: 'Notat', url: 'https://oslo.example/n.docx' },
      { title: 'notat fra møtet', url: 'https://oslo.example/x.docx' },
      { title: 'https://oslo.example/bare.pdf', url: 'https://oslo.example/bare.pdf' },
      { title: 'Oppslag', url: 'https://no.wikipedia.org/wiki/SaLTo_(Oslo)' },
    ]);
  });

  it('refuses a line without exactly one web link, quoting it', () => {
    for (const line of ['Presentasjonen kommer', 'To lenker https://a.example https://b.example', 'Skjult javascript:alert(1)', 'ftp://oslo.example/fil', 'https://']) {
      const error = (() => {
        try {
          parseAttachments(`https://oslo.example/ok.pdf\n${line}`);
        } catch (thrown) {
          return thrown as DomainError;
        }
        return undefined;
      })();
      expect(error?.code, line).toBe(ErrorCode.InvalidUrl);
      expect(error?.details['text'], line).toBe(line);
    }
  });

  it('moves and removes items, each change a new revision', () => {
    const data = demoData();
    moveAgendaItem(data, 'mote-2026-12', 'mote-2026-12-3', 'opp', 0, now);
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    expect(meeting.agenda[1]!.id).toBe('mote-2026-12-3');
    removeAgendaItem(data, 'mote-2026-12', 'mote-2026-12-4', 1, now);
    expect(meeting.agenda.map((i) => i.id)).not.toContain('mote-2026-12-4');
    expect(meeting.revision).toBe(2);
    expectCode(() => removeAgendaItem(data, 'mote-2026-12', 'mote-2026-12-4', 2, now), ErrorCode.NotFound);
  });

  it('accepts a proposal into the agenda with the proposer presenting, and decides a proposal only once', () => {
    const data = demoData();
    const first = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Trygghet i T-banen' }, now);
    const second = proposeItem(data, 'mote-2026-12', 'ola-hansen', { title: 'Russefeiring' }, now);
    const { item } = acceptProposal(data, 'mote-2026-12', first.id, 'kari-nordmann', now);
    expect(item).toMatchObject({ title: 'Trygghet i T-banen', presenters: ['Ola Hansen'], proposedBy: 'ola-hansen' });
    expect(declineProposal(data, 'mote-2026-12', second.id, ' Tas opp på seminaret ', 'kari-nordmann', now)).toMatchObject({ status: 'avslått', reason: 'Tas opp på seminaret' });
    expectCode(() => acceptProposal(data, 'mote-2026-12', second.id, 'kari-nordmann', now), ErrorCode.AlreadyDecided);
  });

  it('blanks a confidential item outside personal chat, and shows it there', () => {
    const item = { id: 'x', title: 'Gjengkonflikt på Grønland', presenters: ['OPD'], description: 'detaljer', attachments: [], confidential: true };
    expect(visibleItem(item, 'shared')).toMatchObject({ title: '', presenters: [], hidden: true });
    expect(JSON.stringify(visibleItem(item, 'shared'))).not.toContain('Grønland');
    expect(visibleItem(item, 'personal')).toMatchObject({ title: 'Gjengkonflikt på Grønland', hidden: false });
  });

  it('counts as personal only a personal chat with someone on, observing or serving the council', () => {
    const data = demoData();
    const as = (id: string) => data.members.find((m) => m.id === id);
    expect(['ola-hansen', 'marianne-dahl', 'kari-nordmann'].map((id) => audienceFor(true, as(id)))).toEqual(['personal', 'personal', 'personal']);
    // A SaLTo coordinator, and someone the bot does not know, see what a channel sees.
    expect([audienceFor(true, as('aisha-rahman')), audienceFor(true, undefined), audienceFor(false, as('ola-hansen'))]).toEqual(['shared', 'shared', 'shared']);
  });
});

describe('attendance', () => {
  it('keeps one answer per member, the latest, with substitute and reason only for apologies', () => {
    const data = demoData();
    answerAttendance(data, 'mote-2026-12', 'ola-hansen', { answer: 'forfall', substitute: ' Per Vara ', reason: 'Reise' }, undefined, now);
    answerAttendance(data, 'mote-2026-12', 'ingrid-berg', { answer: 'kommer', substitute: 'ignored' }, undefined, now);
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    expect(meeting.attendance).toEqual([
      { memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Vara', reason: 'Reise', at: NOW.replace('Z', '.000Z') },
      { memberId: 'ingrid-berg', answer: 'kommer', at: NOW.replace('Z', '.000Z') },
    ]);
    answerAttendance(data, 'mote-2026-12', 'ola-hansen', { answer: 'kommer' }, undefined, now);
    const overview = attendanceOverview(data, meeting);
    expect(overview.coming.map((m) => m.id).sort()).toEqual(['ingrid-berg', 'ola-hansen']);
    expect(overview.apologies).toEqual([]);
    expect(overview.unanswered.map((m) => m.id)).not.toContain('kari-nordmann');
  });

  it('asks again when the meeting moves to another day, keeping the earlier answers apart; a new time the same day keeps them', () => {
    const data = demoData();
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    answerAttendance(data, meeting.id, 'ola-hansen', { answer: 'forfall', substitute: 'Per Vara' }, undefined, now);
    answerAttendance(data, meeting.id, 'ingrid-berg', { answer: 'kommer' }, undefined, now);
    // Half an hour later the same day: the answers hold.
    const later = updateMeeting(data, meeting.id, input({ date: '2026-12-10', startTime: '09:30', endTime: '12:00' }), meeting.revision, now, TZ);
    expect(later).toMatchObject({ moved: true, askAgain: false });
    expect(attendanceOf(meeting, 'ola-hansen')?.answer).toBe('forfall');
    // Another day: no one has answered for it, and what they said is kept.
    const moved = new Date('2026-11-23T08:00:00Z');
    expect(updateMeeting(data, meeting.id, input({ date: '2026-12-11' }), meeting.revision, moved, TZ)).toMatchObject({ moved: true, askAgain: true });
    expect(attendanceOf(meeting, 'ola-hansen')).toBeUndefined();
    expect(earlierAnswer(meeting, 'ola-hansen')).toMatchObject({ answer: 'forfall', substitute: 'Per Vara' });
    expect(attendanceOverview(data, meeting)).toMatchObject({ coming: [], apologies: [] });
    expect(attendanceOverview(data, meeting).unanswered.map((m) => m.id)).toEqual(expect.arrayContaining(['ingrid-berg', 'ola-hansen']));
    // An answer for the new day counts, and replaces the earlier one.
    answerAttendance(data, meeting.id, 'ingrid-berg', { answer: 'kommer' }, undefined, new Date('2026-11-24T08:00:00Z'));
    expect(attendanceOverview(data, meeting).coming.map((m) => m.id)).toEqual(['ingrid-berg']);
    expect(earlierAnswer(meeting, 'ingrid-berg')).toBeUndefined();
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data))).meetings.find((m) => m.id === meeting.id)!.answersFrom).toBe(moved.toISOString());
  });

  it('refuses an answer from a card made before the meeting moved, and after the meeting started', () => {
    const data = demoData();
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    expectCode(() => answerAttendance(data, meeting.id, 'ola-hansen', { answer: 'kommer' }, '2026-12-03T08:00:00Z', now), ErrorCode.Stale);
    expect(answerAttendance(data, meeting.id, 'ola-hansen', { answer: 'kommer' }, '2026-12-10T08:00:00.000Z', now).answer).toBe('kommer');
    expectCode(() => answerAttendance(data, meeting.id, 'ola-hansen', { answer: 'forfall' }, undefined, new Date(meeting.start)), ErrorCode.MeetingClosed);
  });
});
