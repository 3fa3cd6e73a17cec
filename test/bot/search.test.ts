import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { readSearchQuery, search } from '../../src/domain/search.js';
import { formQuestions } from '../../src/domain/salto-form.js';
import { answerReport, openRound, startReport, submitReport } from '../../src/domain/salto-rounds.js';
import type { ConversationKind, Data, Lang, Member } from '../../src/domain/schema.js';
import { cardButtons, cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, COORDINATOR_ID, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, withChats } from '../helpers/builders.js';

const CHANNEL = '19:channel@thread.tacv2';

function council(): Data {
  return withChats(demoData());
}

async function ask(h: ReturnType<typeof harness>, text: string, member: Member | undefined, kind: ConversationKind = 'personal', lang: Lang = 'nb') {
  const turn = fakeTurn({ text, member, kind, lang, conversationId: kind === 'channel' ? CHANNEL : 'a:chat' });
  await handleText(turn, h.deps);
  return turn;
}

async function press(h: ReturnType<typeof harness>, data: Record<string, unknown>, member: Member | undefined, kind: ConversationKind = 'personal') {
  const turn = fakeTurn({ data, member, kind, conversationId: kind === 'channel' ? CHANNEL : 'a:chat' });
  await handleAction(turn, h.deps);
  return turn;
}

const cardOf = (turn: ReturnType<typeof fakeTurn>) => {
  const reply = turn.replies.find((r) => typeof r !== 'string');
  return (reply ? reply.card : turn.responses[0]) as Record<string, unknown>;
};



