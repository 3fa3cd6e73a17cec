import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { statusCard } from '../../src/bot/follow-ups/views.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { composer } from '../../src/bot/compose.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { Delivery, FollowUp, Member } from '../../src/domain/schema.js';
import { cardButtons, cardProblems, executeData } from '../helpers/adaptive-cards.js';
import { cardText, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, COORDINATOR_ID, withChats } from '../helpers/builders.js';

const data = demoData();
const secretary = memberOf(data, SECRETARY_ID);
const member = memberOf(data, MEMBER_ID);
const chief = memberOf(data, 'tor-lund');
const observer = memberOf(data, 'marianne-dahl');
const coordinator = memberOf(data, COORDINATOR_ID);
const cardOf = (reply: unknown) => (reply as { card: unknown }).card;
const pointIn = (h: ReturnType<typeof harness>, id: string) => h.store.read().followUps.find((p) => p.id === id)!;

describe('/status', () => {
  it('gives the secretary every open point by focus area, overdue marked, with buttons and counts for all', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/status', member: secretary });
    await handleText(turn, deps);
    const card = cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Alle åpne punkter: 15 · forfalt: 1 · pågår: 0');
    expect(text).toContain('Alle åpne: 15 punkter · side 1 av 2');
    expect(text).toMatch(/Innsatsområde 1: Oslo sentrum for alle[\s\S]*Innsatsområde 2/);
    expect(text).toMatch(/Fullført[\s\S]*Utsett[\s\S]*Legg til oppdatering/);
    expect(text).toMatch(/Neste side[\s\S]*Oppdater[\s\S]*Nytt punkt/);
  });

  it('filters overdue points and marks them', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/status forfalt', member: secretary });
    await handleText(turn, deps);
    const text = cardText(cardOf(turn.replies[0]));
    expect(text).toContain('Forfalte: 1 punkt');
    expect(text).toMatch(/FORFALT[\s\S]*Bydelene gir forebyggingsarbeidet en likere innretning[\s\S]*søndag 1\. november 2026/);
  });

  it('combines filters and names each in the card', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/status forfalt kommunen', member: secretary });
    await handleText(turn, deps);
    expect(cardText(cardOf(turn.replies[0]))).toContain('Forfalte · Ansvarlig Oslo kommune: 1 punkt');
    const none = fakeTurn({ text: '/status forfalt politiet', member: secretary });
    await handleText(none, deps);
    expect(cardText(cardOf(none.replies[0]))).toContain('Forfalte · Ansvarlig Oslo politidistrikt: 0 punkter');
  });

  it('shows a member only their own points, with buttons, and an observer nothing more', async () => {
    const { deps } = harness();
    const asMember = fakeTurn({ text: '/status mine', member });
    await handleText(asMember, deps);
    const text = cardText(cardOf(asMember.replies[0]));
    expect(text).toContain('Dine oppfølgingspunkter');
    expect(text).toContain('Bydelene gir forebyggingsarbeidet');
    expect(text).not.toContain('Oslostandard');
    expect(text).not.toContain('Nytt punkt');
    const asObserver = fakeTurn({ text: '/status', member: observer });
    await handleText(asObserver, deps);
    expect(cardText(cardOf(asObserver.replies[0]))).toContain('Ingen åpne oppfølgingspunkter her.');
  });

  it('shows the chair and deputy chair every open point, with buttons on their own only', async () => {
    const { deps } = harness();
    const asSecretary = fakeTurn({ text: '/status', member: secretary });
    await handleText(asSecretary, deps);
    const counts = cardText(cardOf(asSecretary.replies[0])).split('\n')[1];
    for (const chair of [memberOf(data, 'ingrid-berg'), chief]) {
      const turn = fakeTurn({ text: '/status', member: chair });
      await handleText(turn, deps);
      const card = cardOf(turn.replies[0]);
      const text = cardText(card);
      expect(text.split('\n').slice(0, 2)).toEqual(['Oppfølgingspunkter', counts]);
      expect(text).toContain('Bydelene gir forebyggingsarbeidet');
      expect(text).not.toContain('Du ser punktene du eier.');
      expect(text).not.toContain('Nytt punkt');
      // Buttons only on the politimester's own point; Ola's is his to change.
      const done = cardButtons(card).filter((b) => b.title === 'Fullført').map((b) => b.data['id']);
      expect(done).toEqual(chair === chief ? ['op-2024-02'] : []);
    }
    // They find others' points with /søk too.
    const search = fakeTurn({ text: '/søk Oslostandard', member: memberOf(data, 'ingrid-berg') });
    await handleText(search, deps);
    expect(cardText(cardOf(search.replies[0]))).toContain('Oslostandard');
  });

  it('refuses a coordinator and a stranger, and says what it did not understand in a filter', async () => {
    const { deps } = harness();
    for (const who of [coordinator, undefined]) {
      const turn = fakeTurn({ text: '/status', member: who });
      await handleText(turn, deps);
      expect(turn.texts()[0]).toMatch(/^Beklager, dette kan bare/);
    }
    const odd = fakeTurn({ text: '/status blåbær', member: secretary });
    await handleText(odd, deps);
    expect(odd.texts()[0]).toMatch(/^Jeg finner ikke noe innsatsområde eller noen eier som passer «blåbær»\. .*3 Forebygge kriminalitet blant barn og unge/);
    const several = fakeTurn({ text: '/status visepolitimester', member: secretary });
    await handleText(several, deps);
    expect(several.texts()[0]).toBe(
      '«visepolitimester» passer på flere: Visepolitimester (forebygging), Visepolitimester (etterforskning) eller Visepolitimester (beredskap). ' +
        'Skriv mer av navnet, eller nummeret på innsatsområdet, som /status Visepolitimester (forebygging).',
    );
    const areas = fakeTurn({ text: '/status forfalt kriminalitet', member: secretary });
    await handleText(areas, deps);
    expect(areas.texts()[0]).toMatch(/^«kriminalitet» passer på flere: innsatsområde 3 \(Forebygge kriminalitet blant barn og unge\) eller innsatsområde 5 \(.*\)\. .*som \/status 3\.$/);
  });

  it('hides the title of a point from a confidential item in a channel, but not in personal chat', async () => {
    const h = harness();
    await h.store.update((d) => {
      d.followUps[0]!.source = { meetingId: 'mote-2026-12', itemId: 'mote-2026-12-sit' };
      d.followUps[0]!.history.push({ at: NOW, byMemberId: SECRETARY_ID, text: 'Hemmelig oppdatering' });
    });
    const inChannel = fakeTurn({ text: '/status 1', member: secretary, kind: 'channel' });
    await handleText(inChannel, h.deps);
    const shared = JSON.stringify(cardOf(inChannel.replies[0]));
    expect(shared).toContain('Unntatt offentlighet');
    expect(shared).not.toContain('Opprettholde felles innsats');
    expect(shared).not.toContain('Hemmelig oppdatering');
    const inChat = fakeTurn({ text: '/status 1', member: secretary });
    await handleText(inChat, h.deps);
    expect(JSON.stringify(cardOf(inChat.replies[0]))).toContain('Opprettholde felles innsats');
  });

  it('pages 500 points in cards well under Teams’ size limit, counting all of them on every page', () => {
    const big = demoData();
    big.followUps = Array.from({ length: 500 }, (_, i): FollowUp => ({
      id: `op-2026-${i}`,
      title: `Oppfølgingspunkt nummer ${i} med en ganske lang tittel som ligner de ekte punktene i samarbeidsdokumentet`,
      focusAreaId: `io-2017-${(i % 5) + 1}`,
      responsible: 'begge',
      ownerMemberId: 'ola-hansen',
      briefing: false,
      status: 'åpen',
      dueDate: '2027-02-01',
      history: [{ at: NOW, byMemberId: SECRETARY_ID, text: 'Siste oppdatering: '.padEnd(300, 'x') }],
      revision: 0,
    }));
    for (const page of [1, 25, 50]) {
      const card = statusCard(big, { viewer: secretary, place: { filter: '', page }, lang: 'nb', timeZone: 'Europe/Oslo', now: new Date(NOW), audience: 'personal' });
      const size = Buffer.byteLength(JSON.stringify(card));
      expect(size).toBeLessThan(40_000);
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain(`Alle åpne punkter: 500 · forfalt: 0 · pågår: 0`);
      expect(cardText(card)).toContain(`side ${page} av 50`);
    }
  });
});

