import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { CARD_BUDGET, fitCard } from '../../src/cards/fit.js';
import { composer } from '../../src/bot/compose.js';
import { fixedClock } from '../../src/domain/clock.js';
import { queueMinutesReminders } from '../../src/domain/minutes.js';
import { cardProblems, inputValues } from '../helpers/adaptive-cards.js';
import { cardText, composedCard, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, TIMING, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const cardOf = (reply: unknown) => (reply as { card: unknown }).card;
/** After the December meeting has ended. */
const AFTER_DECEMBER = '2026-12-10T12:00:00Z';

/** The bot after the December meeting: Ola sent apologies with a substitute, the SET byråd without one; Tor and Ingrid said they would come. */
function afterDecember() {
  const world = withChats(demoData());
  world.meetings.find((m) => m.id === 'mote-2026-12')!.attendance = [
    { memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Vara', at: '2026-12-01T08:00:00Z' },
    { memberId: 'tor-lund', answer: 'kommer', at: '2026-12-01T08:00:00Z' },
    { memberId: 'ingrid-berg', answer: 'kommer', at: '2026-12-01T08:00:00Z' },
    { memberId: 'byrad-set', answer: 'forfall', at: '2026-12-01T08:00:00Z' },
  ];
  const h = harness(world, fixedClock(AFTER_DECEMBER));
  h.deps.minutesUrl = (meetingId) => `https://bot.example/referat/${meetingId}/1/signature.docx`;
  return h;
}

const openUrls = (card: unknown) => ((card as { actions: { type: string; url?: string; title: string }[] }).actions ?? []).filter((a) => a.type === 'Action.OpenUrl');

describe('/referat', () => {
  it('opens the minutes of the last meeting held, as saved, on a form the SDK parses', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ text: '/referat', member: secretary });
    await handleText(turn, deps);
    const card = turn.responses[0] ?? cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/^Referat: Ordinært møte\nmandag 7\. oktober 2024 kl\. 10\.00–12\.00\nSist lagret mandag 14\. oktober 2024 kl\. 12\.00 av Kari Nordmann\./);
    const values = inputValues(card);
    expect(values['sak_mote-2024-10-1']).toBe('Dagsorden godkjent.');
    expect(values['sak_mote-2024-10-5']).toContain('Oslostandard for en-til-en-oppfølging');
    expect(JSON.stringify(card)).toContain('"label":"4. Byutvikling v/ Oslo politidistrikt, Byrådsavdeling for byutvikling"');
    expect(store.writes()).toBe(0);
  });

  it('starts a meeting\'s minutes from the answers to its agenda', async () => {
    const { deps } = afterDecember();
    const turn = fakeTurn({ text: '/referat', member: secretary });
    await handleText(turn, deps);
    const card = turn.responses[0] ?? cardOf(turn.replies[0]);
    expect(cardText(card)).toContain('Ikke skrevet ennå. Til stede og forfall er fylt inn fra svarene på dagsordenen.');
    const values = inputValues(card);
    // By name, each with their title; substitutes after those who come, for whom they stand in.
    expect(values['present']).toBe('Ingrid Berg, byrådsleder\nTor Lund, politimester\nPer Vara (vara for Ola Hansen)');
    expect(values['absent']).toBe('Byråd for sosiale tjenester, byråd\nOla Hansen, kommunaldirektør');
    expect(values['sak_mote-2026-12-1']).toBe('');
    // Nothing saved yet, so nothing to download.
    expect(openUrls(card)).toEqual([]);
  });

  it('names another meeting, and says why a meeting to come or a cancelled one has none', async () => {
    const { deps, store } = harness();
    const said = async (text: string) => {
      const turn = fakeTurn({ text, member: secretary });
      await handleText(turn, deps);
      return turn;
    };
    expect(cardText((await said('/referat oktober 2024')).responses[0])).toMatch(/^Referat: Ordinært møte\nmandag 7\. oktober 2024/);
    expect((await said('/referat mars')).texts()).toEqual(['Referatet kan skrives når møtet har begynt. Ordinært møte torsdag 11. mars 2027 kl. 09.00 har ikke begynt ennå.']);
    await store.update((d) => {
      d.meetings.find((m) => m.id === 'mote-2024-10')!.status = 'avlyst';
    });
    expect((await said('/referat 2024')).texts()).toEqual(['Ordinært møte mandag 7. oktober 2024 kl. 10.00 ble avlyst og har ikke noe referat.']);
    expect((await said('/referat')).texts()).toEqual(['Ingen møter er holdt ennå, så det er ikke noe referat å skrive.']);
    expect((await said('/referat blåmandag')).texts()[0]).toMatch(/blåmandag/);
  });

  it('is written by the secretariat, in personal chat, on the command and both buttons', async () => {
    const { deps, store, kicks } = afterDecember();
    const before = store.read();
    // Others read the minutes sent to the council; none have been yet.
    const asMember = fakeTurn({ text: '/referat', member });
    await handleText(asMember, deps);
    expect(asMember.texts()).toEqual(['Ingen referater er sendt ut ennå.']);
    const inChannel = fakeTurn({ text: '/minutes', member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleText(inChannel, deps);
    expect(inChannel.texts()).toEqual(['Referatet skriver du i personlig chat med boten, ikke her.']);
    for (const data of [
      { verb: Verb.MinutesForm, meetingId: 'mote-2026-12' },
      { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: 'Alle', 'sak_mote-2026-12-1': 'Godkjent.' },
    ]) {
      const byMember = fakeTurn({ member, data });
      await handleAction(byMember, deps);
      expect(byMember.texts()[0]).toMatch(/^Beklager, dette kan bare sekretariatet/);
      const inGroup = fakeTurn({ member: secretary, data, kind: 'groupChat', conversationId: '19:group@thread.v2' });
      await handleAction(inGroup, deps);
      expect(inGroup.texts()).toEqual(['Referatet skriver du i personlig chat med boten, ikke her.']);
      expect(inGroup.responses).toEqual([]);
    }
    expect(store.read()).toBe(before);
    expect(store.writes()).toBe(0);
    expect(kicks()).toBe(0);
  });

  it('saves the form, says how much is written, and offers the Word file', async () => {
    const { deps, store, kicks } = afterDecember();
    const save = fakeTurn({
      member: secretary,
      data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: 'Tor Lund\nPer Vara', absent: 'Ola Hansen', 'sak_mote-2026-12-1': 'Dagsorden godkjent.', 'sak_mote-2026-12-4': '**Bydelene** rapporterte.', 'sak_mote-2026-12-ev': '' },
    });
    await handleAction(save, deps);
    const card = save.responses[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Referatet er lagret, med tekst under 2 av 7 saker.\nSist lagret torsdag 10. desember 2026 kl. 13.00 av Kari Nordmann.');
    expect(inputValues(card)).toMatchObject({ present: 'Tor Lund\nPer Vara', absent: 'Ola Hansen', 'sak_mote-2026-12-4': '**Bydelene** rapporterte.', 'sak_mote-2026-12-ev': '' });
    expect(openUrls(card)).toEqual([expect.objectContaining({ title: 'Last ned referatet (Word)', url: 'https://bot.example/referat/mote-2026-12/1/signature.docx' })]);
    expect(JSON.stringify(card)).toContain(JSON.stringify({ verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 1 }));
    const minutes = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.minutes;
    expect(minutes).toMatchObject({ present: 'Tor Lund\nPer Vara', items: { 'mote-2026-12-1': 'Dagsorden godkjent.', 'mote-2026-12-4': '**Bydelene** rapporterte.' }, revision: 1, updatedBy: SECRETARY_ID });
    expect(store.writes()).toBe(1);
    // Minutes are no news to anyone: nothing is sent.
    expect(kicks()).toBe(0);
  });

  it('refuses a form made before someone else saved, keeping what was typed and showing what was saved', async () => {
    const { deps, store } = afterDecember();
    const first = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: 'Tor Lund', absent: '', 'sak_mote-2026-12-1': 'Godkjent uten merknader.' } });
    await handleAction(first, deps);
    const saved = store.read();
    const late = fakeTurn({ member: memberOf(data, 'forvaltning'), data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: 'Tor Lund', absent: '', 'sak_mote-2026-12-1': 'Godkjent.' } });
    await handleAction(late, deps);
    expect(store.read()).toBe(saved);
    const card = late.responses[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Noen andre har lagret referatet siden skjemaet ble vist.');
    expect(inputValues(card)['sak_mote-2026-12-1']).toBe('Godkjent.');
    expect(cardText(card)).toContain('Lagret fra før: \nGodkjent uten merknader.');
    // The form now carries the saved revision, so saving again is a choice made having seen both.
    expect(JSON.stringify(card)).toContain(JSON.stringify({ verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 1 }));
  });

  it('refuses a text over its limit with the limit stated, changing nothing', async () => {
    const { deps, store } = afterDecember();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: '', absent: '', 'sak_mote-2026-12-2': 'x'.repeat(4001) } });
    await handleAction(turn, deps);
    expect(turn.texts()[0]).toMatch(/2\. Orientering fra politimester.*4 ?001.*4 ?000/);
    expect(store.writes()).toBe(0);
  });

  it('keeps a text the form did not send', async () => {
    const { deps, store } = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, 'sak_mote-2024-10-8': 'Ingen saker ble meldt.' } });
    await handleAction(turn, deps);
    const items = store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.items;
    expect(Object.keys(items)).toHaveLength(8);
    expect(items['mote-2024-10-1']).toBe('Dagsorden godkjent.');
    expect(items['mote-2024-10-8']).toBe('Ingen saker ble meldt.');
  });

  it('keeps a whole meeting\'s minutes at their limit within one Teams message', async () => {
    const { deps, store } = afterDecember();
    const agenda = store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda;
    const each = Math.floor(20_000 / agenda.length) - 10;
    const texts = Object.fromEntries(agenda.map((item) => [`sak_${item.id}`, `«${item.title}» ${'æøå '.repeat(each / 4)}`.slice(0, each)]));
    const first = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: '', absent: '', ...texts } });
    await handleAction(first, deps);
    expect(cardText(first.responses[0])).toContain('Referatet er lagret, med tekst under 7 av 7 saker.');
    // A stale form shows both what was typed and what was saved.
    const stale = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, present: '', absent: '', ...Object.fromEntries(Object.keys(texts).map((k) => [k, 'Annet'])) } });
    await handleAction(stale, deps);
    for (const card of [first.responses[0], stale.responses[0]]) {
      // What Teams gets is the card as fitted: every typed text kept, within the budget.
      const fitted = fitCard(card!, 'nb');
      expect(cardProblems(fitted)).toEqual([]);
      expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(CARD_BUDGET);
      expect(inputValues(fitted)).toEqual(inputValues(card));
    }
  });

  it('is reached from the agenda editor and the schedule once a meeting has begun', async () => {
    const { deps } = harness();
    const editor = fakeTurn({ member: secretary, data: { verb: Verb.EditorShow, meetingId: 'mote-2024-10' } });
    await handleAction(editor, deps);
    expect(JSON.stringify(editor.responses[0])).toContain(JSON.stringify({ verb: Verb.MinutesForm, meetingId: 'mote-2024-10' }));
    expect(cardText(editor.responses[0])).toContain('Du kan skrive referatet og lage oppfølgingspunkter fra sakene.');
    const coming = fakeTurn({ member: secretary, data: { verb: Verb.EditorShow, meetingId: 'mote-2026-12' } });
    await handleAction(coming, deps);
    expect(JSON.stringify(coming.responses[0])).not.toContain(Verb.MinutesForm);
    const schedule = fakeTurn({ text: '/møteplan 2024', member: secretary });
    await handleText(schedule, deps);
    expect(JSON.stringify(cardOf(schedule.replies[0]))).toContain(JSON.stringify({ verb: Verb.MinutesForm, meetingId: 'mote-2024-10' }));
    const open = fakeTurn({ member: secretary, data: { verb: Verb.MinutesForm, meetingId: 'mote-2024-10' } });
    await handleAction(open, deps);
    expect(cardText(open.responses[0])).toMatch(/^Referat: Ordinært møte/);
  });

  it('speaks English to those who chose it', async () => {
    const { deps } = afterDecember();
    const turn = fakeTurn({ text: '/minutes', member: secretary, lang: 'en' });
    await handleText(turn, deps);
    const card = turn.responses[0] ?? cardOf(turn.replies[0]);
    expect(cardText(card)).toMatch(/^Minutes: Ordinary meeting\nThursday 10 December 2026 at 09:00–11:30 · Oslo rådhus\nNot written yet\./);
    expect(JSON.stringify(card)).toContain('"title":"Save the minutes"');
  });
});

