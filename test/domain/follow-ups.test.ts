import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { dueDateOf, parseDue, titleAndDue, todayIn } from '../../src/domain/follow-up-dates.js';
import { dueFollowUpNotices, followUpSummary, queueFollowUpNotices } from '../../src/domain/follow-up-reminders.js';
import { parseStatusFilter, statusView, type StatusFilter } from '../../src/domain/follow-up-status.js';
import {
  addFollowUpUpdate,
  briefingChanges,
  createFollowUp,
  editFollowUp,
  followUpChanges,
  importFollowUps,
  moveDueBack,
  moveDueFromCancelled,
  postponeFollowUp,
  reopenFollowUp,
  setFollowUpStatus,
  syncBriefingItems,
  type FollowUpInput,
} from '../../src/domain/follow-ups.js';
import { updateMeeting } from '../../src/domain/meetings.js';
import { DataSchema, type Data, type FollowUp } from '../../src/domain/schema.js';
import { codeOf, demoData, memberOf, NOW, TIMING, withChats } from '../helpers/builders.js';

const now = new Date(NOW); // Sunday 22 November 2026, 09:00 in Oslo
const TZ = 'Europe/Oslo';
const kari = (data: Data) => memberOf(data, 'kari-nordmann');
const ola = (data: Data) => memberOf(data, 'ola-hansen');
const tor = (data: Data) => memberOf(data, 'tor-lund');
const point = (data: Data, id: string) => data.followUps.find((p) => p.id === id)!;

function input(extra: Partial<FollowUpInput> = {}): FollowUpInput {
  return { title: 'Felles tiltaksplan for Grønland', focusAreaId: 'io-2017-1', responsible: 'begge', ownerMemberId: 'ola-hansen', briefing: false, ...extra };
}