describe('the follow-up list for the next meeting\'s papers', () => {
  const openUrls = (card: unknown) => ((card as { actions: { type: string; title: string; url?: string }[] }).actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
  const withLinks = () => {
    const h = harness();
    h.deps.followUpListUrl = (meetingId) => `https://bot.example/oppfolging/${meetingId}/1/signature.docx`;
    return h;
  };

  it('is offered to the secretariat on /status, in their language, for the next meeting', async () => {
    const { deps } = withLinks();
    const turn = fakeTurn({ text: '/status forfalt', member: secretary });
    await handleText(turn, deps);
    expect(cardProblems(cardOf(turn.replies[0]))).toEqual([]);
    expect(openUrls(cardOf(turn.replies[0]))).toEqual([{ type: 'Action.OpenUrl', title: 'Oppfølgingslisten (Word)', url: 'https://bot.example/oppfolging/mote-2026-12/1/signature.docx' }]);
    const english = fakeTurn({ text: '/status', member: secretary, lang: 'en' });
    await handleText(english, deps);
    expect(openUrls(cardOf(english.replies[0])).map((a) => a.title)).toEqual(['Follow-up list (Word)']);
  });

  it('is not offered to members, nor without a public address to link to', async () => {
    const { deps } = withLinks();
    const turn = fakeTurn({ text: '/status', member: chief });
    await handleText(turn, deps);
    expect(openUrls(cardOf(turn.replies[0]))).toEqual([]);
    const bare = harness();
    const none = fakeTurn({ text: '/status', member: secretary });
    await handleText(none, bare.deps);
    expect(openUrls(cardOf(none.replies[0]))).toEqual([]);
  });

  it('comes with the secretariat\'s summary before a meeting', () => {
    const world = withChats(demoData());
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW), followUpListUrl: (meetingId) => `https://bot.example/oppfolging/${meetingId}/1/s.docx` });
    const delivery: Delivery = { id: 'mote-2026-12|followup-summary|auto|a:kari', kind: 'followup-summary', meetingId: 'mote-2026-12', conversationId: 'a:kari', memberId: SECRETARY_ID, status: 'pending', attempts: 0, createdAt: NOW };
    const card = (compose(delivery, world, 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    expect(openUrls(card)).toEqual([{ type: 'Action.OpenUrl', title: 'Oppfølgingslisten (Word)', url: 'https://bot.example/oppfolging/mote-2026-12/1/s.docx' }]);
  });
});

