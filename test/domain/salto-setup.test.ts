import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { formQuestions, readFormInput } from '../../src/domain/salto-form.js';
import { answerReport, currentSaltoFocusAreas, openRound, startReport } from '../../src/domain/salto-rounds.js';
import { areasKey, normalisePeriod, saveFocusAreas, saveUnit, type UnitInput } from '../../src/domain/salto-setup.js';
import { DataSchema, type Data } from '../../src/domain/schema.js';
import { codeOf, demoData, memberOf, NOW, withChats } from '../helpers/builders.js';

const now = new Date(NOW);
const TZ = 'Europe/Oslo';

const grorud = (data: Data, change: Partial<UnitInput> = {}): UnitInput => ({
  unitId: 'bydel-grorud',
  revision: 0,
  name: 'Bydel Grorud',
  kind: 'bydel',
  coordinatorIds: ['aisha-rahman'],
  retired: false,
  ...change,
});

describe('reporting units', () => {
  it('adds a unit with an id from its name; the next round asks it for a report', () => {
    const data = demoData();
    const saved = saveUnit(data, { name: '  Bydel   Østensjø Nord ', kind: 'bydel', coordinatorIds: ['aisha-rahman'], retired: false }, now, TZ);
    expect(saved.unit).toMatchObject({ id: 'bydel-ostensjo-nord', name: 'Bydel Østensjø Nord', kind: 'bydel', retired: false });
    expect(memberOf(data, 'aisha-rahman').unitIds).toEqual(['bydel-grorud', 'bydel-ostensjo-nord']);
    expect(openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ).round.unitIds).toContain('bydel-ostensjo-nord');
  });

  it('renames a unit and counts its revision; a form made before that change is stale and changes nothing', () => {
    const data = demoData();
    saveUnit(data, grorud(data, { name: 'Bydel Grorud og Romsås' }), now, TZ);
    expect(data.reportingUnits.find((u) => u.id === 'bydel-grorud')).toMatchObject({ name: 'Bydel Grorud og Romsås', revision: 1 });
    const before = JSON.stringify(data);
    expect(codeOf(() => saveUnit(data, grorud(data, { name: 'Grorud' }), now, TZ))).toBe(ErrorCode.Stale);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('refuses an empty or taken name, an unknown kind or member, and a bad email, changing nothing', () => {
    const data = demoData();
    const before = JSON.stringify(data);
    expect(codeOf(() => saveUnit(data, grorud(data, { name: '   ' }), now, TZ))).toBe(ErrorCode.EmptyTitle);
    expect(codeOf(() => saveUnit(data, grorud(data, { name: 'bydel alna' }), now, TZ))).toBe(ErrorCode.NameTaken);
    expect(codeOf(() => saveUnit(data, grorud(data, { name: 'x'.repeat(121) }), now, TZ))).toBe(ErrorCode.TextTooLong);
    expect(codeOf(() => saveUnit(data, grorud(data, { kind: 'fylke' }), now, TZ))).toBe(ErrorCode.InvalidInput);
    expect(codeOf(() => saveUnit(data, grorud(data, { coordinatorIds: ['nobody'] }), now, TZ))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => saveUnit(data, grorud(data, { newCoordinator: { name: 'Per', email: 'per@' } }), now, TZ))).toBe(ErrorCode.InvalidEmail);
    expect(codeOf(() => saveUnit(data, grorud(data, { newCoordinator: { name: 'Per', email: '' } }), now, TZ))).toBe(ErrorCode.InvalidEmail);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('adds a new coordinator by name and email, as a member matched when they first write', () => {
    const data = demoData();
    const saved = saveUnit(data, grorud(data, { newCoordinator: { name: 'Per Ås', email: 'per.as@oslo-kommune.example' } }), now, TZ);
    expect(saved.added.map((m) => m.id)).toEqual(['per-as']);
    expect(memberOf(data, 'per-as')).toMatchObject({ name: 'Per Ås', email: 'per.as@oslo-kommune.example', roles: ['salto-koordinator'], unitIds: ['bydel-grorud'] });
    // The same email again is the same member, not a second one.
    saveUnit(data, grorud(data, { revision: 1, coordinatorIds: [], newCoordinator: { name: 'P. Ås', email: 'PER.AS@oslo-kommune.example' } }), now, TZ);
    expect(data.members.filter((m) => m.email?.toLowerCase() === 'per.as@oslo-kommune.example')).toHaveLength(1);
    expect(memberOf(data, 'aisha-rahman')).toMatchObject({ roles: [], unitIds: [] });
  });

  it('makes a council member a coordinator too, keeping their other roles, and takes it away again', () => {
    const data = demoData();
    saveUnit(data, grorud(data, { coordinatorIds: ['aisha-rahman', 'ola-hansen'] }), now, TZ);
    expect(memberOf(data, 'ola-hansen').roles).toEqual(['medlem', 'salto-koordinator']);
    saveUnit(data, grorud(data, { revision: 1, coordinatorIds: ['aisha-rahman'] }), now, TZ);
    expect(memberOf(data, 'ola-hansen')).toMatchObject({ roles: ['medlem'], unitIds: [] });
  });

  it('invites a coordinator added while a round is open, if the bot can reach them', () => {
    const data = withChats(demoData());
    openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    const saved = saveUnit(data, grorud(data, { coordinatorIds: ['aisha-rahman', 'ola-hansen'] }), now, TZ);
    expect(saved.invited.map((d) => [d.kind, d.memberId])).toEqual([['salto-invite', 'ola-hansen']]);
  });

  it('a retired unit is left out of new rounds but kept in the round it was in', () => {
    const data = demoData();
    const { round } = openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    saveUnit(data, grorud(data, { retired: true }), now, TZ);
    expect(round.unitIds).toContain('bydel-grorud');
    expect(openRound(data, 'mote-2027-06', undefined, 'kari-nordmann', now, TZ).round.unitIds).not.toContain('bydel-grorud');
  });

  it("passes a draft to the unit's new coordinator when its author no longer reports for the unit", () => {
    const data = withChats(demoData());
    const { round } = openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    const report = startReport(data, round.id, 'bydel-grorud', memberOf(data, 'aisha-rahman'), now, TZ);
    answerReport(data, report.id, memberOf(data, 'aisha-rahman'), readFormInput('1'), undefined, now, TZ);
    // While Aisha reports for Grorud, her draft is hers alone.
    saveUnit(data, grorud(data, { coordinatorIds: ['aisha-rahman', 'ola-hansen'] }), now, TZ);
    expect(codeOf(() => startReport(data, round.id, 'bydel-grorud', memberOf(data, 'ola-hansen'), now, TZ))).toBe(ErrorCode.ColleaguesDraft);
    saveUnit(data, grorud(data, { revision: 1, coordinatorIds: ['ola-hansen'] }), now, TZ);
    const taken = startReport(data, round.id, 'bydel-grorud', memberOf(data, 'ola-hansen'), now, TZ);
    expect(taken).toMatchObject({ authorMemberId: 'ola-hansen', answers: { [formQuestions(round)[0]!.key]: 'på sporet' } });
    expect(data.formSessions.map((s) => s.memberId)).toEqual(['ola-hansen']);
    expect(codeOf(() => answerReport(data, report.id, memberOf(data, 'aisha-rahman'), readFormInput('x'), undefined, now, TZ))).toBe(ErrorCode.NotYourUnit);
  });

  it('survives the JSON round trip, and older data without the new fields still loads', () => {
    const data = demoData();
    saveUnit(data, grorud(data, { retired: true }), now, TZ);
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
    const old = JSON.parse(JSON.stringify(data)) as { reportingUnits: Record<string, unknown>[] };
    for (const unit of old.reportingUnits) {
      delete unit['retired'];
      delete unit['revision'];
    }
    expect(DataSchema.parse(old).reportingUnits[0]).toMatchObject({ retired: false, revision: 0 });
  });
});

describe('focus areas per programme period', () => {
  const titles = (data: Data) => currentSaltoFocusAreas(data).map((a) => `${a.number}. ${a.title}`);

  it('reads a period as a year or a span of years', () => {
    expect(normalisePeriod('2026-2029')).toBe('2026–2029');
    expect(normalisePeriod(' 2026 — 2029 ')).toBe('2026–2029');
    expect(normalisePeriod('2027')).toBe('2027');
    expect(normalisePeriod('2029-2026')).toBeUndefined();
    expect(normalisePeriod('neste periode')).toBeUndefined();
  });

  it('renames and adds areas in the current period, keeping their ids', () => {
    const data = demoData();
    const key = areasKey(data);
    saveFocusAreas(data, { period: '2023–2025', titles: ['Felles innsats i utsatte områder', 'Rus', 'Vold blant jevnaldrende', 'Kriminalitetsforebygging på nett', 'Gjengkriminalitet'], key });
    expect(titles(data)).toEqual(['1. Felles innsats i utsatte områder', '2. Rus', '3. Vold blant jevnaldrende', '4. Kriminalitetsforebygging på nett', '5. Gjengkriminalitet']);
    expect(currentSaltoFocusAreas(data).map((a) => a.id)).toEqual(['salto-2023-1', 'salto-2023-2', 'salto-2023-3', 'salto-2023-4', 'salto-2023-2025-5']);
    // The same form again is stale: the areas changed since it was made.
    expect(codeOf(() => saveFocusAreas(data, { period: '2023–2025', titles: ['A'], key }))).toBe(ErrorCode.Stale);
  });

  it('starts a new period, used by the next round while an open round keeps its areas', () => {
    const data = demoData();
    const { round } = openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    const saved = saveFocusAreas(data, { period: '2026-2029', titles: ['Trygge oppvekstmiljøer', '', 'Rus og kriminalitet'], key: areasKey(data) });
    expect(saved).toMatchObject({ period: '2026–2029', newPeriod: true });
    expect(titles(data)).toEqual(['1. Trygge oppvekstmiljøer', '2. Rus og kriminalitet']);
    expect(round.focusAreaIds).toEqual(['salto-2023-1', 'salto-2023-2', 'salto-2023-3', 'salto-2023-4']);
    expect(data.saltoFocusAreas).toHaveLength(6);
    expect(openRound(data, 'mote-2027-06', undefined, 'kari-nordmann', now, TZ).round.focusAreaIds).toEqual(['salto-2026-2029-1', 'salto-2026-2029-2']);
  });

  it('refuses removing an area a round asks about, an older period, a bad period, none or duplicate titles, changing nothing', () => {
    const data = demoData();
    openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, TZ);
    const before = JSON.stringify(data);
    const save = (period: string, list: string[]) => codeOf(() => saveFocusAreas(data, { period, titles: list }));
    expect(save('2023–2025', ['A', 'B', 'C'])).toBe(ErrorCode.AreaInUse);
    expect(save('2019–2022', ['A'])).toBe(ErrorCode.OlderPeriod);
    expect(save('snart', ['A'])).toBe(ErrorCode.InvalidPeriod);
    expect(save('2026–2029', ['', ' '])).toBe(ErrorCode.EmptyTitle);
    expect(save('2026–2029', ['Rus', 'rus'])).toBe(ErrorCode.NameTaken);
    expect(save('2026–2029', ['x'.repeat(201)])).toBe(ErrorCode.TextTooLong);
    expect(save('2026–2029', Array.from({ length: 9 }, (_, i) => `Område ${i}`))).toBe(ErrorCode.InvalidInput);
    expect(JSON.stringify(data)).toBe(before);
  });

  it('removes an area no round has asked about', () => {
    const data = demoData();
    saveFocusAreas(data, { period: '2023–2025', titles: ['A', 'B', 'C'] });
    expect(titles(data)).toEqual(['1. A', '2. B', '3. C']);
  });
});