describe('reading a due date in Norwegian', () => {
  const data = demoData();
  const due = (text: string, at = now) => parseDue(text, data, at, TZ);

  it.each([
    ['15. mars', '2027-03-15'],
    ['innen 15. mars', '2027-03-15'],
    ['15.03.2027', '2027-03-15'],
    ['15.3', '2027-03-15'],
    ['1. desember', '2026-12-01'],
    ['1. des.', '2026-12-01'],
    ['2027-06-30', '2027-06-30'],
    ['i 2027', '2027-12-31'],
    ['innen utgangen av 2027', '2027-12-31'],
    ['i mars', '2027-03-31'],
    ['om 2 uker', '2026-12-06'],
    ['i morgen', '2026-11-23'],
    ['15 March 2027', '2027-03-15'],
  ])('reads «%s» as %s', (text, date) => {
    expect(due(text)).toEqual({ dueDate: date });
  });

  it.each([
    // A two-digit year is this century's, not the year 27.
    ['15.3.27', '2027-03-15'],
    ['15.03.27', '2027-03-15'],
    ['15/3/27', '2027-03-15'],
    ['15. mars 27', '2027-03-15'],
    // Number words and "innen" without "om".
    ['om to uker', '2026-12-06'],
    ['om en måned', '2026-12-22'],
    ['innen 3 dager', '2026-11-25'],
    ['in a week', '2026-11-29'],
    ['i overmorgen', '2026-11-24'],
    // Weeks end on their Friday; a week number already past this year is next year's.
    ['uke 12', '2027-03-26'],
    ['innen uke 12', '2027-03-26'],
    ['i løpet av uke 48', '2026-11-27'],
    ['uke 47', '2027-11-26'],
    ['uke 53', '2027-01-01'],
    ['uke 1', '2027-01-08'],
    ['uke 10 2028', '2028-03-10'],
    ['uke 10/2028', '2028-03-10'],
    ['week 12', '2027-03-26'],
    ['neste uke', '2026-11-27'],
    ['denne uken', '2026-11-22'],
    // Seasons: spring and "before the summer" end on 30 June, autumn on 30 November; the end of the month or year.
    ['før sommeren', '2027-06-30'],
    ['i løpet av våren', '2027-06-30'],
    ['våren 2028', '2028-06-30'],
    ['høsten 2027', '2027-11-30'],
    ['i løpet av høsten', '2026-11-30'],
    ['by the summer', '2027-06-30'],
    ['innen utgangen av måneden', '2026-11-30'],
    ['ved utgangen av året', '2026-12-31'],
    ['end of the month', '2026-11-30'],
    ['i slutten av januar', '2027-01-31'],
    ['the end of March', '2027-03-31'],
    // Weekdays: the coming one (today included), or the one in next week.
    ['fredag', '2026-11-27'],
    ['på tirsdag', '2026-11-24'],
    ['søndag', '2026-11-22'],
    ['neste onsdag', '2026-11-25'],
    ['onsdag neste uke', '2026-11-25'],
    ['next Friday', '2026-11-27'],
    // Quarters end with their last day.
    ['1. kvartal', '2027-03-31'],
    ['i løpet av første kvartal 2028', '2028-03-31'],
    ['innen utgangen av 4. kvartal', '2026-12-31'],
    ['Q2 2027', '2027-06-30'],
    // "Før jul" is before Christmas Eve, not July; "før påske" the day before Maundy Thursday.
    ['før jul', '2026-12-23'],
    ['innen jul', '2026-12-23'],
    ['før påske', '2027-03-24'],
    ['før påske 2028', '2028-04-12'],
    ['before Christmas', '2026-12-23'],
    // Business Norwegian for the middle and the end of a month.
    ['medio mars', '2027-03-15'],
    ['ultimo mars', '2027-03-31'],
    ['slutten av januar', '2027-01-31'],
    ['medio november', '2027-11-15'],
  ])('reads «%s» as %s', (text, date) => {
    expect(due(text)).toEqual({ dueDate: date });
  });

  it('reads the same words on a weekday, where this week has not ended', () => {
    const wednesday = new Date('2026-11-25T08:00:00Z');
    expect(due('fredag', wednesday)).toEqual({ dueDate: '2026-11-27' });
    expect(due('neste fredag', wednesday)).toEqual({ dueDate: '2026-12-04' });
    expect(due('denne uka', wednesday)).toEqual({ dueDate: '2026-11-27' });
    expect(due('neste uke', wednesday)).toEqual({ dueDate: '2026-12-04' });
    expect(due('uke 48', wednesday)).toEqual({ dueDate: '2026-11-27' });
    expect(due('jul', new Date('2026-12-27T08:00:00Z'))).toEqual({ dueDate: '2027-12-23' });
  });

  it('reads 29 February, written in a leap year after it has passed, as the last day of next February', () => {
    expect(due('29. februar', new Date('2028-03-10T08:00:00Z'))).toEqual({ dueDate: '2029-02-28' });
    expect(due('29. februar', new Date('2028-01-10T08:00:00Z'))).toEqual({ dueDate: '2028-02-29' });
  });

  it('reads «innen neste møte» as the next meeting, and «neste seminar» as the seminar', () => {
    expect(due('innen neste møte')).toEqual({ dueMeetingId: 'mote-2026-12' });
    expect(due('Til neste mote.')).toEqual({ dueMeetingId: 'mote-2026-12' });
    expect(due('neste seminar')).toEqual({ dueMeetingId: 'seminar-2027' });
  });

  it('takes "today" in Oslo, not in UTC', () => {
    // 23:30 UTC on 22 November is 00:30 on 23 November in Oslo.
    expect(due('i dag', new Date('2026-11-22T23:30:00Z'))).toEqual({ dueDate: '2026-11-23' });
  });

  it('knows what day it is in the zone up to the last millisecond before midnight, in summer and winter', () => {
    const day = (instant: string, zone = TZ) => todayIn(new Date(instant), zone);
    // Asked out of order, so a remembered answer for one moment cannot stand in for another.
    expect(day('2026-11-22T23:00:00.000Z')).toBe('2026-11-23');
    expect(day('2026-11-22T22:59:59.999Z')).toBe('2026-11-22');
    expect(day('2026-11-22T22:59:00.000Z')).toBe('2026-11-22');
    expect(day('2026-07-01T21:59:59.999Z')).toBe('2026-07-01');
    expect(day('2026-07-01T22:00:00.000Z')).toBe('2026-07-02');
    // A zone whose offset is not whole hours (UTC+05:45).
    expect(day('2026-11-22T18:14:59.999Z', 'Asia/Kathmandu')).toBe('2026-11-22');
    expect(day('2026-11-22T18:15:00.000Z', 'Asia/Kathmandu')).toBe('2026-11-23');
  });

  it('says what is wrong with a day the calendar lacks, rather than that it cannot read it', () => {
    const detailsOf = (text: string) => {
      try {
        due(text);
      } catch (error) {
        const known = error as { code?: string; details?: unknown };
        return { code: known.code, details: known.details };
      }
      return undefined;
    };
    const noSuchDay = (details: Record<string, string | number>) => ({ code: ErrorCode.NoSuchDay, details });
    expect(detailsOf('31.04.2027')).toEqual(noSuchDay({ text: '31.04.2027', month: 4, days: 30, year: 2027 }));
    expect(detailsOf('innen 31. april')).toEqual(noSuchDay({ text: 'innen 31. april', month: 4, days: 30 }));
    expect(detailsOf('2027-06-31')).toEqual(noSuchDay({ text: '2027-06-31', month: 6, days: 30, year: 2027 }));
    expect(detailsOf('32. mars')).toEqual(noSuchDay({ text: '32. mars', month: 3, days: 31 }));
    expect(detailsOf('0.3')).toEqual(noSuchDay({ text: '0.3', month: 3, days: 31 }));
    // February names its year: 29 February is a day in some years. In November 2026 the next February is 2027's.
    expect(detailsOf('29. februar')).toEqual(noSuchDay({ text: '29. februar', month: 2, days: 28, year: 2027 }));
    expect(detailsOf('29.02.27')).toEqual(noSuchDay({ text: '29.02.27', month: 2, days: 28, year: 2027 }));
    expect(due('29.02.2028')).toEqual({ dueDate: '2028-02-29' });
    expect(detailsOf('12.13')).toEqual(noSuchDay({ text: '12.13' }));
    expect(detailsOf('15.13.2027')).toEqual(noSuchDay({ text: '15.13.2027' }));
    // Not written as a day at all: still "cannot read".
    expect(detailsOf('31 blåbær')).toMatchObject({ code: ErrorCode.InvalidDue });
    expect(detailsOf('1234.5')).toMatchObject({ code: ErrorCode.InvalidDue });
  });

  it('refuses what it cannot read, a day that does not exist and a day already past', () => {
    expect(codeOf(() => due('snart'))).toBe(ErrorCode.InvalidDue);
    expect(codeOf(() => due('31. februar 2027'))).toBe(ErrorCode.NoSuchDay);
    expect(codeOf(() => due('1.1.2020'))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => due('i 2025'))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => due('før jul 2025'))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => due('våren 2025'))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => due('etter sommeren'))).toBe(ErrorCode.InvalidDue);
    // 2027 has 52 ISO weeks; 2026 has 53.
    expect(codeOf(() => due('uke 53 2027'))).toBe(ErrorCode.InvalidDue);
    expect(codeOf(() => due('uke 54'))).toBe(ErrorCode.InvalidDue);
    expect(codeOf(() => due('første'))).toBe(ErrorCode.InvalidDue);
    expect(codeOf(() => due('om mange uker'))).toBe(ErrorCode.InvalidDue);
    expect(codeOf(() => parseDue('neste møte', { ...data, meetings: [] }, now, TZ))).toBe(ErrorCode.NoMeetingPlanned);
  });
});