describe('sending the minutes to the council', () => {
  const showCards = (card: unknown) => ((card as { actions: { type: string; title: string; card?: unknown }[] }).actions ?? []).filter((a) => a.type === 'Action.ShowCard');

  it('saves what was typed and sends it to the channel and the members, then says how it went on the form', async () => {
    const { deps, store, kicks } = harness(withChats(demoData()));
    const opened = fakeTurn({ text: '/referat', member: secretary });
    await handleText(opened, deps);
    const [send] = showCards(opened.responses[0]);
    expect(send?.title).toBe('Send til rådet');
    expect(cardText(send?.card)).toContain('Referatet lagres med det du har skrevet, og sendes til rådets kanal');
    expect(JSON.stringify(send?.card)).toContain(JSON.stringify({ verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true }));

    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true, 'sak_mote-2024-10-8': 'Ingen saker ble meldt.' } });
    await handleAction(turn, deps);
    const card = turn.responses[0];
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Referatet er lagret og sendes nå til rådet: 3 mottakere.');
    expect(cardText(card)).toContain('Sendt til rådet søndag 22. november 2026 kl. 09.00: 0 har fått det, 3 venter.');
    // Sent as it stands, so there is nothing more to send until it changes.
    expect(showCards(card)).toEqual([]);
    const data = store.read();
    expect(data.meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 2, sentRevision: 2, items: { 'mote-2024-10-8': 'Ingen saker ble meldt.' } });
    expect(data.deliveries.filter((d) => d.kind === 'minutes').map((d) => d.conversationId)).toEqual(['19:channel@thread.tacv2', 'a:kari', 'a:ola']);
    expect(kicks()).toBe(1);

    // The same card clicked again (or resent by Teams) sends nothing more.
    const again = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 2, send: true } });
    await handleAction(again, deps);
    expect(cardText(again.responses[0])).toContain('Referatet er lagret. Det er alt sendt til rådet slik det står.');
    expect(store.read().deliveries.filter((d) => d.kind === 'minutes')).toHaveLength(3);
    expect(kicks()).toBe(1);

    // Changed afterwards: the form says so, and offers to send the changes.
    const changed = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 2, 'sak_mote-2024-10-8': 'Ingen saker.' } });
    await handleAction(changed, deps);
    expect(cardText(changed.responses[0])).toContain('Endret etter at det ble sendt.');
    expect(showCards(changed.responses[0]).map((a) => a.title)).toEqual(['Send endringene til rådet']);
  });

  it('says so when the bot reaches no one on the council, and leaves the minutes unsent', async () => {
    const { deps, store, kicks } = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: 'true' } });
    await handleAction(turn, deps);
    expect(cardText(turn.responses[0])).toContain('Referatet er lagret, men boten når ingen i rådet ennå');
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.sentAt).toBeUndefined();
    expect(showCards(turn.responses[0]).map((a) => a.title)).toEqual(['Send til rådet']);
    expect(kicks()).toBe(0);
  });

  it('are the public minutes wherever they are read: each reader\'s language, confidential items by number only', async () => {
    const world = withChats(demoData());
    const held = world.meetings.find((m) => m.id === 'mote-2024-10')!;
    held.agenda[5]!.confidential = true;
    held.minutes!.items['mote-2024-10-6'] = 'Gjengkonflikten i indre øst.';
    world.members.find((m) => m.id === MEMBER_ID)!.lang = 'en';
    const { deps, store } = harness(world);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true } }), deps);
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
    const data = store.read();
    const shown = (conversationId: string) => {
      const delivery = data.deliveries.find((d) => d.kind === 'minutes' && d.conversationId === conversationId)!;
      const content = (compose(delivery, data, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
      expect(cardProblems(content)).toEqual([]);
      return cardText(content);
    };
    const channel = shown('19:channel@thread.tacv2');
    expect(channel).toMatch(/^Referatet fra møtet er klart\.\nReferat: Ordinært møte i Politirådet\nmandag 7\. oktober 2024 kl\. 10\.00–12\.00\n1\. Godkjenning av dagsorden\n v\/ Byrådsleder\nDagsorden godkjent\./);
    expect(channel).toContain('\n6. Unntatt offentlighet\n7. SaLTo-samarbeidet');
    expect(channel).toMatch(/Referat og vedlegg er offentlig\. Saker unntatt offentlighet står bare med nummer\.$/);
    for (const text of [channel, shown('a:kari'), shown('a:ola')]) {
      expect(text).not.toContain('Gjengkonflikten');
      expect(text).not.toContain('Situasjonsbrief');
    }
    expect(shown('a:ola')).toMatch(/^The minutes of the meeting are ready\.\nMinutes: Ordinary meeting of the council\nMonday 7 October 2024 at 10:00–12:00\n1\. Godkjenning av dagsorden\n by Byrådsleder/);
  });
});