describe('changing a point from the card', () => {
  const done = (id: string, revision = 0) => ({ verb: Verb.FollowUpDone, id, revision, filter: '', page: 1 });

  it('lets the owner mark their point done, and shows the card again without it', async () => {
    const h = harness();
    const turn = fakeTurn({ member, data: done('op-2024-03') });
    await handleAction(turn, h.deps);
    expect(pointIn(h, 'op-2024-03').status).toBe('fullført');
    const text = cardText(turn.responses[0]);
    expect(text).toContain('Punktet er markert som fullført.');
    expect(text).not.toContain('Bydelene gir forebyggingsarbeidet');
  });

  it('refuses someone who does not own the point, and changes nothing', async () => {
    const h = harness();
    const turn = fakeTurn({ member: chief, data: done('op-2024-03') });
    await handleAction(turn, h.deps);
    expect(turn.texts()).toEqual(['Bare den som eier punktet, og sekretariatet, kan endre det. Ingenting er endret.']);
    expect(pointIn(h, 'op-2024-03').status).toBe('åpen');
    expect(h.store.writes()).toBe(0);
  });

  it('tells the second person that the point is already closed, and shows the card as it is now', async () => {
    const h = harness();
    await handleAction(fakeTurn({ member, data: done('op-2024-03') }), h.deps);
    const late = fakeTurn({ member: secretary, data: done('op-2024-03') });
    await handleAction(late, h.deps);
    expect(late.texts()).toEqual(['Punktet er allerede fullført, kanskje av noen andre. Ingenting er endret.']);
    expect(late.responses).toHaveLength(1);
    expect(pointIn(h, 'op-2024-03').history).toHaveLength(2);
  });

  it('refuses an unknown point or a forged card', async () => {
    const h = harness();
    const unknown = fakeTurn({ member: secretary, data: done('op-1999-99') });
    await handleAction(unknown, h.deps);
    expect(unknown.texts()[0]).toMatch(/^Jeg finner ikke det du viser til/);
    const forged = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpDone, id: 'op-2024-03', revision: 'x' } });
    await handleAction(forged, h.deps);
    expect(forged.texts()[0]).toBe('Det du sendte, kunne jeg ikke lese. Ingenting er endret.');
    expect(h.store.writes()).toBe(0);
  });

  it('reads a new deadline in Norwegian, shows it back, and saves it only when confirmed', async () => {
    const h = harness();
    const ask = fakeTurn({ member, data: { verb: Verb.FollowUpPostpone, id: 'op-2024-03', revision: 0, filter: 'mine', page: 1, 'frist_op-2024-03': '15. mars' } });
    await handleAction(ask, h.deps);
    expect(h.store.writes()).toBe(0);
    const confirm = ask.responses[0]!;
    expect(cardText(confirm)).toMatch(/Ny frist[\s\S]*mandag 15\. mars 2027[\s\S]*Du skrev fristen som «15\. mars»/);
    const save = (confirm['actions'] as { data: Record<string, unknown> }[])[0]!.data;
    expect(save).toMatchObject({ verb: Verb.FollowUpPostponeConfirm, id: 'op-2024-03', dueDate: '2027-03-15', filter: 'mine' });
    const confirmed = fakeTurn({ member, data: save });
    await handleAction(confirmed, h.deps);
    expect(pointIn(h, 'op-2024-03').dueDate).toBe('2027-03-15');
    expect(cardText(confirmed.responses[0])).toContain('Den nye fristen er lagret.');
  });

  it.each([
    ['før jul', /onsdag 23\. desember 2026/],
    ['uke 12', /fredag 26\. mars 2027/],
    ['15.3.27', /mandag 15\. mars 2027/],
  ])('shows «%s» back as the day it means before anything is saved', async (typed, shown) => {
    const h = harness();
    const ask = fakeTurn({ member, data: { verb: Verb.FollowUpPostpone, id: 'op-2024-03', revision: 0, 'frist_op-2024-03': typed } });
    await handleAction(ask, h.deps);
    expect(h.store.writes()).toBe(0);
    expect(cardText(ask.responses[0])).toMatch(shown);
  });

  it('keeps the card and what was typed when the new deadline cannot be read', async () => {
    const h = harness();
    const turn = fakeTurn({ member, data: { verb: Verb.FollowUpPostpone, id: 'op-2024-03', revision: 0, 'frist_op-2024-03': 'en gang i vår' } });
    await handleAction(turn, h.deps);
    expect(turn.texts()[0]).toMatch(/^Jeg forstår ikke fristen «en gang i vår»\./);
    expect(turn.responses).toEqual([]);
    expect(h.store.writes()).toBe(0);
  });

  it.each([
    ['31.04.2027', 'Datoen «31.04.2027» finnes ikke: april 2027 har 30 dager. Skriv en annen dato.'],
    ['31. april', 'Datoen «31. april» finnes ikke: april har 30 dager. Skriv en annen dato.'],
    ['29. februar', 'Datoen «29. februar» finnes ikke: februar 2027 har 28 dager. Skriv en annen dato.'],
    ['12.13', 'Datoen «12.13» finnes ikke. Skriv dagen først og så måneden, for eksempel 15.03.2027 eller 15. mars.'],
  ])('says that «%s» is no day in the calendar, keeps the card and writes nothing', async (typed, said) => {
    const h = harness();
    const turn = fakeTurn({ member, data: { verb: Verb.FollowUpPostpone, id: 'op-2024-03', revision: 0, 'frist_op-2024-03': typed } });
    await handleAction(turn, h.deps);
    expect(turn.texts()).toEqual([said]);
    expect(turn.responses).toEqual([]);
    expect(h.store.writes()).toBe(0);
  });

  it('adds an update with a new status, and refuses an over-long one with the limit stated', async () => {
    const h = harness();
    const turn = fakeTurn({ member, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', revision: 0, 'tekst_op-2024-03': 'Bydel Alna og Stovner er med.', 'status_op-2024-03': 'pågår' } });
    await handleAction(turn, h.deps);
    expect(pointIn(h, 'op-2024-03')).toMatchObject({ status: 'pågår' });
    expect(pointIn(h, 'op-2024-03').history.at(-1)).toMatchObject({ byMemberId: MEMBER_ID, text: 'Bydel Alna og Stovner er med.', status: 'pågår' });
    expect(cardText(turn.responses[0])).toMatch(/Bydel Alna og Stovner er med\.[\s\S]*– Ola Hansen, 22\. november 2026/);
    const long = fakeTurn({ member, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', 'tekst_op-2024-03': 'x'.repeat(4001) } });
    await handleAction(long, h.deps);
    expect(long.texts()[0]).toBe('«Hva er nytt?» er for lang (4001 tegn, høyst 4000). Kort den ned; det du skrev, står fortsatt i kortet.');
    expect(pointIn(h, 'op-2024-03').history).toHaveLength(2);
  });
});

describe('correcting a point (secretariat)', () => {
  const edits = (card: unknown) => executeData(card).filter((d) => d['verb'] === Verb.FollowUpEdit);
  const field = (card: unknown, id: string) => (card as { body: { id?: string; value?: string; placeholder?: string }[] }).body.find((e) => e.id === id);
  const openForm = async (h: ReturnType<typeof harness>, id = 'op-2024-03') => {
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpEdit, id, revision: pointIn(h, id).revision, filter: 'forfalt', page: 1 } });
    await handleAction(turn, h.deps);
    return turn.responses[0]!;
  };

  it('offers "Endre" on each point to the secretariat in personal chat only', async () => {
    const { deps } = harness(withChats(demoData()));
    const personal = fakeTurn({ text: '/status forfalt', member: secretary });
    await handleText(personal, deps);
    expect(edits(cardOf(personal.replies[0]))).toEqual([{ verb: Verb.FollowUpEdit, id: 'op-2024-03', revision: 0, filter: 'forfalt', page: 1 }]);
    expect(cardText(cardOf(personal.replies[0]))).toMatch(/Legg til oppdatering[\s\S]*Endre/);
    const channel = fakeTurn({ text: '/status forfalt', member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2' });
    await handleText(channel, deps);
    expect(edits(cardOf(channel.replies[0]))).toEqual([]);
    const own = fakeTurn({ text: '/status mine', member });
    await handleText(own, deps);
    expect(edits(cardOf(own.replies[0]))).toEqual([]);
    const elsewhere = fakeTurn({ member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2', data: { verb: Verb.FollowUpEdit, id: 'op-2024-03', revision: 0 } });
    await handleAction(elsewhere, deps);
    expect(elsewhere.texts()).toEqual(['Oppfølgingspunkter endrer du i personlig chat med boten, ikke her.']);
  });

  it('fills the form with the point, keeps the deadline when the field is left empty, confirms what changes, and saves once', async () => {
    const h = harness();
    const form = await openForm(h);
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Endre oppfølgingspunkt');
    expect(cardText(form)).toContain('Fristen nå: søndag 1. november 2026. La fristfeltet stå tomt for å beholde den, eller skriv «ingen frist» for å ta den bort.');
    expect(field(form, 'title')?.value).toBe('Bydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud');
    expect(field(form, 'ownerMemberId')?.value).toBe('ola-hansen');
    expect(field(form, 'due')).toMatchObject({ value: '', placeholder: 'Tomt: fristen beholdes' });
    const check = executeData(form).find((d) => d['verb'] === Verb.FollowUpCheck)!;
    expect(executeData(form).find((d) => d['verb'] === Verb.StatusShow)).toEqual({ verb: Verb.StatusShow, filter: 'forfalt', page: 1 });

    const values = { title: 'Bydelene gir forebyggingsarbeidet en lik innretning', description: '', focusAreaId: 'io-2017-3', responsible: 'kommunen', ownerMemberId: 'tor-lund', due: '', briefing: 'false' };
    const checked = fakeTurn({ member: secretary, data: { ...check, ...values } });
    await handleAction(checked, h.deps);
    const confirm = checked.responses[0]!;
    expect(cardProblems(confirm)).toEqual([]);
    expect(cardText(confirm)).toMatch(/Lagre endringene\?[\s\S]*Dette endres: tittel og eier\.[\s\S]*Tor Lund[\s\S]*søndag 1\. november 2026/);
    expect(h.store.writes()).toBe(0);

    const save = executeData(confirm).find((d) => d['verb'] === Verb.FollowUpSave)!;
    const first = fakeTurn({ member: secretary, data: save });
    await handleAction(first, h.deps);
    await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    expect(cardText(first.responses[0])).toContain('Endringen er lagret: tittel og eier.');
    expect(cardText(first.responses[0])).toContain('Forfalte: 1 punkt');
    const point = pointIn(h, 'op-2024-03');
    expect(point).toMatchObject({ title: values.title, ownerMemberId: 'tor-lund', dueDate: '2026-11-01', revision: 1 });
    expect(point.history.filter((e) => e.edited)).toHaveLength(1);
  });

  it('takes a new deadline as people write it, and says so when nothing was changed', async () => {
    const h = harness();
    const form = await openForm(h);
    const check = executeData(form).find((d) => d['verb'] === Verb.FollowUpCheck)!;
    const same = { title: field(form, 'title')!.value, description: '', focusAreaId: 'io-2017-3', responsible: 'kommunen', ownerMemberId: 'ola-hansen', due: '', briefing: 'false' };
    const nothing = fakeTurn({ member: secretary, data: { ...check, ...same } });
    await handleAction(nothing, h.deps);
    expect(cardText(nothing.responses[0])).toContain('Du har ikke endret noe ennå.');
    const dated = fakeTurn({ member: secretary, data: { ...check, ...same, due: '15. januar' } });
    await handleAction(dated, h.deps);
    expect(cardText(dated.responses[0])).toMatch(/Dette endres: frist\.[\s\S]*fredag 15\. januar 2027[\s\S]*«15\. januar»/);
    await handleAction(fakeTurn({ member: secretary, data: executeData(dated.responses[0]).find((d) => d['verb'] === Verb.FollowUpSave)! }), h.deps);
    expect(pointIn(h, 'op-2024-03').dueDate).toBe('2027-01-15');
    // «ingen frist» takes the deadline away.
    const again = await openForm(h);
    const none = fakeTurn({ member: secretary, data: { ...executeData(again).find((d) => d['verb'] === Verb.FollowUpCheck)!, ...same, due: 'Ingen frist' } });
    await handleAction(none, h.deps);
    expect(cardText(none.responses[0])).toMatch(/Dette endres: frist\.[\s\S]*Frist\ningen frist/);
    await handleAction(fakeTurn({ member: secretary, data: executeData(none.responses[0]).find((d) => d['verb'] === Verb.FollowUpSave)! }), h.deps);
    expect(pointIn(h, 'op-2024-03')).toMatchObject({ revision: 2 });
    expect(pointIn(h, 'op-2024-03').dueDate).toBeUndefined();
    expect(pointIn(h, 'op-2024-03').history.at(-1)).toMatchObject({ edited: ['due'] });
  });

  it('brings a form made before someone else’s change back with what was typed, to be saved again', async () => {
    const h = harness();
    const form = await openForm(h);
    const check = executeData(form).find((d) => d['verb'] === Verb.FollowUpCheck)!;
    const values = { title: 'Ny tittel', description: '', focusAreaId: 'io-2017-3', responsible: 'kommunen', ownerMemberId: 'ola-hansen', due: '', briefing: 'false' };
    const checked = fakeTurn({ member: secretary, data: { ...check, ...values } });
    await handleAction(checked, h.deps);
    const save = executeData(checked.responses[0]).find((d) => d['verb'] === Verb.FollowUpSave)!;
    await handleAction(fakeTurn({ member, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', 'tekst_op-2024-03': 'Alna er med' } }), h.deps);
    const stale = fakeTurn({ member: secretary, data: save });
    await handleAction(stale, h.deps);
    const again = stale.responses[0]!;
    expect(cardText(again)).toContain('Punktet er endret av noen andre siden skjemaet ble vist.');
    expect(field(again, 'title')?.value).toBe('Ny tittel');
    expect(pointIn(h, 'op-2024-03').title).not.toBe('Ny tittel');
    const recheck = executeData(again).find((d) => d['verb'] === Verb.FollowUpCheck)!;
    expect(recheck).toMatchObject({ pointId: 'op-2024-03', revision: 1 });
    const confirm = fakeTurn({ member: secretary, data: { ...recheck, ...values } });
    await handleAction(confirm, h.deps);
    await handleAction(fakeTurn({ member: secretary, data: executeData(confirm.responses[0]).find((d) => d['verb'] === Verb.FollowUpSave)! }), h.deps);
    expect(pointIn(h, 'op-2024-03')).toMatchObject({ title: 'Ny tittel', revision: 2 });
    expect(pointIn(h, 'op-2024-03').history.map((e) => e.text)).toContain('Alna er med');
  });

  it('says so when the point was closed in the meantime, and shows the points as they are', async () => {
    const h = harness();
    await h.store.update((d) => {
      d.followUps.find((p) => p.id === 'op-2024-03')!.status = 'fullført';
    });
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpEdit, id: 'op-2024-03', revision: 0 } });
    await handleAction(turn, h.deps);
    expect(turn.texts()[0]).toBe('Punktet er allerede fullført, kanskje av noen andre. Ingenting er endret.');
    expect(cardText(turn.responses[0])).toContain('Oppfølgingspunkter');
  });
});

describe('undoing a closing', () => {
  const undoOf = (card: unknown) => executeData(card).find((d) => d['verb'] === Verb.FollowUpReopen);

  it('offers «Angre» on the card that answers «Fullført», which opens the point again as it was, with its briefing item', async () => {
    const h = harness();
    await handleAction(fakeTurn({ member: chief, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-02', 'tekst_op-2024-02': 'Utkastet er klart.', 'status_op-2024-02': 'pågår' } }), h.deps);
    const briefed = () => h.store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.some((i) => i.followUpId === 'op-2024-02');
    expect(briefed()).toBe(true);
    const closed = fakeTurn({ member: chief, data: { verb: Verb.FollowUpDone, id: 'op-2024-02', revision: 1, filter: 'mine', page: 1 } });
    await handleAction(closed, h.deps);
    expect(briefed()).toBe(false);
    const card = closed.responses[0]!;
    expect(cardText(card)).toMatch(/^Punktet er markert som fullført\.[\s\S]*Angre/);
    expect(undoOf(card)).toEqual({ verb: Verb.FollowUpReopen, id: 'op-2024-02', revision: 2, filter: 'mine', page: 1 });
    const undone = fakeTurn({ member: chief, data: undoOf(card) });
    await handleAction(undone, h.deps);
    expect(cardText(undone.responses[0])).toContain('Punktet er åpent igjen.');
    expect(undoOf(undone.responses[0])).toBeUndefined();
    const point = pointIn(h, 'op-2024-02');
    expect(point).toMatchObject({ status: 'pågår', revision: 3 });
    expect(point.closedAt).toBeUndefined();
    expect(point.history.at(-1)).toMatchObject({ byMemberId: 'tor-lund', status: 'pågår' });
    expect(briefed()).toBe(true);
    // A second click changes nothing.
    await handleAction(fakeTurn({ member: chief, data: undoOf(card) }), h.deps);
    expect(pointIn(h, 'op-2024-02').revision).toBe(3);
  });

  it('offers it too when an update closes the point, and refuses it to others and on a card someone has acted on since', async () => {
    const h = harness();
    const update = fakeTurn({ member, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', 'tekst_op-2024-03': 'Ferdig.', 'status_op-2024-03': 'avlyst', filter: 'mine', page: 1 } });
    await handleAction(update, h.deps);
    const undo = undoOf(update.responses[0])!;
    expect(undo).toMatchObject({ id: 'op-2024-03', revision: 1 });
    const other = fakeTurn({ member: chief, data: undo });
    await handleAction(other, h.deps);
    expect(other.texts()[0]).toBe('Bare den som eier punktet, og sekretariatet, kan endre det. Ingenting er endret.');
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', 'tekst_op-2024-03': 'Avlyst etter møtet.' } }), h.deps);
    const stale = fakeTurn({ member, data: undo });
    await handleAction(stale, h.deps);
    expect(stale.texts()[0]).toBe('Punktet er endret av noen andre siden kortet ble vist. Ingenting er endret; her er det oppdaterte kortet.');
    expect(pointIn(h, 'op-2024-03').status).toBe('avlyst');
  });
});

describe('/status lukket', () => {
  it('lists the closed points, the latest closed first, with «Gjenåpne» for those who may change them', async () => {
    const h = harness();
    const close = (id: string, who = secretary) => handleAction(fakeTurn({ member: who, data: { verb: Verb.FollowUpDone, id, revision: pointIn(h, id).revision } }), h.deps);
    await close('op-2024-01');
    h.deps.clock = fixedClock(new Date(Date.parse(NOW) + 3600_000));
    await close('op-2017-01');
    await close('op-2024-03', member);
    const turn = fakeTurn({ text: '/status lukket', member: secretary });
    await handleText(turn, h.deps);
    const card = cardOf(turn.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toMatch(/^Oppfølgingspunkter\nAlle åpne punkter: 12 · forfalt: 0 · pågår: 0\nLukkede: 3 punkter\nInnsatsområde 1: Oslo sentrum for alle\nOpprettholde felles innsats[\s\S]*Lukket\nsøndag 22\. november 2026[\s\S]*Byutvikling og kriminalitetsforebygging[\s\S]*Innsatsområde 3/);
    expect(text).not.toContain('Legg til oppdatering');
    const reopen = executeData(card).filter((d) => d['verb'] === Verb.FollowUpReopen);
    expect(reopen.map((d) => d['id'])).toEqual(['op-2017-01', 'op-2024-01', 'op-2024-03']);
    const again = fakeTurn({ member: secretary, data: reopen[0]! });
    await handleAction(again, h.deps);
    expect(cardText(again.responses[0])).toMatch(/^Punktet er åpent igjen\.[\s\S]*Lukkede: 2 punkter/);
    expect(pointIn(h, 'op-2017-01').status).toBe('åpen');
    // A member sees their own closed points, and those only.
    const own = fakeTurn({ text: '/status lukket', member });
    await handleText(own, h.deps);
    expect(executeData(cardOf(own.replies[0])).filter((d) => d['verb'] === Verb.FollowUpReopen).map((d) => d['id'])).toEqual(['op-2024-03']);
  });
});

describe('a point\'s history', () => {
  const historyButton = (card: unknown, id: string) => JSON.stringify(card).includes(JSON.stringify({ verb: Verb.FollowUpHistory, id, filter: 'mine', page: 1 }));

  it('is offered once more than the point\'s making is written, and lists every update and change, newest first', async () => {
    const h = harness();
    const before = fakeTurn({ text: '/status mine', member });
    await handleText(before, h.deps);
    expect(historyButton(cardOf(before.replies[0]), 'op-2024-03')).toBe(false);
    await handleAction(fakeTurn({ member, data: { verb: Verb.FollowUpUpdate, id: 'op-2024-03', 'tekst_op-2024-03': 'Bydel Alna er med.', 'status_op-2024-03': 'pågår' } }), h.deps);
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.FollowUpPostponeConfirm, id: 'op-2024-03', revision: 1, dueDate: '2027-03-01', filter: '', page: 1 } }), h.deps);
    const after = fakeTurn({ text: '/status mine', member });
    await handleText(after, h.deps);
    expect(historyButton(cardOf(after.replies[0]), 'op-2024-03')).toBe(true);
    const turn = fakeTurn({ member, data: { verb: Verb.FollowUpHistory, id: 'op-2024-03', filter: 'mine', page: 1 } });
    await handleAction(turn, h.deps);
    const card = turn.responses[0]!;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(
      /^Historikk for oppfølgingspunktet\nBydelene gir[\s\S]*22\. november 2026 · Kari Nordmann\nFrist: mandag 1\. mars 2027\n22\. november 2026 · Ola Hansen\nBydel Alna er med\.\nStatus: pågår\n7\. oktober 2024 · Kari Nordmann\n[\s\S]*Opprettet\nTilbake til punktene$/,
    );
    expect(JSON.stringify(card)).toContain(JSON.stringify({ verb: Verb.StatusShow, filter: 'mine', page: 1 }));
  });

  it('is the owner\'s, the secretariat\'s and the chairs\', and a confidential point\'s only in personal chat', async () => {
    const h = harness(withChats(demoData()));
    const other = fakeTurn({ member: memberOf(data, 'byrad-set'), data: { verb: Verb.FollowUpHistory, id: 'op-2024-03' } });
    await handleAction(other, h.deps);
    expect(other.texts()).toEqual(['Du ser historikken for dine egne oppfølgingspunkter. Sekretariatet, lederen og nestlederen ser alle.']);
    // The politimester, as deputy chair, reads it.
    const deputy = fakeTurn({ member: chief, data: { verb: Verb.FollowUpHistory, id: 'op-2024-03' } });
    await handleAction(deputy, h.deps);
    expect(cardText(deputy.responses[0])).toContain('Bydelene gir forebyggingsarbeidet');
    await h.store.update((d) => {
      d.meetings.find((m) => m.id === 'mote-2024-10')!.agenda.find((i) => i.id === 'mote-2024-10-5')!.confidential = true;
    });
    const shared = fakeTurn({ member: secretary, kind: 'channel', conversationId: '19:channel@thread.tacv2', data: { verb: Verb.FollowUpHistory, id: 'op-2024-03' } });
    await handleAction(shared, h.deps);
    expect(shared.texts()).toEqual(['Historikken for dette punktet ser du i personlig chat med boten, ikke her.']);
    const own = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpHistory, id: 'op-2024-03' } });
    await handleAction(own, h.deps);
    expect(cardText(own.responses[0])).toContain('Bydelene gir forebyggingsarbeidet');
  });
});

describe('telling a new owner', () => {
  const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
  const assigned = (h: ReturnType<typeof harness>) => h.store.read().deliveries.filter((d) => d.kind === 'followup-assigned');
  const saveNew = async (h: ReturnType<typeof harness>, ownerMemberId: string, title: string) => {
    const values = { title, description: '', focusAreaId: 'io-2017-1', responsible: 'begge', ownerMemberId, due: '15.03.2027', briefing: 'false' };
    const check = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, ...values } });
    await handleAction(check, h.deps);
    // Each check is its own activity in Teams; the fake turns share one id.
    const save = { ...(check.responses[0]!['actions'] as { data: Record<string, unknown> }[])[0]!.data, requestKey: `check-${title}` };
    await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    return h.store.read().followUps.find((p) => p.title === title)!;
  };

  it('tells the owner of a new point in personal chat who made them owner, once, and not a secretary who made themself owner', async () => {
    const h = harness(withChats(demoData()));
    const made = await saveNew(h, MEMBER_ID, 'Trygghetsvandring på Tøyen');
    expect(assigned(h).map((d) => [d.followUpId, d.conversationId, d.memberId, d.note])).toEqual([[made.id, 'a:ola', MEMBER_ID, SECRETARY_ID]]);
    const out = compose(assigned(h)[0]!, h.store.read(), 'send')!;
    const card = (out.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Kari Nordmann har gjort deg til eier av dette oppfølgingspunktet. Fristen er mandag 15. mars 2027.');
    expect(cardText(card)).toMatch(/Trygghetsvandring på Tøyen[\s\S]*Legg til oppdatering/);
    expect((await saveNew(h, SECRETARY_ID, 'Referatet sendes bydelene')).ownerMemberId).toBe(SECRETARY_ID);
    expect(assigned(h)).toHaveLength(1);
  });

  it('tells the new owner when the secretariat changes a point’s owner, and no one once the point has passed on again', async () => {
    const h = harness(withChats(demoData()));
    const change = async (id: string, ownerMemberId: string) => {
      const p = pointIn(h, id);
      const values = { title: p.title, description: p.description ?? '', focusAreaId: p.focusAreaId, responsible: p.responsible, ownerMemberId, due: '', briefing: p.briefing ? 'true' : 'false' };
      const check = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, pointId: id, revision: p.revision, ...values } });
      await handleAction(check, h.deps);
      const save = (check.responses[0]!['actions'] as { data: Record<string, unknown> }[])[0]!.data;
      await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    };
    await change('op-2024-02', MEMBER_ID); // from Tor Lund to Ola Hansen, who has a chat
    expect(assigned(h).map((d) => [d.followUpId, d.conversationId])).toEqual([['op-2024-02', 'a:ola']]);
    await change('op-2024-02', 'tor-lund'); // Tor Lund has not opened the bot: nothing to send
    expect(assigned(h)).toHaveLength(1);
    expect(compose(assigned(h)[0]!, h.store.read(), 'send')).toBeUndefined();
  });
});