describe('a deadline written after a title', () => {
  const data = demoData();
  const split = (text: string, meetings = data.meetings) => titleAndDue(text, { ...data, meetings }, now, TZ);

  it('takes the words after «frist», «innen», «senest» or «by» when they read as a deadline', () => {
    expect(split('Send referatet til bydelene frist 15. januar')).toEqual({ title: 'Send referatet til bydelene', due: '15. januar' });
    expect(split('Send referatet til bydelene, med frist: 15.1.2027')).toEqual({ title: 'Send referatet til bydelene', due: '15.1.2027' });
    expect(split('Felles tiltaksplan – innen neste møte')).toEqual({ title: 'Felles tiltaksplan', due: 'innen neste møte' });
    expect(split('Kartlegging av Oslo S senest uke 12')).toEqual({ title: 'Kartlegging av Oslo S', due: 'senest uke 12' });
    expect(split('Report on youth crime by 15 March')).toEqual({ title: 'Report on youth crime', due: 'by 15 March' });
  });

  it('takes a deadline that is read but refused, for the form to say why', () => {
    expect(split('Send referatet frist 1.1.2020')).toEqual({ title: 'Send referatet', due: '1.1.2020' });
    expect(split('Send referatet frist 31. april')).toEqual({ title: 'Send referatet', due: '31. april' });
    expect(split('Send referatet innen neste møte', [])).toEqual({ title: 'Send referatet', due: 'innen neste møte' });
  });

  it('leaves a title alone where the words after the marker are no deadline', () => {
    for (const title of ['Kartlegge vold innen familien', 'Vurdere frist for rapportering', 'Trygghet på Grønland', 'Byomfattende tiltak', 'Report by the police', 'Felles plan frist']) {
      expect(split(title)).toEqual({ title, due: '' });
    }
  });
});