describe('follow-up points in the minutes', () => {
  const revisionOf = (store: { read(): { meetings: { id: string; minutes?: { revision: number } }[] } }) => store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.revision;
  const openMinutes = async (deps: ReturnType<typeof harness>['deps']) => {
    const turn = fakeTurn({ text: '/referat', member: secretary });
    await handleText(turn, deps);
    return turn.responses[0] ?? cardOf(turn.replies[0]);
  };

  it('lists under each item the points made from it, how each stands, and not those cancelled', async () => {
    const world = demoData();
    world.followUps.find((p) => p.id === 'op-2024-02')!.status = 'fullført';
    world.followUps.find((p) => p.id === 'op-2024-03')!.status = 'avlyst';
    const { deps } = harness(world);
    const card = await openMinutes(deps);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(
      'Presentasjon fra politiet vedlagt.\nOppfølging\n• Byutvikling og kriminalitetsforebygging tas opp igjen i politirådets seminar. Ansvar: Oslo kommune og Oslo politidistrikt (Kari Nordmann). Frist: innen møtet torsdag 21. oktober 2027.\nNytt oppfølgingspunkt\n',
    );
    expect(text).toContain('Presentasjoner fra politiet og bydelen vedlagt.\nOppfølging\n• Politirådet orienteres om arbeidet med en Oslostandard for en-til-en-oppfølging. Ansvar: Oslo politidistrikt (Tor Lund). Frist: mandag 1. mars 2027. Status: fullført.\nNytt oppfølgingspunkt\n');
    expect(text).not.toContain('Bydelene gir forebyggingsarbeidet');
    // A button per agenda item, none for who came and who did not.
    expect(text.match(/Nytt oppfølgingspunkt/g)).toHaveLength(8);
  });

  it('saves what is typed before the point\'s form opens, and comes back to the minutes with the point listed', async () => {
    const { deps, store, kicks } = harness();
    const typed = { 'sak_mote-2024-10-8': 'Bydel Alna tok opp trygghet på T-banen.', present: 'Tor Lund' };
    const open = fakeTurn({ member: secretary, data: { verb: Verb.MinutesFollowUp, meetingId: 'mote-2024-10', itemId: 'mote-2024-10-8', revision: revisionOf(store), ...typed } });
    await handleAction(open, deps);
    const minutes = store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!;
    expect(minutes.items['mote-2024-10-8']).toBe('Bydel Alna tok opp trygghet på T-banen.');
    expect(minutes.present).toBe('Tor Lund');
    const form = open.responses[0];
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toMatch(/^Nytt oppfølgingspunkt\nFra sak 8 på dagsordenen for 7\. oktober 2024\. Punktet knyttes til saken\.\nEventuelt\n/);
    const actions = (form as { actions: { title: string; data: Record<string, unknown> }[] }).actions;
    expect(actions.map((a) => a.title)).toEqual(['Gå videre', 'Tilbake til referatet']);

    // The point's own two steps, as the secretary fills them in.
    const check = fakeTurn({ member: secretary, data: { ...actions[0]!.data, ...inputValues(form), title: 'Trygghet på T-banen tas opp med Sporveien', responsible: 'kommunen', ownerMemberId: 'ola-hansen', due: '1. mars 2027' } });
    await handleAction(check, deps);
    const confirm = check.responses[0] as { actions: { title: string; data: Record<string, unknown> }[] };
    expect(cardProblems(confirm)).toEqual([]);
    expect(cardText(confirm)).toContain('mandag 1. mars 2027');
    const save = fakeTurn({ member: secretary, data: confirm.actions[0]!.data });
    await handleAction(save, deps);
    const point = store.read().followUps.find((p) => p.title === 'Trygghet på T-banen tas opp med Sporveien')!;
    expect(point.source).toEqual({ meetingId: 'mote-2024-10', itemId: 'mote-2024-10-8' });
    expect(kicks()).toBeGreaterThan(0);
    const back = save.responses[0];
    expect(cardProblems(back)).toEqual([]);
    expect(cardText(back)).toMatch(/^Referat: Ordinært møte\n.*\nOppfølgingspunktet «Trygghet på T-banen tas opp med Sporveien» er lagret under sak 8\.\n/);
    expect(cardText(back)).toContain('Oppfølging\n• Trygghet på T-banen tas opp med Sporveien. Ansvar: Oslo kommune (Ola Hansen). Frist: mandag 1. mars 2027.\nNytt oppfølgingspunkt');
    expect(inputValues(back)['sak_mote-2024-10-8']).toBe('Bydel Alna tok opp trygghet på T-banen.');
  });

  it('goes back to the minutes without a point, and a point made elsewhere still ends on /status', async () => {
    const { deps, store } = harness();
    const open = fakeTurn({ member: secretary, data: { verb: Verb.MinutesFollowUp, meetingId: 'mote-2024-10', itemId: 'mote-2024-10-4', revision: revisionOf(store) } });
    await handleAction(open, deps);
    const back = (open.responses[0] as { actions: { title: string; data: Record<string, unknown> }[] }).actions[1]!;
    const turn = fakeTurn({ member: secretary, data: back.data });
    await handleAction(turn, deps);
    expect(cardText(turn.responses[0])).toMatch(/^Referat: Ordinært møte\n/);
    expect(store.read().followUps).toHaveLength(demoData().followUps.length);

    // From the agenda editor the form has no way back to the minutes, and saving shows the list.
    const editor = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpForm, meetingId: 'mote-2024-10', itemId: 'mote-2024-10-4' } });
    await handleAction(editor, deps);
    expect((editor.responses[0] as { actions: { title: string }[] }).actions.map((a) => a.title)).toEqual(['Gå videre']);
  });

  it('refuses on a form made before someone else saved, keeping what was typed, and opens no point', async () => {
    const { deps, store } = harness();
    const stale = revisionOf(store) - 1;
    const before = store.read();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.MinutesFollowUp, meetingId: 'mote-2024-10', itemId: 'mote-2024-10-4', revision: stale, 'sak_mote-2024-10-4': 'Ny tekst.' } });
    await handleAction(turn, deps);
    expect(store.read()).toBe(before);
    expect(cardText(turn.responses[0])).toContain('Noen andre har lagret referatet siden skjemaet ble vist.');
    expect(inputValues(turn.responses[0])['sak_mote-2024-10-4']).toBe('Ny tekst.');
  });

  it('is the secretariat\'s, in personal chat, for an item the agenda has', async () => {
    const { deps, store, kicks } = harness(withChats(demoData()));
    const before = store.read();
    const data = { verb: Verb.MinutesFollowUp, meetingId: 'mote-2024-10', itemId: 'mote-2024-10-4', revision: revisionOf(store), 'sak_mote-2024-10-4': 'Ny tekst.' };
    const byMember = fakeTurn({ member, data });
    await handleAction(byMember, deps);
    expect(byMember.texts()[0]).toMatch(/^Beklager, dette kan bare sekretariatet/);
    const inChannel = fakeTurn({ member: secretary, data, kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleAction(inChannel, deps);
    expect(inChannel.texts()).toEqual(['Referatet skriver du i personlig chat med boten, ikke her.']);
    const noItem = fakeTurn({ member: secretary, data: { ...data, itemId: 'mote-2026-12-4' } });
    await handleAction(noItem, deps);
    expect(noItem.responses).toEqual([]);
    expect(noItem.texts()).toHaveLength(1);
    expect(store.read()).toBe(before);
    expect(kicks()).toBe(0);
  });

  it('are in the minutes sent to the council, under open items only', async () => {
    const world = withChats(demoData());
    const held = world.meetings.find((m) => m.id === 'mote-2024-10')!;
    // The Oslostandard item made confidential: its points stay out with it.
    held.agenda[4]!.confidential = true;
    const { deps, store } = harness(world);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true } }), deps);
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
    const data = store.read();
    const delivery = data.deliveries.find((d) => d.kind === 'minutes' && d.conversationId === '19:channel@thread.tacv2')!;
    const content = (compose(delivery, data, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(content)).toEqual([]);
    const text = cardText(content);
    expect(text).toContain('Temaet vil tas opp igjen i politirådets seminar over nyttår.\nPresentasjon fra politiet vedlagt.\nOppfølging\n• Byutvikling og kriminalitetsforebygging tas opp igjen i politirådets seminar. Ansvar: Oslo kommune og Oslo politidistrikt (Kari Nordmann). Frist: innen møtet torsdag 21. oktober 2027.\n5. Unntatt offentlighet\n6.');
    expect(text).not.toContain('Oslostandard');
    expect(text).not.toContain('Nytt oppfølgingspunkt');
  });
});