describe('telling an owner their deadline moved', () => {
  const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
  const rescheduled = (h: ReturnType<typeof harness>) => h.store.read().deliveries.filter((d) => d.kind === 'followup-rescheduled');
  const postpone = (h: ReturnType<typeof harness>, who: Member, dueDate: string) =>
    handleAction(fakeTurn({ member: who, data: { verb: Verb.FollowUpPostponeConfirm, id: 'op-2024-03', revision: pointIn(h, 'op-2024-03').revision, dueDate, filter: '', page: 1 } }), h.deps);

  it('tells the owner when the secretariat postpones their point, once while a notice waits, and not when they postpone it themself', async () => {
    const h = harness(withChats(demoData()));
    await postpone(h, secretary, '2027-03-01');
    expect(rescheduled(h).map((d) => [d.followUpId, d.conversationId, d.memberId, d.note])).toEqual([['op-2024-03', 'a:ola', MEMBER_ID, SECRETARY_ID]]);
    await postpone(h, secretary, '2027-04-01');
    expect(rescheduled(h)).toHaveLength(1);
    // Made when it goes: the deadline as it is then.
    const card = (compose(rescheduled(h)[0]!, h.store.read(), 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/^Kari Nordmann har endret fristen for oppfølgingspunktet ditt\. Ny frist: torsdag 1\. april 2027\.\n/);
    const own = harness(withChats(demoData()));
    await postpone(own, memberOf(own.store.read(), MEMBER_ID), '2027-03-01');
    expect(rescheduled(own)).toEqual([]);
  });

  it('tells the owner when «Endre» changes the deadline or the meeting it was due by is cancelled', async () => {
    const h = harness(withChats(demoData()));
    const p = pointIn(h, 'op-2024-03');
    const values = { title: p.title, description: p.description ?? '', focusAreaId: p.focusAreaId, responsible: p.responsible, ownerMemberId: MEMBER_ID, due: 'ingen frist', briefing: 'false' };
    const check = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, pointId: p.id, revision: p.revision, ...values } });
    await handleAction(check, h.deps);
    await handleAction(fakeTurn({ member: secretary, data: (check.responses[0]!['actions'] as { data: Record<string, unknown> }[])[0]!.data }), h.deps);
    const card = (compose(rescheduled(h)[0]!, h.store.read(), 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(card)).toMatch(/^Kari Nordmann har tatt bort fristen for oppfølgingspunktet ditt\.\n/);

    // Ola owns a point due by the seminar; cancelling it moves the deadline, and he is told.
    const world = withChats(demoData());
    world.followUps.find((x) => x.id === 'op-2024-01')!.ownerMemberId = MEMBER_ID;
    const c = harness(world);
    const seminar = c.store.read().meetings.find((m) => m.id === 'seminar-2027')!;
    await handleAction(fakeTurn({ member: secretary, data: { verb: Verb.MeetingCancel, meetingId: seminar.id, revision: seminar.revision } }), c.deps);
    const moved = rescheduled(c)[0]!;
    expect(moved).toMatchObject({ followUpId: 'op-2024-01', memberId: MEMBER_ID });
    const movedCard = (compose(moved, c.store.read(), 'send')!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
    expect(cardText(movedCard)).toMatch(/^Kari Nordmann har endret fristen for oppfølgingspunktet ditt\. Ny frist: innen møtet torsdag 9\. desember 2027\.\n/);
  });
});

