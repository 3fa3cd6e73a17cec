import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { editorCard } from '../../src/bot/meetings/views.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { areasKey } from '../../src/domain/salto-setup.js';
import { openRound } from '../../src/domain/salto-rounds.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, COORDINATOR_ID, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, TIMING, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const coordinator = memberOf(data, COORDINATOR_ID);
const cardOf = (reply: unknown) => (reply as { card: unknown }).card;

const grorud = (change: Record<string, unknown> = {}) => ({
  verb: Verb.UnitSave,
  unitId: 'bydel-grorud',
  revision: 0,
  name: 'Bydel Grorud',
  kind: 'bydel',
  coordinatorIds: 'aisha-rahman',
  newName: '',
  newEmail: '',
  retired: 'false',
  ...change,
});

describe('/salto', () => {
  it('shows the secretary the focus areas and every unit with its coordinators, units without one marked', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/salto', member: secretary });
    await handleText(turn, deps);
    const card = cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Innsatsområder 2023–2025');
    expect(text).toContain('4. Kriminalitetsforebygging på nett');
    expect(text).toContain('Rapporterende enheter (17)');
    expect(text).toMatch(/Bydel Grorud\nBydel · Aisha Rahman/);
    expect(text).toMatch(/Bydel Alna\nBydel · Ingen koordinator/);
    expect(text).toMatch(/Endre innsatsområder[\s\S]*Ny enhet/);
  });

  it('refuses everyone but the secretariat, for the command and every button', async () => {
    const { deps, store } = harness();
    for (const who of [member, coordinator, undefined]) {
      const turn = fakeTurn({ text: '/salto', member: who });
      await handleText(turn, deps);
      expect(turn.texts()[0]).toMatch(/^Beklager, dette kan bare/);
      for (const action of [{ verb: Verb.UnitForm }, grorud({ name: 'Kapret' }), { verb: Verb.AreasSave, formKey: areasKey(data), period: '2030', area1: 'X' }, { verb: Verb.RoundForm, meetingId: 'mote-2027-03' }]) {
        const click = fakeTurn({ member: who, data: action });
        await handleAction(click, deps);
        expect(click.texts()[0]).toMatch(/^Beklager, dette kan bare/);
      }
    }
    expect(store.writes()).toBe(0);
  });
});