describe('sent minutes and the points made afterwards', () => {
  const sendMinutes = async (deps: ReturnType<typeof harness>['deps'], revision: number) =>
    handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision, send: true } }), deps);
  const form = async (deps: ReturnType<typeof harness>['deps']) => {
    const turn = fakeTurn({ text: '/referat oktober 2024', member: secretary });
    await handleText(turn, deps);
    return turn.responses[0];
  };
  const newPoint = (itemId: string, title: string) => ({
    verb: Verb.FollowUpSave,
    title,
    description: '',
    focusAreaId: 'io-2017-1',
    responsible: 'begge',
    ownerMemberId: '',
    due: '',
    briefing: 'false',
    meetingId: 'mote-2024-10',
    itemId,
    fromMinutes: 'true',
    requestKey: `key-${title}`,
  });

  it('count as changed when a point is made from an item after they went out, so the changes can be sent', async () => {
    const { deps, store } = harness(withChats(demoData()));
    await sendMinutes(deps, 1);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 1, sentRevision: 1 });
    expect(cardText(await form(deps))).not.toContain('Endret etter at det ble sendt.');
    const made = fakeTurn({ member: secretary, data: newPoint('mote-2024-10-8', 'Trygghet på T-banen tas opp med Sporveien') });
    await handleAction(made, deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 2, sentRevision: 1 });
    expect(cardText(made.responses[0])).toContain('Endret etter at det ble sendt.');
    // A second point, or the same click again, changes the minutes no further.
    await handleAction(fakeTurn({ member: secretary, data: newPoint('mote-2024-10-8', 'Trygghet på T-banen tas opp med Sporveien') }), deps);
    await handleAction(fakeTurn({ member: secretary, data: newPoint('mote-2024-10-4', 'Byutvikling i Groruddalen') }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.revision).toBe(2);
    await sendMinutes(deps, 2);
    const resent = store.read().deliveries.filter((d) => d.kind === 'minutes' && d.id.includes('|r2|'));
    expect(resent.length).toBeGreaterThan(0);
  });

  it('do not change for a point from an item exempt from disclosure, nor for a point made before they went out', async () => {
    const world = withChats(demoData());
    world.meetings.find((m) => m.id === 'mote-2024-10')!.agenda[4]!.confidential = true;
    const { deps, store } = harness(world);
    await handleAction(fakeTurn({ member: secretary, data: newPoint('mote-2024-10-8', 'Før utsendelsen') }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.revision).toBe(1);
    await sendMinutes(deps, 1);
    await handleAction(fakeTurn({ member: secretary, data: newPoint('mote-2024-10-5', 'Fortrolig oppfølging') }), deps);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 1, sentRevision: 1 });
  });

  it('count as changed when a point they list is postponed, cancelled or opened again after it was, and not when it is done', async () => {
    const { deps, store } = harness(withChats(demoData()));
    await sendMinutes(deps, 1);
    const revision = () => store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.revision;
    const resend = () => sendMinutes(deps, revision());
    const point = () => store.read().followUps.find((p) => p.id === 'op-2024-03')!;
    const act = (data: Record<string, unknown>) => handleAction(fakeTurn({ member: secretary, data: { id: 'op-2024-03', filter: '', page: 1, ...data } }), deps);
    await act({ verb: Verb.FollowUpDone, revision: point().revision });
    expect(revision()).toBe(1);
    await act({ verb: Verb.FollowUpReopen, revision: point().revision });
    expect(revision()).toBe(1);
    await act({ verb: Verb.FollowUpPostponeConfirm, revision: point().revision, dueDate: '2027-03-01' });
    expect(revision()).toBe(2);
    await resend();
    await act({ verb: Verb.FollowUpUpdate, revision: point().revision, 'tekst_op-2024-03': 'Lagt bort.', 'status_op-2024-03': 'avlyst' });
    expect(point().status).toBe('avlyst');
    expect(revision()).toBe(3);
    await resend();
    await act({ verb: Verb.FollowUpReopen, revision: point().revision });
    expect(point().status).toBe('åpen');
    expect(revision()).toBe(4);
  });

  it('count as changed when «Endre» corrects what they show of a point, and not for its description', async () => {
    const { deps, store } = harness(withChats(demoData()));
    await sendMinutes(deps, 1);
    const point = store.read().followUps.find((p) => p.id === 'op-2024-01')!;
    const values = { title: point.title, description: 'Mer om seminaret', focusAreaId: point.focusAreaId, responsible: point.responsible, ownerMemberId: point.ownerMemberId ?? '', due: '', briefing: 'true' };
    const edit = (extra: Record<string, unknown>, revision: number) =>
      handleAction(fakeTurn({ member: secretary, data: { verb: Verb.FollowUpSave, ...values, ...extra, pointId: point.id, revision, requestKey: 'k' } }), deps);
    await edit({}, 0);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes!.revision).toBe(1);
    await edit({ title: 'Byutvikling tas opp igjen i seminaret' }, 1);
    expect(store.read().meetings.find((m) => m.id === 'mote-2024-10')!.minutes).toMatchObject({ revision: 2, sentRevision: 1 });
  });
});