describe('/status', () => {
  const view = (data: Data, filter: StatusFilter, viewer = kari(data), page = 1, pageSize = 50) =>
    statusView(data, { viewer, filter, now, timeZone: TZ, page, pageSize });

  it('groups open points by focus area in number order, overdue first within each', () => {
    const data = demoData();
    point(data, 'op-2017-09').dueDate = '2027-01-15';
    const result = view(data, { kind: 'alle' });
    expect(result.groups.map((g) => g.focusArea?.number)).toEqual([1, 2, 3, 4, 5]);
    const third = result.groups[2]!.points;
    // The overdue point comes first, then by due date, then points without one.
    expect(third.map((p) => [p.point.id, p.overdue])).toEqual([
      ['op-2024-03', true],
      ['op-2017-09', false],
      ['op-2024-02', false],
      ['op-2017-07', false],
      ['op-2017-08', false],
    ]);
  });

  it('counts every open point the viewer may see, whatever the filter and page', () => {
    const data = demoData();
    setFollowUpStatus(data, 'op-2017-01', kari(data), 'fullført', undefined, now, TZ);
    addFollowUpUpdate(data, 'op-2017-02', kari(data), '', 'pågår', now, TZ);
    const overdue = view(data, { kind: 'forfalt' });
    expect(overdue.counts).toEqual({ open: 14, overdue: 1, inProgress: 1 });
    expect(overdue.matched).toBe(1);
    expect(overdue.groups.flatMap((g) => g.points.map((p) => p.point.id))).toEqual(['op-2024-03']);
  });

  it('shows members and observers their own points only, even when they ask for all', () => {
    const data = demoData();
    expect(view(data, { kind: 'alle' }, ola(data)).groups.flatMap((g) => g.points.map((p) => p.point.id))).toEqual(['op-2024-03']);
    expect(view(data, { kind: 'alle' }, memberOf(data, 'marianne-dahl')).counts.open).toBe(0);
    expect(statusView(data, { viewer: undefined, filter: { kind: 'alle' }, now, timeZone: TZ, page: 1, pageSize: 50 }).counts.open).toBe(0);
  });

  it('reads filters: overdue, mine, a focus area by number or word, an owner, a party', () => {
    const data = demoData();
    expect(parseStatusFilter('', data)).toEqual({ kind: 'alle' });
    expect(parseStatusFilter('Forfalt', data)).toEqual({ kind: 'forfalt' });
    expect(parseStatusFilter('mine', data)).toEqual({ kind: 'mine' });
    expect(parseStatusFilter('3', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-3' });
    expect(parseStatusFilter('innsatsområde 4', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-4' });
    expect(parseStatusFilter('hatkriminalitet', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-4' });
    expect(parseStatusFilter('Tor', data)).toEqual({ kind: 'owner', memberId: 'tor-lund' });
    expect(parseStatusFilter('politiet', data)).toEqual({ kind: 'responsible', responsible: 'politiet' });
    expect(parseStatusFilter('blåbærsyltetøy', data)).toBeUndefined();
    expect(parseStatusFilter('9', data)).toBeUndefined();
  });

  it('combines filters, so a point must pass each: the longest name first, small joining words skipped', () => {
    const data = demoData();
    const overdue = { kind: 'forfalt' } as const;
    expect(parseStatusFilter('forfalt politiet', data)).toEqual({ kind: 'all-of', parts: [overdue, { kind: 'responsible', responsible: 'politiet' }] });
    expect(parseStatusFilter('mine og forfalte', data)).toEqual({ kind: 'all-of', parts: [{ kind: 'mine' }, overdue] });
    expect(parseStatusFilter('Ola Hansen forfalt', data)).toEqual({ kind: 'all-of', parts: [{ kind: 'owner', memberId: 'ola-hansen' }, overdue] });
    expect(parseStatusFilter('forfalt i innsatsområde 3', data)).toEqual({ kind: 'all-of', parts: [overdue, { kind: 'focus', focusAreaId: 'io-2017-3' }] });
    expect(parseStatusFilter('alle forfalte', data)).toEqual(overdue);
    expect(parseStatusFilter('forfalte punkter for politiet', data)).toEqual({ kind: 'all-of', parts: [overdue, { kind: 'responsible', responsible: 'politiet' }] });
    expect(parseStatusFilter('Alle oppfølgingspunktene i innsatsområde 3', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-3' });
    expect(parseStatusFilter('overdue police', data)).toEqual({ kind: 'all-of', parts: [overdue, { kind: 'responsible', responsible: 'politiet' }] });
    // One word that matches nothing spoils the whole, as a filter alone does.
    expect(parseStatusFilter('forfalt blåbærsyltetøy', data)).toBeUndefined();
    expect(parseStatusFilter('en to tre fire fem seks sju åtte ni', data)).toBeUndefined();

    const matched = (text: string) => view(data, parseStatusFilter(text, data) as StatusFilter).matched;
    // The one overdue point is the municipality's, in focus area 3, owned by Ola Hansen.
    expect([matched('forfalt'), matched('forfalt kommunen'), matched('forfalt politiet'), matched('3 forfalt'), matched('forfalt 1')]).toEqual([1, 1, 0, 1, 0]);
  });

  it('matches whole words of a title or name before beginnings of words, and says when words fit several', () => {
    const data = demoData();
    const focus = (n: number) => ({ kind: 'focus', focusAreaId: `io-2017-${n}` });
    // "vold" is a word of area 2's title and only the beginning of area 4's "voldelig".
    expect(parseStatusFilter('vold', data)).toEqual(focus(2));
    expect(parseStatusFilter('hat', data)).toEqual(focus(4));
    expect(parseStatusFilter('barn og unge', data)).toEqual(focus(3));
    expect(parseStatusFilter('Hansen', data)).toEqual({ kind: 'owner', memberId: 'ola-hansen' });
    expect(parseStatusFilter('visepolitimester beredskap', data)).toEqual({ kind: 'owner', memberId: 'visepolitimester-3' });
    expect(parseStatusFilter('Visepolitimester (forebygging)', data)).toEqual({ kind: 'owner', memberId: 'visepolitimester-1' });
    // Letters inside a word are no match ("lig" in "voldelig"), nor is a small word ("og" is in most titles).
    expect(parseStatusFilter('lig', data)).toBeUndefined();
    expect(parseStatusFilter('og', data)).toBeUndefined();
    expect(parseStatusFilter('ko', data)).toBeUndefined();
    expect(parseStatusFilter('kriminalitet', data)).toEqual({ kind: 'ambiguous', words: 'kriminalitet', focusAreaIds: ['io-2017-3', 'io-2017-5'], memberIds: [] });
    expect(parseStatusFilter('Visepolitimester', data)).toEqual({
      kind: 'ambiguous',
      words: 'Visepolitimester',
      focusAreaIds: [],
      memberIds: ['visepolitimester-1', 'visepolitimester-2', 'visepolitimester-3'],
    });
    // A word that fits an area and an owner equally well is ambiguous too; in a combination the same.
    expect(parseStatusFilter('sentrum', data)).toMatchObject({ kind: 'ambiguous', focusAreaIds: ['io-2017-1'], memberIds: ['salto-sentrum'] });
    expect(parseStatusFilter('forfalt forebygge', data)).toMatchObject({ kind: 'ambiguous', words: 'forebygge', focusAreaIds: ['io-2017-2', 'io-2017-3', 'io-2017-4'] });
    // A run of a title's words, small ones included, is that title: not the coordinator for Sentrum.
    expect(parseStatusFilter('sentrum for alle', data)).toEqual(focus(1));
    expect(parseStatusFilter('Oslo sentrum for alle forfalt', data)).toEqual({ kind: 'all-of', parts: [focus(1), { kind: 'forfalt' }] });
    // The words fitting several are named as typed, not as folded for matching.
    expect(parseStatusFilter('mine Forebygge', data)).toMatchObject({ kind: 'ambiguous', words: 'Forebygge' });
    expect(parseStatusFilter('forfalt byråd for utdanning', data)).toEqual({ kind: 'all-of', parts: [{ kind: 'forfalt' }, { kind: 'owner', memberId: 'byrad-utd' }] });
  });

  it('takes the latest plan\'s area when a title recurs from one plan to the next', () => {
    const data = demoData();
    data.focusAreas.push({ ...data.focusAreas.find((a) => a.id === 'io-2017-4')!, id: 'io-2027-4', period: '2027' });
    data.followUps.push({ ...data.followUps.find((p) => p.focusAreaId === 'io-2017-4')!, id: 'op-2027-01', focusAreaId: 'io-2027-4' });
    expect(parseStatusFilter('hatkriminalitet', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2027-4' });
  });

  it('pages 500 points without losing or repeating one', () => {
    const data = demoData();
    data.followUps = Array.from({ length: 500 }, (_, i): FollowUp => ({
      id: `op-x-${i}`,
      title: `Punkt ${i}`,
      focusAreaId: `io-2017-${(i % 5) + 1}`,
      responsible: 'begge',
      briefing: false,
      status: 'åpen',
      history: [],
      revision: 0,
      ...(i % 3 === 0 ? { dueDate: '2026-10-01' } : {}),
    }));
    const seen: string[] = [];
    for (let page = 1; page <= 50; page++) {
      const result = view(data, { kind: 'alle' }, kari(data), page, 10);
      expect(result.pages).toBe(50);
      expect(result.counts.open).toBe(500);
      seen.push(...result.groups.flatMap((g) => g.points.map((p) => p.point.id)));
    }
    expect(new Set(seen).size).toBe(500);
    expect(view(data, { kind: 'alle' }, kari(data), 99, 10).page).toBe(50);
  });

  it('follows a meeting that moves when a point is due "by the next meeting"', () => {
    const data = demoData();
    const created = createFollowUp(data, input({ due: { dueMeetingId: 'mote-2026-12' } }), 'kari-nordmann', now, TZ);
    expect(dueDateOf(created, data, TZ)).toBe('2026-12-10');
    updateMeeting(data, 'mote-2026-12', { kind: 'ordinært', date: '2026-12-17', startTime: '09:00', endTime: '11:30', place: 'Oslo rådhus' }, undefined, now, TZ);
    expect(dueDateOf(point(data, created.id), data, TZ)).toBe('2026-12-17');
    // Once that date has passed, the point is overdue.
    expect(view(data, { kind: 'forfalt' }).matched).toBe(1);
    const later = statusView(data, { viewer: kari(data), filter: { kind: 'forfalt' }, now: new Date('2026-12-18T08:00:00Z'), timeZone: TZ, page: 1, pageSize: 50 });
    expect(later.groups.flatMap((g) => g.points.map((p) => p.point.id))).toContain(created.id);
  });
});

describe('changing a point', () => {
  it('lets the owner and the secretariat change it, and no one else', () => {
    const data = demoData();
    expect(setFollowUpStatus(data, 'op-2024-03', ola(data), 'pågår', 0, now, TZ).status).toBe('pågår');
    expect(codeOf(() => setFollowUpStatus(data, 'op-2024-03', tor(data), 'fullført', 1, now, TZ))).toBe(ErrorCode.NotOwner);
    expect(codeOf(() => addFollowUpUpdate(data, 'op-2024-03', tor(data), 'Jeg tar den', undefined, now, TZ))).toBe(ErrorCode.NotOwner);
    expect(setFollowUpStatus(data, 'op-2024-03', kari(data), 'fullført', 1, now, TZ).closedAt).toBe(now.toISOString());
    expect(point(data, 'op-2024-03').history.map((h) => [h.byMemberId, h.status])).toEqual([
      ['kari-nordmann', undefined],
      ['ola-hansen', 'pågår'],
      ['kari-nordmann', 'fullført'],
    ]);
  });

  it('refuses a stale card, and says so plainly when someone else has closed the point', () => {
    const data = demoData();
    addFollowUpUpdate(data, 'op-2024-03', ola(data), 'Møte med bydelene holdt', undefined, now, TZ);
    expect(codeOf(() => setFollowUpStatus(data, 'op-2024-03', kari(data), 'fullført', 0, now, TZ))).toBe(ErrorCode.Stale);
    setFollowUpStatus(data, 'op-2024-03', ola(data), 'fullført', 1, now, TZ);
    expect(codeOf(() => setFollowUpStatus(data, 'op-2024-03', kari(data), 'fullført', 1, now, TZ))).toBe(ErrorCode.AlreadyClosed);
    expect(codeOf(() => postponeFollowUp(data, 'op-2024-03', kari(data), { dueDate: '2027-01-01' }, 2, now, TZ))).toBe(ErrorCode.AlreadyClosed);
    expect(codeOf(() => addFollowUpUpdate(data, 'op-2024-03', kari(data), '', 'åpen', now, TZ))).toBe(ErrorCode.AlreadyClosed);
  });

  it('keeps both of two updates written on the same card at once', () => {
    const data = demoData();
    addFollowUpUpdate(data, 'op-2024-03', ola(data), 'Bydel Alna er med', undefined, now, TZ);
    addFollowUpUpdate(data, 'op-2024-03', kari(data), 'Sak til seminaret', undefined, now, TZ);
    expect(point(data, 'op-2024-03').history.map((h) => h.text).slice(-2)).toEqual(['Bydel Alna er med', 'Sak til seminaret']);
    expect(codeOf(() => addFollowUpUpdate(data, 'op-2024-03', ola(data), '   ', undefined, now, TZ))).toBe(ErrorCode.EmptyTitle);
  });

  it('refuses a new due date in the past and a named responsible without an owner; changes nothing', () => {
    const data = demoData();
    const before = structuredClone(data);
    expect(codeOf(() => postponeFollowUp(data, 'op-2024-03', ola(data), { dueDate: '2026-11-21' }, 0, now, TZ))).toBe(ErrorCode.DueInPast);
    expect(codeOf(() => createFollowUp(data, input({ responsible: 'medlem', ownerMemberId: undefined }), 'kari-nordmann', now, TZ))).toBe(ErrorCode.OwnerNeeded);
    expect(codeOf(() => createFollowUp(data, input({ title: '  ' }), 'kari-nordmann', now, TZ))).toBe(ErrorCode.EmptyTitle);
    expect(codeOf(() => createFollowUp(data, input({ focusAreaId: 'io-1999-1' }), 'kari-nordmann', now, TZ))).toBe(ErrorCode.NotFound);
    expect(data).toEqual(before);
  });

  it('makes a point once for one request, even when "Lagre" comes twice', () => {
    const data = demoData();
    const first = createFollowUp(data, input(), 'kari-nordmann', now, TZ, 'activity-1');
    const again = createFollowUp(data, input(), 'kari-nordmann', now, TZ, 'activity-1');
    expect(again.id).toBe(first.id);
    expect(first.id).toBe('op-2026-01');
    expect(data.followUps.filter((p) => p.title === input().title)).toHaveLength(1);
  });

  it('survives a JSON round trip with its history, dates and source', () => {
    const data = demoData();
    const made = createFollowUp(data, input({ due: { dueMeetingId: 'mote-2027-03' }, source: { meetingId: 'mote-2026-12', itemId: 'mote-2026-12-4' } }), 'kari-nordmann', now, TZ);
    postponeFollowUp(data, made.id, kari(data), { dueDate: '2027-05-01' }, 0, now, TZ);
    const reloaded = DataSchema.parse(JSON.parse(JSON.stringify(data)));
    expect(point(reloaded, made.id)).toEqual(point(data, made.id));
    expect(point(reloaded, made.id).dueMeetingId).toBeUndefined();
  });
});

describe('opening a closed point again', () => {
  it('brings back the status it had before closing, writes it in the history, and is the owner’s or the secretariat’s', () => {
    const data = demoData();
    setFollowUpStatus(data, 'op-2024-03', ola(data), 'pågår', 0, now, TZ);
    setFollowUpStatus(data, 'op-2024-03', ola(data), 'fullført', 1, now, TZ);
    expect(codeOf(() => reopenFollowUp(data, 'op-2024-03', tor(data), 2, now, TZ))).toBe(ErrorCode.NotOwner);
    expect(codeOf(() => reopenFollowUp(data, 'op-2024-03', kari(data), 1, now, TZ))).toBe(ErrorCode.Stale);
    const reopened = reopenFollowUp(data, 'op-2024-03', kari(data), 2, now, TZ);
    expect(reopened).toMatchObject({ status: 'pågår', revision: 3 });
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.history.at(-1)).toEqual({ at: now.toISOString(), byMemberId: 'kari-nordmann', text: '', status: 'pågår' });
    const again = structuredClone(data);
    reopenFollowUp(data, 'op-2024-03', kari(data), 2, now, TZ);
    expect(data).toEqual(again);
  });
});

describe('the secretariat correcting a point', () => {
  const asIs = (p: FollowUp): FollowUpInput => ({ title: p.title, description: p.description, focusAreaId: p.focusAreaId, responsible: p.responsible, ownerMemberId: p.ownerMemberId, briefing: p.briefing });

  it('changes title, owner and focus area, keeps id, source, status and deadline, and writes what changed in the history', () => {
    const data = demoData();
    const before = structuredClone(point(data, 'op-2024-03'));
    const { changed } = editFollowUp(data, 'op-2024-03', { ...asIs(before), title: 'Bydelene gir forebyggingsarbeidet en lik innretning', ownerMemberId: 'tor-lund', focusAreaId: 'io-2017-1' }, kari(data), 0, now, TZ);
    expect(changed).toEqual(['title', 'focusArea', 'owner']);
    const after = point(data, 'op-2024-03');
    expect(after).toMatchObject({ id: 'op-2024-03', title: 'Bydelene gir forebyggingsarbeidet en lik innretning', ownerMemberId: 'tor-lund', focusAreaId: 'io-2017-1', source: before.source, status: 'åpen', dueDate: before.dueDate, revision: 1 });
    expect(after.history.at(-1)).toEqual({ at: now.toISOString(), byMemberId: 'kari-nordmann', text: '', edited: ['title', 'focusArea', 'owner'] });
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data))).followUps.find((p) => p.id === 'op-2024-03')).toEqual(after);
  });

  it('keeps the deadline when none is given, and sets a new one (checked) when it is', () => {
    const data = demoData();
    const p = point(data, 'op-2024-03'); // overdue since 1 November: keeping it is allowed
    expect(editFollowUp(data, p.id, { ...asIs(p), description: 'Se rapporten fra Grorud' }, kari(data), 0, now, TZ).changed).toEqual(['description']);
    expect(point(data, p.id).dueDate).toBe('2026-11-01');
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), due: { dueDate: '2026-11-20' } }, kari(data), 1, now, TZ))).toBe(ErrorCode.DueInPast);
    expect(editFollowUp(data, p.id, { ...asIs(p), due: { dueMeetingId: 'mote-2027-03' } }, kari(data), 1, now, TZ).changed).toEqual(['due']);
    expect(point(data, p.id)).toMatchObject({ dueMeetingId: 'mote-2027-03' });
    expect(point(data, p.id).dueDate).toBeUndefined();
    expect(point(data, p.id).history.at(-1)).toMatchObject({ dueMeetingId: 'mote-2027-03', edited: ['due'] });
  });

  it('takes a description and an owner away when the fields are emptied', () => {
    const data = demoData();
    const p = point(data, 'op-2024-03');
    editFollowUp(data, p.id, { ...asIs(p), description: 'Midlertidig', ownerMemberId: undefined }, kari(data), 0, now, TZ);
    editFollowUp(data, p.id, { ...asIs(point(data, p.id)), description: '   ' }, kari(data), 1, now, TZ);
    expect(point(data, p.id).description).toBeUndefined();
    expect(point(data, p.id).ownerMemberId).toBeUndefined();
  });

  it('renames the briefing item on the coming agenda and gives it the new presenter; turning briefing off takes it away', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    const p = point(data, 'op-2024-02');
    const item = () => data.meetings.find((m) => m.id === 'mote-2026-12')!.agenda.find((i) => i.followUpId === p.id);
    const revision = data.meetings.find((m) => m.id === 'mote-2026-12')!.revision;
    editFollowUp(data, p.id, { ...asIs(p), title: 'Oslostandard for en-til-en-oppfølging', ownerMemberId: 'ola-hansen' }, kari(data), 0, now, TZ);
    expect(item()).toMatchObject({ title: 'Oppfølging: Oslostandard for en-til-en-oppfølging', presenters: ['Ola Hansen'] });
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.revision).toBe(revision + 1);
    editFollowUp(data, p.id, { ...asIs(point(data, p.id)), briefing: false }, kari(data), 1, now, TZ);
    expect(item()).toBeUndefined();
  });

  it('is for the secretariat only, on open points, from a card that is not stale; a refusal changes nothing', () => {
    const data = demoData();
    const p = point(data, 'op-2024-03');
    const before = structuredClone(data);
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), title: 'Min tittel' }, ola(data), 0, now, TZ))).toBe(ErrorCode.NotOwner);
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), responsible: 'medlem', ownerMemberId: undefined }, kari(data), 0, now, TZ))).toBe(ErrorCode.OwnerNeeded);
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), title: ' ' }, kari(data), 0, now, TZ))).toBe(ErrorCode.EmptyTitle);
    expect(codeOf(() => editFollowUp(data, 'op-9999', asIs(p), kari(data), 0, now, TZ))).toBe(ErrorCode.NotFound);
    expect(data).toEqual(before);
    addFollowUpUpdate(data, p.id, ola(data), 'Bydel Alna er med', undefined, now, TZ);
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), title: 'Ny tittel' }, kari(data), 0, now, TZ))).toBe(ErrorCode.Stale);
    setFollowUpStatus(data, p.id, ola(data), 'fullført', 1, now, TZ);
    expect(codeOf(() => editFollowUp(data, p.id, { ...asIs(p), title: 'Ny tittel' }, kari(data), 2, now, TZ))).toBe(ErrorCode.AlreadyClosed);
  });

  it('takes a second click on the same change as done, and writes nothing for no change', () => {
    const data = demoData();
    const p = point(data, 'op-2024-03');
    const wanted = { ...asIs(p), title: 'Ny tittel' };
    editFollowUp(data, p.id, wanted, kari(data), 0, now, TZ);
    const once = structuredClone(data);
    expect(editFollowUp(data, p.id, wanted, kari(data), 0, now, TZ).changed).toEqual([]);
    expect(data).toEqual(once);
    expect(followUpChanges(point(data, p.id), { ...wanted, due: { dueDate: '2026-11-01' } })).toEqual([]);
    expect(followUpChanges(point(data, p.id), { ...wanted, due: { dueDate: '2026-12-01' } })).toEqual(['due']);
    expect(followUpChanges(point(data, p.id), { ...wanted, dropDue: true })).toEqual(['due']);
    expect(followUpChanges({ ...point(data, p.id), dueDate: undefined }, { ...wanted, dropDue: true })).toEqual([]);
  });
});