describe('telling a former owner', () => {
  const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
  const notices = (h: ReturnType<typeof harness>) => h.store.read().deliveries.filter((d) => d.kind === 'followup-assigned' || d.kind === 'followup-unassigned').map((d) => `${d.kind} ${d.memberId}`);
  const cardIn = (out: ReturnType<typeof compose>) => (out!.activity as { attachments: { content: unknown }[] }).attachments[0]!.content;
  function council() {
    const data = withChats(demoData());
    data.conversations.push({ ...data.conversations.find((c) => c.id === 'a:ola')!, id: 'a:tor', memberId: 'tor-lund' });
    return harness(data);
  }
  const change = async (h: ReturnType<typeof harness>, ownerMemberId: string) => {
    const p = pointIn(h, 'op-2024-03');
    const values = { title: p.title, description: p.description ?? '', focusAreaId: p.focusAreaId, responsible: p.responsible, ownerMemberId, due: '', briefing: p.briefing ? 'true' : 'false' };
    const check = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, pointId: p.id, revision: p.revision, ...values } });
    await handleAction(check, h.deps);
    const save = (check.responses[0]!['actions'] as { data: Record<string, unknown> }[])[0]!.data;
    await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    expect(pointIn(h, 'op-2024-03').ownerMemberId).toBe(ownerMemberId || undefined);
  };
  const sendAll = (h: ReturnType<typeof harness>) =>
    h.store.update((draft) => {
      for (const d of draft.deliveries) d.status = 'sent';
    });

  it('tells the former owner who passed the point on and to whom, and the first owner again when it comes back', async () => {
    const h = council();
    await change(h, 'tor-lund');
    expect(notices(h)).toEqual(['followup-assigned tor-lund', 'followup-unassigned ola-hansen']);
    const told = h.store.read().deliveries.find((d) => d.kind === 'followup-unassigned')!;
    expect(told).toMatchObject({ conversationId: 'a:ola', note: SECRETARY_ID });
    const card = cardIn(compose(told, h.store.read(), 'send'));
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toBe(
      'Kari Nordmann har gitt dette oppfølgingspunktet videre til Tor Lund.\nBydelene gir forebyggingsarbeidet en likere innretning, etter modell fra Bydel Grorud\nDu er ikke lenger eier og får ingen påminnelser om det. Det du har skrevet om punktet, står i historikken.\nDine punkter',
    );
    await sendAll(h);
    // Given back: the first owner is told again that it is theirs, the second that it passed on.
    await change(h, MEMBER_ID);
    expect(notices(h).slice(2)).toEqual(['followup-assigned ola-hansen', 'followup-unassigned tor-lund']);
    await sendAll(h);
    await change(h, '');
    const off = h.store.read().deliveries.at(-1)!;
    expect(`${off.kind} ${off.memberId}`).toBe('followup-unassigned ola-hansen');
    expect(cardText(cardIn(compose(off, h.store.read(), 'send')))).toMatch(/^Kari Nordmann har tatt deg av dette oppfølgingspunktet\. Det har ingen eier nå\./);
  });

  it('keeps the title of a point from a confidential item from a former owner no longer on the council', async () => {
    const h = council();
    await h.store.update((draft) => {
      draft.followUps.find((p) => p.id === 'op-2024-03')!.source = { meetingId: 'mote-2026-12', itemId: 'mote-2026-12-sit' };
    });
    await change(h, 'tor-lund');
    const told = h.store.read().deliveries.find((d) => d.kind === 'followup-unassigned')!;
    expect(cardText(cardIn(compose(told, h.store.read(), 'send')))).toContain('Bydelene gir forebyggingsarbeidet');
    await h.store.update((draft) => {
      draft.members.find((m) => m.id === MEMBER_ID)!.roles = [];
    });
    const text = cardText(cardIn(compose(told, h.store.read(), 'send')));
    expect(text).toContain('Unntatt offentlighet');
    expect(text).not.toContain('Bydelene gir forebyggingsarbeidet');
  });

  it('sends nothing twice while a notice waits, and nothing at all for a point passed on and back before anything went', async () => {
    const h = council();
    await change(h, 'tor-lund');
    await change(h, MEMBER_ID);
    // Each already has a notice waiting, made when it goes: neither holds now, so nothing is sent.
    expect(notices(h)).toEqual(['followup-assigned tor-lund', 'followup-unassigned ola-hansen']);
    for (const d of h.store.read().deliveries.filter((x) => x.followUpId === 'op-2024-03')) expect(compose(d, h.store.read(), 'send')).toBeUndefined();
    // Passed on once more: the waiting notices hold again and go.
    await change(h, 'tor-lund');
    expect(notices(h)).toHaveLength(2);
    for (const d of h.store.read().deliveries.filter((x) => x.followUpId === 'op-2024-03')) expect(compose(d, h.store.read(), 'send')).toBeDefined();
  });
});