describe('the reminder of minutes not yet sent', () => {
  it('tells the secretary how far the minutes are, with a button to the form, and is dropped once they are sent', async () => {
    const due = new Date('2026-12-13T08:00:00Z');
    const { deps, store } = harness(withChats(demoData()), fixedClock(due.toISOString()));
    await store.update((data) => queueMinutesReminders(data, due, TIMING));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(due.toISOString()) });
    const card = () => composedCard(compose, store.read(), 'minutes-reminder');
    expect(cardProblems(card())).toEqual([]);
    expect(cardText(card())).toBe(
      'Referatet er ikke sendt til rådet ennå\nOrdinært møte torsdag 10. desember 2026 kl. 09.00\nDet er ikke skrevet noe under sakene ennå. Skriv det, og send det til rådet fra skjemaet.\nSkriv referatet',
    );
    const button = (card() as { actions: { data: unknown }[] }).actions[0]!;
    const open = fakeTurn({ member: secretary, data: button.data });
    await handleAction(open, deps);
    expect(cardText(open.responses[0])).toMatch(/^Referat: Ordinært møte\n/);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 0, 'sak_mote-2026-12-1': 'Godkjent.' } }), deps);
    expect(cardText(card())).toContain('Det er skrevet tekst under 1 av 7 saker. Skriv det ferdig, og send det til rådet fra skjemaet.');
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2026-12', revision: 1, send: true } }), deps);
    expect(card()).toBeUndefined();
  });
});

