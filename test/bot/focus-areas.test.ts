import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { cardProblems, executeData } from '../helpers/adaptive-cards.js';
import { cardText, demoData, fakeTurn, harness, memberOf, MEMBER_ID, SECRETARY_ID } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const cardOf = (reply: unknown) => (reply as { card: Record<string, unknown> }).card;
const field = (card: unknown, id: string) => (card as { body: { id?: string; value?: string }[] }).body.find((e) => e.id === id);

describe('/innsatsområder', () => {
  it('shows the council’s focus areas with their open points, a button to each area’s points, and the secretariat a button to change them', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/innsatsområder', member: secretary });
    await handleText(turn, deps);
    const card = cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/Politirådets innsatsområder 2017[\s\S]*1\. Oslo sentrum for alle\n4 åpne punkter\nVis punktene[\s\S]*4\. Forebygge hatkriminalitet og voldelig ekstremisme\n1 åpent punkt/);
    expect(executeData(card).filter((d) => d['verb'] === Verb.StatusShow)[0]).toEqual({ verb: Verb.StatusShow, filter: '1', page: 1 });
    expect(executeData(card).at(-1)).toEqual({ verb: Verb.CouncilAreasForm });
    const asMember = fakeTurn({ text: '/focusareas', member });
    await handleText(asMember, deps);
    expect(executeData(cardOf(asMember.replies[0])).some((d) => d['verb'] === Verb.CouncilAreasForm)).toBe(false);
  });

  it('starts a new year from the form: new points go under its areas, open points keep theirs and are listed as from 2017', async () => {
    const h = harness();
    const open = fakeTurn({ member: secretary, data: { verb: Verb.CouncilAreasForm } });
    await handleAction(open, h.deps);
    const form = open.responses[0]!;
    expect(cardProblems(form)).toEqual([]);
    expect(field(form, 'period')?.value).toBe('2017');
    expect(field(form, 'area5')?.value).toBe('Bekjempe og redusere økonomisk kriminalitet og korrupsjon');
    const save = executeData(form).find((d) => d['verb'] === Verb.CouncilAreasSave)!;
    const saved = fakeTurn({ member: secretary, data: { ...save, period: '2027', area1: 'Trygge byrom', area2: 'Vold i nære relasjoner', area3: 'Barn og unge' } });
    await handleAction(saved, h.deps);
    const card = saved.responses[0]!;
    expect(cardText(card)).toMatch(/^2027 er startet med disse innsatsområdene\.[\s\S]*Politirådets innsatsområder 2027\n[\s\S]*1\. Trygge byrom\nIngen åpne punkter[\s\S]*Fra tidligere perioder, med åpne punkter\n1\. Oslo sentrum for alle \(2017\)\n4 åpne punkter/);
    const status = fakeTurn({ text: '/status', member: secretary });
    await handleText(status, h.deps);
    expect(cardText(cardOf(status.replies[0]))).toContain('Innsatsområde 1 (2017): Oslo sentrum for alle');
    // An earlier year's area has its own button, naming the year, since numbers start over.
    const earlier = executeData(card).find((d) => d['verb'] === Verb.StatusShow && d['filter'] === '1 2017')!;
    const shown = fakeTurn({ member: secretary, data: earlier });
    await handleAction(shown, h.deps);
    expect(cardText(shown.responses[0])).toContain('Innsatsområde 1 (2017): Oslo sentrum for alle: 4 punkter');
    const newPoint = fakeTurn({ text: '/oppfølging Trygghetsvandring', member: secretary });
    await handleText(newPoint, h.deps);
    const choices = JSON.stringify(cardOf(newPoint.replies[0])).match(/"choices":\[[^\]]*\]/)![0];
    expect(choices).toContain('Innsatsområde 1: Trygge byrom');
    expect(choices).not.toContain('2017');
  });

  it('brings the form back with what was typed when an area with points would go, and saves nothing', async () => {
    const h = harness();
    const open = fakeTurn({ member: secretary, data: { verb: Verb.CouncilAreasForm } });
    await handleAction(open, h.deps);
    const save = executeData(open.responses[0]).find((d) => d['verb'] === Verb.CouncilAreasSave)!;
    const refused = fakeTurn({ member: secretary, data: { ...save, period: '2017', area1: 'Oslo sentrum for alle', area2: 'Vold' } });
    await handleAction(refused, h.deps);
    const card = refused.responses[0]!;
    expect(cardText(card)).toMatch(/Innsatsområde 3 har 5 oppfølgingspunkter og kan ikke fjernes\./);
    expect(field(card, 'area2')?.value).toBe('Vold');
    expect(h.store.writes()).toBe(0);
  });
});