describe('/søk', () => {
  it('shows the secretary the hits, the newest first, with the words marked and buttons that open each as a new message', async () => {
    const h = harness(council());
    const secretary = memberOf(h.store.read(), SECRETARY_ID);
    const turn = await ask(h, '/søk Grorud', secretary);
    const card = cardOf(turn);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/^Søk: «Grorud»\n3 treff, de nyeste først\nOppfølgingspunkt · åpen · eier Ola Hansen\nBydelene gir/);
    expect(text).toContain('Sak 5 · Ordinært møte mandag 7. oktober 2024 kl. 10.00 · fra referatet\nForebyggende arbeid i Bydel \nGrorud');
    // The words found are marked in their own runs.
    expect(JSON.stringify(card)).toContain('{"type":"TextRun","text":"Grorud","weight":"Bolder","highlight":true}');
    const all = cardButtons(card);
    expect(all.map((b) => `${b.type} ${b.title}`)).toEqual(['Action.Submit Vis punktet', 'Action.Submit Dagsorden', 'Action.Submit Referat', 'Action.Submit Dagsorden', 'Action.Submit Referat']);
    expect(all[0]!.data).toEqual({ verb: Verb.SearchOpen, show: 'punkt', id: 'op-2024-03' });
    expect(all[1]!.data).toEqual({ verb: Verb.SearchOpen, show: 'dagsorden', meetingId: 'mote-2024-10' });
    // The secretariat writes the minutes in personal chat: the button opens the form.
    expect(all[2]!.data).toEqual({ verb: Verb.MinutesForm, meetingId: 'mote-2024-10' });
    expect(h.store.writes()).toBe(0);
  });

  it('gives a member only their own points and no minutes before they are sent', async () => {
    const h = harness(council());
    const member = memberOf(h.store.read(), MEMBER_ID);
    // The secretary also finds the point "Byutvikling og kriminalitetsforebygging …", which is hers.
    const card = cardOf(await ask(h, '/søk byutvikling', member));
    const text = cardText(card);
    expect(text).toContain('1 treff');
    expect(text).toContain('Sak 4 · Ordinært møte mandag 7. oktober 2024 kl. 10.00\nByutvikling');
    expect(text).not.toContain('Oppfølgingspunkt');
    expect(cardButtons(card).map((b) => b.title)).toEqual(['Dagsorden']);
    // Words only the unsent minutes have find nothing for the member.
    expect((await ask(h, '/søk statsbudsjettet', member)).texts()[0]).toMatch(/^Fant ingenting/);
    expect(cardText(cardOf(await ask(h, '/søk byutvikling', memberOf(h.store.read(), SECRETARY_ID))))).toContain('2 treff');
  });

  it('keeps confidential items out of a channel, and says when nothing is found', async () => {
    const data = council();
    data.meetings.find((m) => m.id === 'mote-2026-12')!.agenda.find((i) => i.confidential)!.description = 'Skyting på Grønland.';
    const h = harness(data);
    const secretary = memberOf(data, SECRETARY_ID);
    expect(cardText(cardOf(await ask(h, '/søk Grønland', secretary)))).toContain('Situasjonsbrief fra politiet');
    const channel = await ask(h, '/søk Grønland', secretary, 'channel');
    expect(channel.texts()).toEqual(['Fant ingenting om «Grønland» i dagsordener, referater eller oppfølgingspunkter du kan lese her.']);
    const brief = cardText(cardOf(await ask(h, '/søk situasjonsbrief', secretary, 'channel')));
    expect(brief).toContain('1 treff');
    expect(brief).toContain('mandag 7. oktober 2024');
  });

  it('pages eight hits at a time, the page buttons answering in place', async () => {
    const h = harness(council());
    const secretary = memberOf(h.store.read(), SECRETARY_ID);
    const total = search(h.store.read(), readSearchQuery('politiet'), secretary, 'personal', 'Europe/Oslo').length;
    expect(total).toBeGreaterThan(8);
    const pages = Math.ceil(total / 8);
    const first = cardOf(await ask(h, '/søk politiet', secretary));
    expect(cardText(first)).toContain(`${total} treff, de nyeste først · side 1 av ${pages}`);
    const next = cardButtons(first).find((b) => b.title === 'Neste side')!;
    expect(next).toMatchObject({ type: 'Action.Execute', data: { verb: Verb.SearchPage, text: 'politiet', page: 2 } });
    const second = await press(h, next.data, secretary);
    expect(second.responses).toHaveLength(1);
    expect(cardText(second.responses[0])).toContain(`side 2 av ${pages}`);
    expect(cardButtons(second.responses[0]).map((b) => b.title)).toContain('Forrige side');
    // A page past the last (the data changed since) shows the last.
    const beyond = await press(h, { ...next.data, page: 99 }, secretary);
    expect(cardText(beyond.responses[0])).toContain(`side ${pages} av ${pages}`);
  });

  it('finds a point by the words it has now, after a change', async () => {
    const h = harness(council());
    const secretary = memberOf(h.store.read(), SECRETARY_ID);
    expect(cardText(cardOf(await ask(h, '/søk likere', secretary)))).toContain('2 treff');
    await h.store.update((draft) => {
      draft.followUps.find((p) => p.id === 'op-2024-03')!.title = 'Bydelene gir forebyggingen en felles innretning';
    });
    const after = cardText(cardOf(await ask(h, '/søk felles innretning', secretary)));
    expect(after).toContain('Bydelene gir forebyggingen en \nfelles\n \ninnretning');
    expect(cardText(cardOf(await ask(h, '/søk likere', secretary)))).toContain('1 treff');
  });

  it('asks for words when given none, and refuses a search over 200 characters', async () => {
    const h = harness(council());
    const secretary = memberOf(h.store.read(), SECRETARY_ID);
    for (const text of ['/søk', '/søk og i'])
      expect((await ask(h, text, secretary)).texts()).toEqual(['Skriv hva du leter etter, for eksempel /søk Grorud, eller /søk SALUTT 2017 for ett år.']);
    const long = await ask(h, `/søk ${'grorud '.repeat(40)}`, secretary);
    expect(long.texts()[0]).toMatch(/^«Søketeksten» er for lang \(279 tegn, høyst 200\)/);
    const forged = await press(h, { verb: Verb.SearchPage, text: 'x'.repeat(201), page: 1 }, secretary);
    expect(forged.responses).toEqual([]);
  });

  it('speaks English to those who read it', async () => {
    const h = harness(council());
    const card = cardOf(await ask(h, '/search grorud 2024', memberOf(h.store.read(), SECRETARY_ID), 'personal', 'en'));
    expect(cardText(card)).toMatch(/^Search: “grorud 2024”\n3 hits, the newest first\nFollow-up point · open · owner Ola Hansen/);
    expect(cardButtons(card).map((b) => b.title)).toContain('Agenda');
  });
});

describe('a hit’s buttons', () => {
  it('open the meeting’s agenda as the asker may see it there', async () => {
    const h = harness(council());
    const member = memberOf(h.store.read(), MEMBER_ID);
    const open = { verb: Verb.SearchOpen, show: 'dagsorden', meetingId: 'mote-2026-12' };
    const channel = cardText(cardOf(await press(h, open, member, 'channel')));
    expect(channel).toContain('Unntatt offentlighet');
    expect(channel).not.toContain('Situasjonsbrief');
    expect(cardText(cardOf(await press(h, open, member)))).toContain('Situasjonsbrief fra politiet');
    const gone = await press(h, { ...open, meetingId: 'mote-1999' }, member);
    expect(gone.texts()[0]).toMatch(/^Jeg finner ikke det møtet/);
  });

  it('open the minutes as sent, or say they are not sent; the secretariat gets its form', async () => {
    const data = council();
    const h = harness(data);
    const member = memberOf(data, MEMBER_ID);
    const open = { verb: Verb.SearchOpen, show: 'referat', meetingId: 'mote-2024-10' };
    expect((await press(h, open, member)).texts()).toEqual(['Referatet fra Ordinært møte mandag 7. oktober 2024 kl. 10.00 er ikke sendt ut ennå.']);
    expect(cardText(cardOf(await press(h, open, memberOf(data, SECRETARY_ID))))).toContain('Lagre');
    const october = h.store.read().meetings.find((m) => m.id === 'mote-2024-10')!;
    await h.store.update((draft) => {
      draft.meetings.find((m) => m.id === october.id)!.minutes!.sentAt = NOW;
    });
    const sent = cardText(cardOf(await press(h, open, member, 'channel')));
    expect(sent).toContain('Sendt');
    expect(sent).toContain('statsbudsjettet');
  });

  it('open a point’s history for its owner, the secretariat and the chairs only', async () => {
    const h = harness(council());
    const data = h.store.read();
    const open = { verb: Verb.SearchOpen, show: 'punkt', id: 'op-2024-03' };
    expect(cardText(cardOf(await press(h, open, memberOf(data, MEMBER_ID))))).toContain('Bydelene gir forebyggingsarbeidet');
    expect(cardText(cardOf(await press(h, open, memberOf(data, SECRETARY_ID))))).toContain('Bydelene gir forebyggingsarbeidet');
    expect(cardText(cardOf(await press(h, open, memberOf(data, 'tor-lund'))))).toContain('Bydelene gir forebyggingsarbeidet');
    for (const other of [memberOf(data, 'byrad-set'), memberOf(data, COORDINATOR_ID)]) {
      const refused = await press(h, open, other);
      expect(refused.responses).toEqual([]);
      expect(refused.replies).toHaveLength(1);
      expect(typeof refused.replies[0]).toBe('string');
    }
  });
});