describe('the attendance card', () => {
  it('lists who did not get the agenda, not who missed the minutes or their reminder', async () => {
    const world = withChats(demoData());
    const failed = (kind: 'agenda' | 'minutes' | 'minutes-reminder', memberId: string) =>
      world.deliveries.push({ id: `mote-2024-10|${kind}|x|a:${memberId}`, kind, meetingId: 'mote-2024-10', conversationId: `a:${memberId}`, memberId, status: 'undeliverable', attempts: 1, error: '403', createdAt: NOW });
    failed('agenda', 'tor-lund');
    failed('minutes', 'ola-hansen');
    failed('minutes-reminder', 'kari-nordmann');
    const { deps } = harness(world);
    const turn = fakeTurn({ text: '/oppmøte forrige', member: secretary });
    await handleText(turn, deps);
    const text = cardText(cardOf(turn.replies[0]));
    expect(text).toMatch(/Fikk ikke dagsordenen \(1\)\nTor Lund/);
    expect(text).not.toMatch(/Fikk ikke dagsordenen[\s\S]*Ola Hansen/);
  });
});

describe('/referat for everyone else', () => {
  it('shows the minutes last sent to the council, anywhere, as they were sent', async () => {
    const world = withChats(demoData());
    const held = world.meetings.find((m) => m.id === 'mote-2024-10')!;
    held.agenda[5]!.confidential = true;
    held.minutes = { ...held.minutes!, items: { ...held.minutes!.items, 'mote-2024-10-6': 'Gjengkonflikten i indre øst.' }, sentAt: '2024-10-14T10:00:00Z', sentRevision: 1 };
    const { deps, store } = harness(world);
    const coordinator = memberOf(world, 'aisha-rahman');
    for (const turn of [
      fakeTurn({ text: '/referat', member }),
      fakeTurn({ text: '/referat', member: coordinator }),
      fakeTurn({ text: '/referat oktober 2024', member, kind: 'channel', conversationId: '19:channel@thread.tacv2' }),
      fakeTurn({ text: '/minutes', member: secretary, kind: 'groupChat', conversationId: '19:group@thread.v2' }),
    ]) {
      await handleText(turn, deps);
      const card = cardOf(turn.replies[0]);
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toMatch(/^Sendt til rådet 14\. oktober 2024\.\nReferat: Ordinært møte i Politirådet\n/);
      expect(text).toContain('6. Unntatt offentlighet');
      expect(text).not.toContain('Gjengkonflikten');
    }
    expect(store.writes()).toBe(0);
  });

  it('shows them as they were sent, not changes the secretary has not sent yet: on /referat, in the search and in the messages still to go', async () => {
    const { deps, store } = harness(withChats(demoData()));
    const ITEM = 'sak_mote-2024-10-8';
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 1, send: true, [ITEM]: 'Kvadraturen ble tatt opp.' } }), deps);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 2, [ITEM]: 'Utkast om Vaterland.' } }), deps);
    const read = async (text: string, who = member) => {
      const turn = fakeTurn({ text, member: who });
      await handleText(turn, deps);
      const reply = turn.replies[0];
      return typeof reply === 'string' ? reply : cardText(cardOf(reply));
    };
    const shown = await read('/referat');
    expect(shown).toContain('Kvadraturen ble tatt opp.');
    expect(shown).not.toContain('Vaterland');
    expect(await read('/søk Vaterland')).toMatch(/^Fant ingenting/);
    expect(await read('/søk Kvadraturen')).toContain('Sak 8 · Ordinært møte mandag 7. oktober 2024 kl. 10.00 · fra referatet');
    // The secretary writing them finds what is written, and sees on the form which fields differ from what was sent.
    expect(await read('/søk Vaterland', secretary)).toContain('fra referatet');
    const form = fakeTurn({ text: '/referat', member: secretary });
    await handleText(form, deps);
    expect(cardProblems(form.responses[0])).toEqual([]);
    const formText = cardText(form.responses[0]);
    expect(formText.split('Endret etter at referatet ble sendt. Rådet leser det som ble sendt til endringene sendes.')).toHaveLength(2);
    expect(formText).toContain('Utkast om Vaterland.\nEndret etter at referatet ble sendt.');
    const channel = fakeTurn({ text: '/referat oktober 2024', member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleText(channel, deps);
    expect(cardText(cardOf(channel.replies[0]))).toContain('Kvadraturen ble tatt opp.');
    // A message of the minutes that has not gone yet carries them as sent.
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
    const data = store.read();
    const pending = data.deliveries.find((d) => d.kind === 'minutes' && d.conversationId === 'a:ola')!;
    const content = (compose(pending, data, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(content)).toContain('Kvadraturen ble tatt opp.');
    expect(cardText(content)).not.toContain('Vaterland');
    // Once the changes are sent, they are what everyone reads.
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MinutesSave, meetingId: 'mote-2024-10', revision: 3, send: true } }), deps);
    expect(await read('/referat')).toContain('Utkast om Vaterland.');
    const after = fakeTurn({ text: '/referat', member: secretary });
    await handleText(after, deps);
    expect(cardText(after.responses[0])).not.toContain('Endret etter at referatet ble sendt');
    expect(await read('/søk Kvadraturen')).toMatch(/^Fant ingenting/);
  });

  it('says when the minutes of a meeting have not been sent, and refuses someone the bot does not know', async () => {
    const { deps } = harness();
    const asked = fakeTurn({ text: '/referat mars', member });
    await handleText(asked, deps);
    expect(asked.texts()).toEqual(['Referatet fra Ordinært møte torsdag 11. mars 2027 kl. 09.00 er ikke sendt ut ennå.']);
    const english = fakeTurn({ text: '/minutes', member, lang: 'en' });
    await handleText(english, deps);
    expect(english.texts()).toEqual(['No minutes have been sent out yet.']);
    const stranger = fakeTurn({ text: '/referat' });
    await handleText(stranger, deps);
    expect(stranger.texts()[0]).toMatch(/^Beklager, dette kan bare/);
  });
});