describe('briefing points on the agenda', () => {
  const itemsOf = (data: Data, meetingId: string) => data.meetings.find((m) => m.id === meetingId)!.agenda;
  const briefings = (data: Data, meetingId: string) => itemsOf(data, meetingId).filter((i) => i.followUpId);

  it('puts a briefing point on the last meeting before its due date, with its owner presenting, before the closing items', () => {
    const data = demoData();
    expect(syncBriefingItems(data, now, TZ).sort()).toEqual(['mote-2026-12', 'seminar-2027']);
    const agenda = itemsOf(data, 'mote-2026-12');
    const index = agenda.findIndex((i) => i.followUpId === 'op-2024-02');
    expect(agenda[index]).toMatchObject({ title: 'Oppfølging: Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging', presenters: ['Tor Lund'] });
    expect(agenda[index + 1]!.id).toBe('mote-2026-12-sit');
    expect(briefings(data, 'seminar-2027').map((i) => i.followUpId)).toEqual(['op-2024-01']);
    // In step now: nothing more to do, and nothing written.
    expect(briefingChanges(data, now, TZ)).toEqual([]);
  });

  it('moves the item with a postponed point, and takes it off when the point is closed', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    const revision = data.meetings.find((m) => m.id === 'mote-2026-12')!.revision;
    postponeFollowUp(data, 'op-2024-02', tor(data), { dueDate: '2027-06-30' }, 0, now, TZ);
    expect(briefings(data, 'mote-2026-12')).toEqual([]);
    expect(briefings(data, 'mote-2027-06').map((i) => i.followUpId)).toEqual(['op-2024-02']);
    expect(data.meetings.find((m) => m.id === 'mote-2026-12')!.revision).toBe(revision + 1);
    setFollowUpStatus(data, 'op-2024-02', tor(data), 'fullført', 1, now, TZ);
    expect(briefings(data, 'mote-2027-06')).toEqual([]);
  });

  it('moves the points due by a cancelled meeting to the next one, with their briefing, and to its day when none follows', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    // op-2024-01 is due by the seminar on 21 October 2027; op-2024-02 by a date, and stays.
    const seminar = data.meetings.find((m) => m.id === 'seminar-2027')!;
    seminar.status = 'avlyst';
    const before = point(data, 'op-2024-02').dueDate;
    const moved = moveDueFromCancelled(data, 'seminar-2027', kari(data), now, TZ);
    expect(moved.points.map((p) => p.id)).toEqual(['op-2024-01']);
    expect(moved.due).toEqual({ dueMeetingId: 'mote-2027-12' });
    expect(point(data, 'op-2024-01')).toMatchObject({ dueMeetingId: 'mote-2027-12', revision: 1 });
    expect(point(data, 'op-2024-01').history.at(-1)).toMatchObject({ byMemberId: 'kari-nordmann', text: '', dueMeetingId: 'mote-2027-12' });
    expect(briefings(data, 'mote-2027-12').map((i) => i.followUpId)).toEqual(['op-2024-01']);
    expect(point(data, 'op-2024-02').dueDate).toBe(before);
    // The last meeting of the plan cancelled: due by the day it was to be held.
    data.meetings.find((m) => m.id === 'mote-2027-12')!.status = 'avlyst';
    expect(moveDueFromCancelled(data, 'mote-2027-12', kari(data), now, TZ).due).toEqual({ dueDate: '2027-12-09' });
    expect(point(data, 'op-2024-01')).toMatchObject({ dueDate: '2027-12-09', revision: 2 });
    expect(point(data, 'op-2024-01').dueMeetingId).toBeUndefined();
    // A closed point keeps what it had.
    const closed = demoData();
    setFollowUpStatus(closed, 'op-2024-01', kari(closed), 'fullført', 0, now, TZ);
    closed.meetings.find((m) => m.id === 'seminar-2027')!.status = 'avlyst';
    expect(moveDueFromCancelled(closed, 'seminar-2027', kari(closed), now, TZ).points).toEqual([]);
    expect(point(closed, 'op-2024-01').dueMeetingId).toBe('seminar-2027');
  });

  it('makes the points a cancellation moved on due by the meeting again when it is held after all, those still due as it left them', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    point(data, 'op-2024-02').dueMeetingId = 'seminar-2027';
    delete point(data, 'op-2024-02').dueDate;
    const seminar = data.meetings.find((m) => m.id === 'seminar-2027')!;
    seminar.status = 'avlyst';
    const moved = moveDueFromCancelled(data, 'seminar-2027', kari(data), now, TZ);
    expect(moved.points.map((p) => p.id)).toEqual(['op-2024-01', 'op-2024-02']);
    // Tor closes his point meanwhile.
    setFollowUpStatus(data, 'op-2024-02', tor(data), 'fullført', point(data, 'op-2024-02').revision, now, TZ);
    seminar.status = 'planlagt';
    const cancellation = { at: now.toISOString(), movedTo: 'mote-2027-12', pointIds: ['op-2024-01', 'op-2024-02'], proposals: [] };
    expect(moveDueBack(data, 'seminar-2027', cancellation, kari(data), now, TZ).map((p) => p.id)).toEqual(['op-2024-01']);
    expect(point(data, 'op-2024-01')).toMatchObject({ dueMeetingId: 'seminar-2027', revision: 2 });
    expect(point(data, 'op-2024-01').history.at(-1)).toMatchObject({ byMemberId: 'kari-nordmann', dueMeetingId: 'seminar-2027' });
    expect(briefings(data, 'seminar-2027').map((i) => i.followUpId)).toEqual(['op-2024-01']);
    expect(briefings(data, 'mote-2027-12')).toEqual([]);
    expect(point(data, 'op-2024-02').dueMeetingId).toBe('mote-2027-12');
    // With no meeting to go on to, the points were due by its day; one given another day since stays.
    const last = demoData();
    last.followUps.push({ ...point(last, 'op-2024-01'), id: 'op-x', dueMeetingId: 'mote-2027-12' });
    point(last, 'op-2024-01').dueMeetingId = 'mote-2027-12';
    last.meetings.find((m) => m.id === 'mote-2027-12')!.status = 'avlyst';
    moveDueFromCancelled(last, 'mote-2027-12', kari(last), now, TZ);
    point(last, 'op-x').dueDate = '2028-01-15';
    last.meetings.find((m) => m.id === 'mote-2027-12')!.status = 'planlagt';
    const back = moveDueBack(last, 'mote-2027-12', { at: now.toISOString(), pointIds: ['op-2024-01', 'op-x'], proposals: [] }, kari(last), now, TZ);
    expect(back.map((p) => p.id)).toEqual(['op-2024-01']);
    expect(point(last, 'op-2024-01').dueMeetingId).toBe('mote-2027-12');
    expect(point(last, 'op-x').dueDate).toBe('2028-01-15');
  });

  it('leaves a meeting that has started alone', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    const during = new Date('2026-12-10T09:00:00Z');
    postponeFollowUp(data, 'op-2024-02', tor(data), { dueDate: '2027-06-30' }, 0, new Date('2026-12-01T08:00:00Z'), TZ);
    const before = structuredClone(itemsOf(data, 'mote-2026-12'));
    syncBriefingItems(data, during, TZ);
    expect(itemsOf(data, 'mote-2026-12')).toEqual(before);
  });

  it('keeps a point made from a confidential item confidential on the agenda', () => {
    const data = demoData();
    const made = createFollowUp(data, input({ briefing: true, due: { dueDate: '2027-03-20' }, source: { meetingId: 'mote-2026-12', itemId: 'mote-2026-12-sit' } }), 'kari-nordmann', now, TZ);
    expect(itemsOf(data, 'mote-2027-03').find((i) => i.followUpId === made.id)?.confidential).toBe(true);
  });
});