describe('making a point', () => {
  const form = { title: 'Felles tiltaksplan for Grønland', description: '', focusAreaId: 'io-2017-1', responsible: 'medlem', ownerMemberId: 'tor-lund', due: 'innen neste møte', briefing: 'true' };

  it('opens the form from /oppfølging, with the title given and a deadline written after it', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ text: '/oppfølging Trygghet på Grønland', member: secretary });
    await handleText(turn, deps);
    const card = cardOf(turn.replies[0]) as { body: { id?: string; value?: string }[] };
    expect(cardProblems(card)).toEqual([]);
    expect(card.body.find((e) => e.id === 'title')?.value).toBe('Trygghet på Grønland');
    expect(card.body.find((e) => e.id === 'due')?.value).toBe('');
    const dated = fakeTurn({ text: '/oppfølging Send referatet til bydelene frist 15. januar', member: secretary });
    await handleText(dated, deps);
    const filled = cardOf(dated.replies[0]) as { body: { id?: string; value?: string }[] };
    expect(filled.body.find((e) => e.id === 'title')?.value).toBe('Send referatet til bydelene');
    expect(filled.body.find((e) => e.id === 'due')?.value).toBe('15. januar');
    const refused = fakeTurn({ text: '/oppfølging', member });
    await handleText(refused, deps);
    expect(refused.texts()[0]).toMatch(/^Beklager, dette kan bare sekretariatet/);
  });

  it('opens the form from an agenda item, linked to it', async () => {
    const { deps } = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpForm, meetingId: 'mote-2026-12', itemId: 'mote-2026-12-4' } });
    await handleAction(turn, deps);
    const card = turn.responses[0]!;
    expect(cardText(card)).toContain('Fra sak 4 på dagsordenen for 10. desember 2026.');
    expect(JSON.stringify(card)).toContain('Kriminalitetsforebygging på nett – status i bydelene');
    expect((card['actions'] as { data: Record<string, unknown> }[])[0]!.data).toMatchObject({ verb: Verb.FollowUpCheck, meetingId: 'mote-2026-12', itemId: 'mote-2026-12-4' });
  });

  it('shows back what it understood, and saves once however often "Lagre" comes', async () => {
    const h = harness();
    const check = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, ...form } });
    await handleAction(check, h.deps);
    expect(h.store.writes()).toBe(0);
    const confirm = check.responses[0]!;
    expect(cardProblems(confirm)).toEqual([]);
    expect(cardText(confirm)).toMatch(/Stemmer dette\?[\s\S]*Eieren personlig[\s\S]*Tor Lund[\s\S]*innen møtet torsdag 10\. desember 2026[\s\S]*ja, i møtet torsdag 10\. desember 2026/);
    const save = (confirm['actions'] as { data: Record<string, unknown> }[])[0]!.data;
    for (let i = 0; i < 2; i++) await handleAction(fakeTurn({ member: secretary, data: save }), h.deps);
    const made = h.store.read().followUps.filter((p) => p.title === form.title);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ ownerMemberId: 'tor-lund', dueMeetingId: 'mote-2026-12', briefing: true, responsible: 'medlem' });
    expect(h.store.read().meetings.find((m) => m.id === 'mote-2026-12')!.agenda.some((i) => i.followUpId === made[0]!.id)).toBe(true);
  });

  it('brings the form back with everything typed and the problem stated', async () => {
    const h = harness();
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpCheck, ...form, due: 'en eller annen gang' } });
    await handleAction(turn, h.deps);
    const card = turn.responses[0] as { body: { id?: string; value?: string; text?: string }[] };
    expect(card.body.find((e) => e.id === 'due')?.value).toBe('en eller annen gang');
    expect(card.body.find((e) => e.id === 'title')?.value).toBe(form.title);
    expect(cardText(card)).toContain('Jeg forstår ikke fristen «en eller annen gang».');
    expect(h.store.writes()).toBe(0);
  });

  it('imports the seed’s points that are missing, once', async () => {
    const h = harness();
    await h.store.update((d) => {
      d.followUps = d.followUps.slice(3);
    });
    h.deps.seedFollowUps = () => demoData();
    const status = fakeTurn({ text: '/status', member: secretary });
    await handleText(status, h.deps);
    expect(cardText(cardOf(status.replies[0]))).toContain('Hent 3 punkter fra samarbeidsdokumentet');
    const turn = fakeTurn({ member: secretary, data: { verb: Verb.FollowUpImport } });
    await handleAction(turn, h.deps);
    expect(cardText(turn.responses[0])).toContain('3 punkter er hentet fra samarbeidsdokumentet.');
    expect(h.store.read().followUps).toHaveLength(15);
  });
});