describe('/søk in the SaLTo reports', () => {
  /** Grorud's report for December handed in, and Sentrum's still a draft, both about drugs. */
  function withReports(): Data {
    const data = council();
    const now = new Date(NOW);
    const { round } = openRound(data, 'mote-2026-12', undefined, SECRETARY_ID, now, 'Europe/Oslo');
    const aisha = memberOf(data, COORDINATOR_ID);
    const grorud = startReport(data, round.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
    for (const q of formQuestions(round)) {
      const text = q.kind === 'status' ? '2' : q.key.endsWith('vanskelig') ? 'Rusmidler selges åpent ved T-banen i Groruddalen.' : 'Uteteam på kveldstid.';
      answerReport(data, grorud.id, aisha, { kind: 'answer', text }, undefined, now, 'Europe/Oslo');
    }
    submitReport(data, grorud.id, aisha, now, 'Europe/Oslo');
    const sentrum = startReport(data, round.id, 'sentrum', memberOf(data, 'salto-sentrum'), now, 'Europe/Oslo');
    answerReport(data, sentrum.id, memberOf(data, 'salto-sentrum'), { kind: 'answer', text: '2' }, undefined, now, 'Europe/Oslo');
    answerReport(data, sentrum.id, memberOf(data, 'salto-sentrum'), { kind: 'answer', text: 'Rusmidler i sentrum, utkast.' }, undefined, now, 'Europe/Oslo');
    return data;
  }

  it('finds what a unit handed in, never a draft, and opens the report as it was handed in', async () => {
    const h = harness(withReports());
    const data = h.store.read();
    expect(search(data, readSearchQuery('rusmidler'), memberOf(data, MEMBER_ID), 'shared', 'Europe/Oslo').map((hit) => hit.title)).toEqual(['Bydel Grorud']);
    expect(search(data, readSearchQuery('rusmidler 2025'), memberOf(data, SECRETARY_ID), 'personal', 'Europe/Oslo')).toEqual([]);
    const turn = await ask(h, '/søk rusmidler groruddalen', memberOf(data, MEMBER_ID), 'channel');
    const card = cardOf(turn);
    expect(cardProblems(card)).toEqual([]);
    // Each word found is a TextRun of its own.
    expect(cardText(card)).toContain('SaLTo-rapport · Ordinært møte torsdag 10. desember 2026 kl. 09.00\nBydel Grorud\nRusmidler\n selges åpent ved T-banen i \nGroruddalen\n.\nVis rapporten');
    const button = cardButtons(card).find((b) => b.title === 'Vis rapporten')!;
    const opened = await press(h, button.data, memberOf(data, MEMBER_ID), 'channel');
    const report = opened.responses[0];
    expect(cardProblems(report)).toEqual([]);
    expect(cardText(report)).toMatch(/^Levert 22\. november 2026\n/);
    expect(cardText(report)).toContain('SaLTo-rapport fra Bydel Grorud til Ordinært møte torsdag 10. desember 2026 kl. 09.00');
    expect(cardText(report)).toContain('Rusmidler selges åpent ved T-banen i Groruddalen.');
    expect(cardButtons(report)).toEqual([]);
    // A draft is its author's: a forged button names nothing.
    const draft = data.saltoReports.find((r) => r.unitId === 'sentrum')!;
    const forged = await press(h, { verb: Verb.SearchOpen, show: 'rapport', reportId: draft.id }, memberOf(data, MEMBER_ID));
    expect(forged.responses).toEqual([]);
    expect(forged.texts()).toHaveLength(1);
  });
});
