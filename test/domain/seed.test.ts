import { describe, expect, it } from 'vitest';
import { dataFromSeed } from '../../src/domain/seed.js';
import { demoData, demoSeed } from '../helpers/builders.js';

describe('the demo seed', () => {
  it('is a valid seed built from the source documents', () => {
    const data = demoData();
    expect(data.council.name).toBe('Politirådet i Oslo');
    expect(data.focusAreas.map((f) => f.title)).toEqual([
      'Oslo sentrum for alle',
      'Forebygge og avdekke vold og seksuelle overgrep',
      'Forebygge kriminalitet blant barn og unge',
      'Forebygge hatkriminalitet og voldelig ekstremisme',
      'Bekjempe og redusere økonomisk kriminalitet og korrupsjon',
    ]);
    // Twelve points from the 2017 collaboration document, three from the October 2024 minutes.
    expect(data.followUps.filter((p) => p.id.startsWith('op-2017-')).length).toBe(12);
    expect(data.followUps.filter((p) => p.id.startsWith('op-2024-')).length).toBe(3);
    expect(data.followUps.filter((p) => p.briefing).length).toBeGreaterThanOrEqual(4);
    expect(data.saltoFocusAreas.map((f) => f.title)).toContain('Kriminalitetsforebygging på nett');
  });

  it('lists the 17 SaLTo reporting units: 15 bydeler, Sentrum and Utdanningsetaten', () => {
    const units = demoData().reportingUnits;
    expect(units).toHaveLength(17);
    expect(units.filter((u) => u.kind === 'bydel')).toHaveLength(15);
    expect(units.map((u) => u.name)).toEqual(expect.arrayContaining(['Bydel Grünerløkka', 'Bydel Søndre Nordstrand', 'Bydel St. Hanshaugen']));
  });

  it('has every role of the council, and a coordinator with a unit', () => {
    const roles = new Set(demoData().members.flatMap((m) => m.roles));
    expect([...roles].sort()).toEqual(['admin', 'leder', 'medlem', 'nestleder', 'observator', 'salto-koordinator', 'sekretariat']);
  });

  it('plans the coming year: four ordinary meetings and a seminar in 2027', () => {
    const in2027 = demoData().meetings.filter((m) => m.start.startsWith('2027'));
    expect(in2027.filter((m) => m.kind === 'ordinært')).toHaveLength(4);
    expect(in2027.filter((m) => m.kind === 'seminar')).toHaveLength(1);
  });

  it('refuses a seed with a duplicate id, naming it', () => {
    const seed = demoSeed() as { members: { id: string }[] };
    seed.members[1]!.id = seed.members[0]!.id;
    const result = dataFromSeed(seed);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toMatch(/"kari-nordmann" is used twice/);
  });

  it('refuses a follow-up point in an unknown focus area', () => {
    const seed = demoSeed() as { followUps: { focusAreaId: string }[] };
    seed.followUps[0]!.focusAreaId = 'io-1999-9';
    const result = dataFromSeed(seed);
    expect(!result.ok && result.problems.join()).toMatch(/unknown focus area "io-1999-9"/);
  });

  it('refuses a SaLTo coordinator without a unit', () => {
    const seed = demoSeed() as { members: { id: string; unitIds: string[] }[] };
    seed.members.find((m) => m.id === 'aisha-rahman')!.unitIds = [];
    expect(dataFromSeed(seed).ok).toBe(false);
  });

  it('refuses a seed of another version', () => {
    expect(dataFromSeed({ ...demoSeed(), seedVersion: 2 }).ok).toBe(false);
  });
});