describe('changing a unit', () => {
  it('opens the form filled in, saves a new coordinator by email, and shows the overview with what was saved', async () => {
    const h = harness(withChats(demoData()));
    const form = fakeTurn({ member: secretary, data: { verb: Verb.UnitForm, unitId: 'bydel-grorud' } });
    await handleAction(form, h.deps);
    expect(cardProblems(form.responses[0])).toEqual([]);
    expect(JSON.stringify(form.responses[0])).toContain('"value":"aisha-rahman"');
    expect(cardText(form.responses[0])).toContain('Endre Bydel Grorud');

    const save = fakeTurn({ member: secretary, data: grorud({ coordinatorIds: 'aisha-rahman,ola-hansen', newName: 'Per Ås', newEmail: 'per.as@oslo-kommune.example' }) });
    await handleAction(save, h.deps);
    const text = cardText(save.responses[0]);
    expect(text).toContain('Bydel Grorud er lagret. Nye koordinatorer for enheten: Ola Hansen, Per Ås.');
    expect(text).toMatch(/Bydel Grorud\nBydel · Aisha Rahman, Ola Hansen, Per Ås/);
    expect(memberOf(h.store.read(), 'per-as')).toMatchObject({ roles: ['salto-koordinator'], unitIds: ['bydel-grorud'], email: 'per.as@oslo-kommune.example' });
  });

  it('invites a coordinator added while a round is open and wakes the notifier', async () => {
    const h = harness(withChats(demoData()));
    await h.store.update((d) => openRound(d, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo'));
    const save = fakeTurn({ member: secretary, data: grorud({ coordinatorIds: 'aisha-rahman,ola-hansen' }) });
    await handleAction(save, h.deps);
    expect(cardText(save.responses[0])).toContain('1 fikk invitasjon til den åpne rapportrunden.');
    expect(h.store.read().deliveries.filter((d) => d.kind === 'salto-invite').map((d) => d.memberId)).toEqual(['aisha-rahman', 'ola-hansen']);
    expect(h.kicks()).toBe(1);
  });

  it('adds a new unit from an empty form', async () => {
    const h = harness();
    const form = fakeTurn({ member: secretary, data: { verb: Verb.UnitForm } });
    await handleAction(form, h.deps);
    expect(cardText(form.responses[0])).toContain('Ny rapporterende enhet');
    const save = fakeTurn({ member: secretary, data: { verb: Verb.UnitSave, name: 'Oslo Met', kind: 'etat', coordinatorIds: '' } });
    await handleAction(save, h.deps);
    expect(cardText(save.responses[0])).toContain('Oslo Met er lagt til og blir med i neste rapportrunde.');
    expect(h.store.read().reportingUnits.at(-1)).toMatchObject({ id: 'oslo-met', name: 'Oslo Met', kind: 'etat', retired: false });
  });

  it('brings the form back with everything typed on a bad email or a taken name, and saves nothing', async () => {
    const h = harness();
    const bad = fakeTurn({ member: secretary, data: grorud({ name: 'Bydel Grorud og Romsås', newName: 'Per Ås', newEmail: 'per.as' }) });
    await handleAction(bad, h.deps);
    const json = JSON.stringify(bad.responses[0]);
    expect(cardText(bad.responses[0])).toContain('Skriv en hel e-postadresse for den nye koordinatoren');
    expect(json).toContain('"value":"Bydel Grorud og Romsås"');
    expect(json).toContain('"value":"per.as"');
    const taken = fakeTurn({ member: secretary, data: grorud({ name: 'Bydel Alna' }) });
    await handleAction(taken, h.deps);
    expect(cardText(taken.responses[0])).toContain('«Bydel Alna» finnes allerede. Velg et annet navn.');
    expect(h.store.writes()).toBe(0);
  });

  it('states the limit for an over-long name and leaves the card as it is', async () => {
    const h = harness();
    const turn = fakeTurn({ member: secretary, data: grorud({ name: 'x'.repeat(121) }) });
    await handleAction(turn, h.deps);
    expect(turn.texts()[0]).toContain('120');
    expect(turn.responses).toEqual([]);
    expect(h.store.writes()).toBe(0);
  });

  it("keeps a stale form's input and saves it only when sent again, over the other change", async () => {
    const h = harness();
    await handleAction(fakeTurn({ member: secretary, data: grorud({ name: 'Bydel Grorud (ny)' }) }), h.deps);
    const late = fakeTurn({ member: secretary, data: grorud({ name: 'Grorud bydel' }) });
    await handleAction(late, h.deps);
    expect(cardText(late.responses[0])).toContain('Enheten er endret av noen andre siden skjemaet ble vist.');
    expect(JSON.stringify(late.responses[0])).toContain('"value":"Grorud bydel"');
    expect(h.store.read().reportingUnits.find((u) => u.id === 'bydel-grorud')!.name).toBe('Bydel Grorud (ny)');
    await handleAction(fakeTurn({ member: secretary, data: grorud({ name: 'Grorud bydel', revision: 1 }) }), h.deps);
    expect(h.store.read().reportingUnits.find((u) => u.id === 'bydel-grorud')!.name).toBe('Grorud bydel');
  });

  it('refuses a forged unit id or member id', async () => {
    const h = harness();
    for (const forged of [grorud({ unitId: 'bydel-atlantis' }), grorud({ coordinatorIds: 'aisha-rahman,mallory' })]) {
      const turn = fakeTurn({ member: secretary, data: forged });
      await handleAction(turn, h.deps);
      expect(cardText(turn.responses[0]) + turn.texts().join('')).toContain('Jeg finner ikke det du viser til');
    }
    expect(h.store.writes()).toBe(0);
  });
});

describe('changing the focus areas', () => {
  const areas = (change: Record<string, unknown> = {}) => ({
    verb: Verb.AreasSave,
    formKey: areasKey(data),
    period: '2023–2025',
    area1: 'Felles innsats i utsatte områder',
    area2: 'Utfordringer knyttet til rus',
    area3: 'Vold blant jevnaldrende',
    area4: 'Kriminalitetsforebygging på nett',
    ...change,
  });

  it('shows the current period in the form and starts a new one', async () => {
    const h = harness();
    const form = fakeTurn({ member: secretary, data: { verb: Verb.AreasForm } });
    await handleAction(form, h.deps);
    expect(cardProblems(form.responses[0])).toEqual([]);
    expect(JSON.stringify(form.responses[0])).toContain('"value":"Utfordringer knyttet til rus"');
    const save = fakeTurn({ member: secretary, data: areas({ period: '2026-2029', area1: 'Trygge oppvekstmiljøer', area2: 'Rus', area3: '', area4: '' }) });
    await handleAction(save, h.deps);
    const text = cardText(save.responses[0]);
    expect(text).toContain('Perioden 2026–2029 er startet.');
    expect(text).toMatch(/Innsatsområder 2026–2029\n1\. Trygge oppvekstmiljøer\n2\. Rus/);
  });

  it('refuses removing an area an open round asks about, with the form kept as typed', async () => {
    const h = harness();
    await h.store.update((d) => openRound(d, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo'));
    const writes = h.store.writes();
    const turn = fakeTurn({ member: secretary, data: areas({ area4: '', area2: 'Rus' }) });
    await handleAction(turn, h.deps);
    expect(cardText(turn.responses[0])).toContain('Innsatsområde 4 brukes i rapportrunden til møtet');
    expect(JSON.stringify(turn.responses[0])).toContain('"value":"Rus"');
    expect(h.store.writes()).toBe(writes);
  });

  it('says how a period is written', async () => {
    const h = harness();
    const turn = fakeTurn({ member: secretary, data: areas({ period: 'neste år' }) });
    await handleAction(turn, h.deps);
    expect(cardText(turn.responses[0])).toContain('Skriv perioden som et årstall eller to, for eksempel 2026–2029.');
    expect(h.store.writes()).toBe(0);
  });
});

describe("the SaLTo item's button in the agenda editor", () => {
  it('is on the SaLTo item only', () => {
    const meeting = data.meetings.find((m) => m.id === 'mote-2027-03')!;
    const card = editorCard(data, meeting, 'nb', 'Europe/Oslo', TIMING, new Date(NOW));
    const json = JSON.stringify(card);
    expect(json.match(/"verb":"rapportrunde\.skjema"/g)).toHaveLength(2); // the button and its data
    expect(json).toContain('"meetingId":"mote-2027-03"');
  });

  it('opens the round form with that meeting chosen, and the round once it is open', async () => {
    const h = harness(withChats(demoData()));
    const first = fakeTurn({ member: secretary, data: { verb: Verb.RoundForm, meetingId: 'mote-2027-06' } });
    await handleAction(first, h.deps);
    const form = JSON.stringify(first.responses[0]);
    expect(form).toContain('"id":"meetingId","label":"Møte","style":"compact","value":"mote-2027-06"');
    expect(form).toContain('"value":"2027-05-27"');
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.RoundOpen, meetingId: 'mote-2027-06', deadline: '2027-05-27' } }), h.deps);
    const again = fakeTurn({ member: secretary, data: { verb: Verb.RoundForm, meetingId: 'mote-2027-06' } });
    await handleAction(again, h.deps);
    expect(cardText(again.responses[0])).toContain('SaLTo-rapportering til møtet');
  });

  it('says so for a meeting that is held or unknown', async () => {
    const h = harness();
    for (const meetingId of ['mote-2024-10', 'mote-1999']) {
      const turn = fakeTurn({ member: secretary, data: { verb: Verb.RoundForm, meetingId } });
      await handleAction(turn, h.deps);
      expect(turn.texts()[0]).toMatch(/avholdt|finner ikke/);
    }
  });
});
