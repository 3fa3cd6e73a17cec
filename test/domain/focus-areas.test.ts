import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { areasKeyOf, currentAreas, saveAreas } from '../../src/domain/focus-areas.js';
import { parseStatusFilter } from '../../src/domain/follow-up-status.js';
import { createFollowUp, currentFocusAreas } from '../../src/domain/follow-ups.js';
import { DataSchema } from '../../src/domain/schema.js';
import { focusAreaHeading } from '../../src/i18n/points.js';
import { codeOf, demoData, NOW } from '../helpers/builders.js';

const now = new Date(NOW);
const TZ = 'Europe/Oslo';
const titles2017 = (data: ReturnType<typeof demoData>) => currentAreas(data, 'council').map((a) => a.title);

describe('the council’s focus areas', () => {
  it('renames and adds areas of the current year, keeping the ids points are filed under', () => {
    const data = demoData();
    const key = areasKeyOf(data, 'council');
    const saved = saveAreas(data, 'council', { period: '2017', titles: [...titles2017(data).slice(0, 4), 'Bekjempe økonomisk kriminalitet', 'Trygghet på nett'], key });
    expect(saved).toMatchObject({ period: '2017', newPeriod: false });
    expect(saved.areas.map((a) => a.id)).toEqual(['io-2017-1', 'io-2017-2', 'io-2017-3', 'io-2017-4', 'io-2017-5', 'io-2017-6']);
    expect(data.focusAreas.find((a) => a.id === 'io-2017-5')?.title).toBe('Bekjempe økonomisk kriminalitet');
    expect(data.saltoFocusAreas).toEqual(demoData().saltoFocusAreas);
    expect(DataSchema.parse(JSON.parse(JSON.stringify(data))).focusAreas).toEqual(data.focusAreas);
  });

  it('starts a new year with its own areas; points keep theirs, new points get the new ones, and headings say which year', () => {
    const data = demoData();
    const saved = saveAreas(data, 'council', { period: '2027', titles: ['Trygge byrom', '', 'Barn og unge'], key: areasKeyOf(data, 'council') });
    expect(saved).toMatchObject({ period: '2027', newPeriod: true });
    expect(currentFocusAreas(data).map((a) => [a.id, a.number, a.title])).toEqual([
      ['io-2027-1', 1, 'Trygge byrom'],
      ['io-2027-2', 2, 'Barn og unge'],
    ]);
    expect(data.focusAreas.filter((a) => a.period === '2017')).toHaveLength(5);
    expect(data.followUps.find((p) => p.id === 'op-2024-03')?.focusAreaId).toBe('io-2017-3');
    const made = createFollowUp(data, { title: 'Trygghetsvandring', focusAreaId: 'io-2027-1', responsible: 'begge', briefing: false }, 'kari-nordmann', now, TZ);
    expect(made.focusAreaId).toBe('io-2027-1');
    const area = (id: string) => data.focusAreas.find((a) => a.id === id);
    expect(focusAreaHeading(area('io-2027-1'), data, 'nb')).toBe('Innsatsområde 1: Trygge byrom');
    expect(focusAreaHeading(area('io-2017-3'), data, 'nb')).toBe('Innsatsområde 3 (2017): Forebygge kriminalitet blant barn og unge');
    expect(focusAreaHeading(area('io-2017-3'), demoData(), 'nb')).toBe('Innsatsområde 3: Forebygge kriminalitet blant barn og unge');
    // A number is the current year's area once it has points; with the year, that year's.
    createFollowUp(data, { title: 'Ungdomsråd', focusAreaId: 'io-2027-2', responsible: 'kommunen', briefing: false }, 'kari-nordmann', now, TZ);
    expect(parseStatusFilter('2', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2027-2' });
    expect(parseStatusFilter('2 2017', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-2' });
    expect(parseStatusFilter('innsatsområde 2 (2017)', data)).toEqual({ kind: 'focus', focusAreaId: 'io-2017-2' });
  });

  it('refuses to remove an area points are filed under, an earlier year, and a form made before another change; changes nothing', () => {
    const data = demoData();
    const before = structuredClone(data);
    const key = areasKeyOf(data, 'council');
    const error = (() => {
      try {
        saveAreas(data, 'council', { period: '2017', titles: titles2017(data).slice(0, 4), key });
      } catch (e) {
        return e as { code: string; details: Record<string, unknown> };
      }
      return undefined;
    })();
    expect(error).toMatchObject({ code: ErrorCode.AreaInUse, details: { number: 5, points: data.followUps.filter((p) => p.focusAreaId === 'io-2017-5').length } });
    expect(codeOf(() => saveAreas(data, 'council', { period: '2016', titles: ['A'] }))).toBe(ErrorCode.OlderPeriod);
    expect(codeOf(() => saveAreas(data, 'council', { period: 'neste år', titles: ['A'] }))).toBe(ErrorCode.InvalidPeriod);
    expect(codeOf(() => saveAreas(data, 'council', { period: '2017', titles: ['A', 'a'] }))).toBe(ErrorCode.NameTaken);
    expect(data).toEqual(before);
    saveAreas(data, 'council', { period: '2017', titles: [...titles2017(data), 'Nytt område'], key });
    expect(codeOf(() => saveAreas(data, 'council', { period: '2017', titles: titles2017(data), key }))).toBe(ErrorCode.Stale);
  });

  it('removes an area nothing is filed under', () => {
    const data = demoData();
    saveAreas(data, 'council', { period: '2017', titles: [...titles2017(data), 'Midlertidig'] });
    saveAreas(data, 'council', { period: '2017', titles: titles2017(data).slice(0, 5) });
    expect(data.focusAreas.map((a) => a.id)).toEqual(['io-2017-1', 'io-2017-2', 'io-2017-3', 'io-2017-4', 'io-2017-5']);
  });
});