describe('reminders to owners', () => {
  const notices = (data: Data, at: string) => dueFollowUpNotices(data, new Date(at), TIMING).map((n) => `${n.kind} ${n.followUpId}`);

  it('tells an owner a week ahead at 09:00 Oslo time, and again the morning after the date has passed', () => {
    const data = demoData();
    data.followUps = [point(data, 'op-2024-03')];
    point(data, 'op-2024-03').dueDate = '2027-01-15';
    expect(notices(data, '2027-01-08T07:59:00Z')).toEqual([]);
    expect(notices(data, '2027-01-08T08:00:00Z')).toEqual(['followup-due op-2024-03']);
    expect(notices(data, '2027-01-15T20:00:00Z')).toEqual(['followup-due op-2024-03']);
    expect(notices(data, '2027-01-16T08:00:00Z')).toEqual(['followup-overdue op-2024-03']);
  });

  it('reminds the owner of a briefing a week before the meeting', () => {
    const data = demoData();
    data.followUps = [point(data, 'op-2024-02')];
    syncBriefingItems(data, now, TZ);
    expect(notices(data, '2026-12-03T07:59:00Z')).toEqual([]);
    expect(notices(data, '2026-12-03T08:00:00Z')).toEqual(['followup-briefing op-2024-02']);
  });

  it('queues each reminder once per window, never again after a restart, and anew for a new date', () => {
    const data = withChats(demoData());
    const queued = queueFollowUpNotices(data, now, TIMING);
    expect(queued.map((d) => [d.kind, d.followUpId, d.conversationId])).toEqual([['followup-overdue', 'op-2024-03', 'a:ola']]);
    expect(queueFollowUpNotices(data, now, TIMING)).toEqual([]);
    const restarted = DataSchema.parse(JSON.parse(JSON.stringify(data)));
    expect(queueFollowUpNotices(restarted, new Date('2026-11-23T08:00:00Z'), TIMING)).toEqual([]);
    postponeFollowUp(restarted, 'op-2024-03', ola(restarted), { dueDate: '2026-11-25' }, 0, now, TZ);
    expect(queueFollowUpNotices(restarted, now, TIMING).map((d) => d.kind)).toEqual(['followup-due']);
  });

  it('sends nothing to owners the bot cannot reach, or for points without an owner', () => {
    const data = demoData();
    expect(queueFollowUpNotices(data, now, TIMING)).toEqual([]);
  });
});

describe('the summary before a meeting', () => {
  it('lists what closed since the last meeting, what is overdue and what will be briefed', () => {
    const data = demoData();
    syncBriefingItems(data, now, TZ);
    setFollowUpStatus(data, 'op-2017-12', kari(data), 'avlyst', undefined, now, TZ);
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    const summary = followUpSummary(data, meeting, now, TZ);
    expect(summary.closed.map((p) => p.id)).toEqual(['op-2017-12']);
    expect(summary.overdue.map((p) => p.id)).toEqual(['op-2024-03']);
    expect(summary.briefed.map((p) => p.id)).toEqual(['op-2024-02']);
  });
});

describe('importing the seed’s points', () => {
  it('adds the points and focus areas that are missing, and nothing the second time', () => {
    const seed = demoData();
    const data = demoData();
    data.followUps = data.followUps.slice(0, 2);
    data.focusAreas = data.focusAreas.slice(0, 1);
    expect(importFollowUps(data, seed, now, TZ)).toHaveLength(13);
    expect(data.focusAreas).toHaveLength(5);
    expect(importFollowUps(data, seed, now, TZ)).toEqual([]);
  });
});
