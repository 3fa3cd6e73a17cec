import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { formQuestions } from '../../src/domain/salto-form.js';
import { answerReport, changeDeadline, openRound, queueRoundMissingReminders, queueRoundSummaries, startReport, submitReport } from '../../src/domain/salto-rounds.js';
import { tabOverview, type OverviewContext } from '../../src/tab/overview.js';
import type { Data } from '../../src/domain/schema.js';
import { fixedClock } from '../../src/domain/clock.js';
import { composer } from '../../src/bot/compose.js';
import { cardButtons, cardProblems, inputValues } from '../helpers/adaptive-cards.js';
import { cardText, composedCard, COORDINATOR_ID, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, TIMING, withChats } from '../helpers/builders.js';

const ROUND = 'runde-mote-2027-03';
const REPORT = `${ROUND}|bydel-grorud`;
const cardOf = (reply: unknown) => (reply as { card: unknown }).card;

/** The March round open (deadline 25 February 2027), with the coordinators' chats known. */
function withRound(): Data {
  const data = withChats(demoData());
  openRound(data, 'mote-2027-03', undefined, SECRETARY_ID, new Date(NOW), 'Europe/Oslo');
  return data;
}

describe('SaLTo verbs with fake turns', () => {
  const data = withRound();
  const coordinator = memberOf(data, COORDINATOR_ID);
  const colleague = memberOf(data, 'salto-sentrum');
  const secretary = memberOf(data, SECRETARY_ID);
  const member = memberOf(data, MEMBER_ID);

  it('starts the report at its first question on /rapport, and a status button answers it', async () => {
    const h = harness(withRound());
    const start = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(start, h.deps);
    const question = cardOf(start.replies[0]);
    expect(cardProblems(question)).toEqual([]);
    expect(cardText(question)).toMatch(/Bydel Grorud · spørsmål 1 av 18[\s\S]*På sporet[\s\S]*Noen utfordringer[\s\S]*Alvorlige utfordringer/);
    const click = fakeTurn({ member: coordinator, data: { verb: Verb.ReportAnswer, reportId: REPORT, at: 'salto-2023-1.status', value: 'noen utfordringer' } });
    await handleAction(click, h.deps);
    expect(cardText(click.responses[0])).toContain('spørsmål 2 av 18');
    expect(h.store.read().saltoReports[0]!.answers).toEqual({ 'salto-2023-1.status': 'noen utfordringer' });
  });

  it('offers «Behold svaret» on a question gone back to, which goes on with the answer as it was', async () => {
    const h = harness(withRound());
    await handleText(fakeTurn({ text: '/rapport', member: coordinator }), h.deps);
    await handleText(fakeTurn({ text: '2', member: coordinator }), h.deps);
    const fresh = fakeTurn({ text: 'Vi har startet nettpatruljer.', member: coordinator });
    await handleText(fresh, h.deps);
    // A question not yet answered has no such button.
    expect(cardText(cardOf(fresh.replies[0]))).not.toContain('Behold svaret');
    const back = fakeTurn({ text: 'tilbake', member: coordinator });
    await handleText(back, h.deps);
    const card = cardOf(back.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/spørsmål 2 av 18[\s\S]*Svaret ditt nå: Vi har startet nettpatruljer\.\nSvar på nytt for å endre svaret, eller skriv «videre» for å beholde det\./);
    const keep = (card as { actions: { title: string; data: { verb: string } & Record<string, unknown> }[] }).actions[0]!;
    expect(keep.title).toBe('Behold svaret');
    const click = fakeTurn({ member: coordinator, data: keep.data });
    await handleAction(click, h.deps);
    expect(cardText(click.responses[0])).toContain('spørsmål 3 av 18');
    expect(h.store.read().saltoReports[0]!.answers['salto-2023-1.gjort']).toBe('Vi har startet nettpatruljer.');
    // The same click again is an old card: refused, and the form stays where it is.
    const again = fakeTurn({ member: coordinator, data: keep.data });
    await handleAction(again, h.deps);
    expect(cardText(again.responses[0])).toContain('spørsmål 3 av 18');
  });

  it('refuses an old button for a question already answered, and shows where the form is', async () => {
    const h = harness(withRound());
    await handleText(fakeTurn({ text: '/rapport', member: coordinator }), h.deps);
    const answer = { verb: Verb.ReportAnswer, reportId: REPORT, at: 'salto-2023-1.status', value: 'på sporet' };
    await handleAction(fakeTurn({ member: coordinator, data: answer }), h.deps);
    const again = fakeTurn({ member: coordinator, data: { ...answer, value: 'alvorlige utfordringer' } });
    await handleAction(again, h.deps);
    expect(again.texts()[0]).toBe('Det spørsmålet er allerede besvart. Her er der du er nå.');
    expect(cardText(again.responses[0])).toContain('spørsmål 2 av 18');
    expect(h.store.read().saltoReports[0]!.answers['salto-2023-1.status']).toBe('på sporet');
  });

  it("refuses another unit's coordinator, a council member and a stranger on every report verb, with no write", async () => {
    const h = harness(withRound());
    await handleText(fakeTurn({ text: '/rapport', member: coordinator }), h.deps);
    const writes = h.store.writes();
    const verbs = [
      { verb: Verb.ReportStart, roundId: ROUND, unitId: 'bydel-grorud' },
      { verb: Verb.ReportAnswer, reportId: REPORT, at: 'salto-2023-1.status', value: '1' },
      { verb: Verb.ReportSkip, reportId: REPORT, at: 'salto-2023-1.status' },
      { verb: Verb.ReportKeep, reportId: REPORT, at: 'salto-2023-1.status' },
      { verb: Verb.ReportEdit, reportId: REPORT, question: 'salto-2023-1.status' },
      { verb: Verb.ReportSubmit, reportId: REPORT },
    ];
    for (const verb of verbs) {
      const other = fakeTurn({ member: colleague, data: verb });
      await handleAction(other, h.deps);
      expect(other.texts()[0]).toBe('Du kan bare se og endre rapporten for din egen enhet. Ingenting er endret.');
      for (const who of [member, undefined]) {
        const turn = fakeTurn({ member: who, data: verb });
        await handleAction(turn, h.deps);
        expect(turn.texts()[0]).toMatch(/^Beklager, dette kan bare/);
      }
    }
    expect(h.store.writes()).toBe(writes);
  });

  it("names each unit's coordinators once in the round overview, noting those the bot cannot write to yet", async () => {
    // Aisha's chat is known; Sentrum's coordinator has not opened the bot.
    const data = withRound();
    data.conversations = data.conversations.filter((c) => c.memberId !== 'salto-sentrum');
    const h = harness(data);
    const overview = fakeTurn({ text: '/rapporter', member: secretary });
    await handleText(overview, h.deps);
    const text = cardText(cardOf(overview.replies[0]));
    expect(text).toMatch(/Bydel Grorud\nAisha Rahman\n/);
    expect(text).toMatch(/Sentrum \(Uteseksjonen, Velferdsetaten\)\nSaLTo-koordinator Sentrum \(har ikke åpnet boten\)\n/);
    expect(text).not.toMatch(/Sentrum · SaLTo-koordinator Sentrum/);
  });

  it('lets only the secretariat see the round, unlock a unit after the deadline, and read the compiled card', async () => {
    const afterDeadline = fixedClock('2027-02-26T09:00:00Z');
    const h = harness(withRound(), afterDeadline);
    const locked = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(locked, h.deps);
    expect(locked.texts()[0]).toBe('Fristen (torsdag 25. februar 2027) er ute, så rapporten er låst. Be sekretariatet låse den opp om du må endre noe.');

    for (const who of [coordinator, member]) {
      const turn = fakeTurn({ text: '/rapporter', member: who });
      await handleText(turn, h.deps);
      expect(turn.texts()[0]).toMatch(/^Beklager, dette kan bare/);
    }
    const overview = fakeTurn({ text: '/rapporter', member: secretary });
    await handleText(overview, h.deps);
    expect(cardProblems(cardOf(overview.replies[0]))).toEqual([]);
    expect(cardText(cardOf(overview.replies[0]))).toMatch(/Bydel Grorud[\s\S]*låst etter fristen[\s\S]*Lås opp/);

    // An older round is named by its meeting's date or month; a meeting without one says so.
    const byMonth = fakeTurn({ text: '/rapporter mars', member: secretary });
    await handleText(byMonth, h.deps);
    expect(cardText(cardOf(byMonth.replies[0]))).toContain('SaLTo-rapportering til møtet');
    const without = fakeTurn({ text: '/rapporter 10. desember', member: secretary });
    await handleText(without, h.deps);
    expect(without.texts()[0]).toBe('Møtet 10. desember 2026 har ingen rapportrunde.');
    const nothing = fakeTurn({ text: '/rapporter i fjor', member: secretary });
    await handleText(nothing, h.deps);
    expect(nothing.texts()[0]).toMatch(/^Jeg finner ikke noe møte som passer «i fjor»/);

    const unlock = fakeTurn({ member: secretary, data: { verb: Verb.ReportUnlock, roundId: ROUND, unitId: 'bydel-grorud' } });
    await handleAction(unlock, h.deps);
    expect(cardText(unlock.responses[0])).toContain('Bydel Grorud kan nå endre rapporten sin og levere den på nytt.');
    const reopened = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(reopened, h.deps);
    expect(cardText(cardOf(reopened.replies[0]))).toContain('Bydel Grorud · spørsmål 1 av 18');

    const compiled = fakeTurn({ member: secretary, data: { verb: Verb.ReportCompiled, roundId: ROUND } });
    await handleAction(compiled, h.deps);
    expect(cardProblems(compiled.responses[0])).toEqual([]);
    expect(cardText(compiled.responses[0])).toContain('Samlet rapport fra lokale og regionale SaLTo-handlingsplaner');
  });
});

describe('moving a round\'s deadline', () => {
  const secretary = memberOf(withRound(), SECRETARY_ID);
  const coordinator = memberOf(withRound(), COORDINATOR_ID);
  const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(NOW) });
  const shown = (data: Data, id: string) => {
    const delivery = data.deliveries.find((d) => d.id === id)!;
    const activity = compose(delivery, data, 'send')?.activity as { attachments: { content: unknown }[] } | undefined;
    return activity && activity.attachments[0]!.content;
  };

  it('moves it from the round overview, tells the coordinators still writing, and opens a locked report again', async () => {
    const afterDeadline = fixedClock('2027-02-26T09:00:00Z');
    const h = harness(withRound(), afterDeadline);
    const overview = fakeTurn({ text: '/rapporter', member: secretary });
    await handleText(overview, h.deps);
    const card = cardOf(overview.replies[0]);
    expect(cardProblems(card)).toEqual([]);
    expect(inputValues(card)['deadline']).toBe('2027-02-25');
    const save = cardButtons(card).find((b) => b.title === 'Lagre fristen')!;
    expect(save.data).toEqual({ verb: Verb.RoundDeadline, roundId: ROUND });

    for (const [deadline, problem] of [
      ['2027-02-20', 'Den fristen har allerede vært. Velg i dag eller en senere dato.'],
      ['2027-03-12', 'Fristen må være senest på møtedagen.'],
    ]) {
      const refused = fakeTurn({ member: secretary, data: { ...save.data, deadline } });
      await handleAction(refused, h.deps);
      expect(refused.texts()).toEqual([problem]);
      expect(cardText(refused.responses[0])).toContain('Frist: torsdag 25. februar 2027');
    }
    expect(h.store.writes()).toBe(0);

    const moved = fakeTurn({ member: secretary, data: { ...save.data, deadline: '2027-03-04' } });
    await handleAction(moved, h.deps);
    const after = cardText(moved.responses[0]);
    expect(after).toMatch(/^Fristen er endret til torsdag 4\. mars 2027\. 1 koordinator får beskjed\.\nSaLTo-rapportering til møtet torsdag 11\. mars 2027\nFrist: torsdag 4\. mars 2027\n/);
    expect(after).not.toContain('låst etter fristen');
    expect(h.kicks()).toBe(1);
    const notice = shown(h.store.read(), `round:${ROUND}|salto-deadline-moved|frist-2027-03-04|a:aisha`);
    expect(cardProblems(notice)).toEqual([]);
    expect(cardText(notice)).toMatch(/^Fristen for SaLTo-rapporten er endret til torsdag 4\. mars 2027\.\nRapportering til Politirådets møte torsdag 11\. mars 2027\n.*Frist: torsdag 4\. mars 2027\./);
    expect(cardButtons(notice).map((b) => b.title)).toEqual(['Start rapporten for Bydel Grorud']);
    const reopened = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(reopened, h.deps);
    expect(cardText(cardOf(reopened.replies[0]))).toContain('Bydel Grorud · spørsmål 1 av 18');

    // The same deadline again changes nothing; a notice overtaken by a later move is not sent.
    const same = fakeTurn({ member: secretary, data: { ...save.data, deadline: '2027-03-04' } });
    await handleAction(same, h.deps);
    expect(cardText(same.responses[0])).toMatch(/^Fristen er den samme som før, så ingenting er endret\./);
    await handleAction(fakeTurn({ member: secretary, data: { ...save.data, deadline: '2027-03-05' } }), h.deps);
    expect(shown(h.store.read(), `round:${ROUND}|salto-deadline-moved|frist-2027-03-04|a:aisha`)).toBeUndefined();
    expect(cardText(shown(h.store.read(), `round:${ROUND}|salto-deadline-moved|frist-2027-03-05|a:aisha`))).toContain('endret til fredag 5. mars 2027');
  });

  it('offers no deadline form once the meeting has begun, and refuses one sent anyway', async () => {
    const h = harness(withRound(), fixedClock('2027-03-11T09:00:00Z'));
    const overview = fakeTurn({ text: '/rapporter', member: secretary });
    await handleText(overview, h.deps);
    expect(cardButtons(cardOf(overview.replies[0])).map((b) => b.title)).not.toContain('Lagre fristen');
    const late = fakeTurn({ member: secretary, data: { verb: Verb.RoundDeadline, roundId: ROUND, deadline: '2027-03-11' } });
    await handleAction(late, h.deps);
    expect(late.texts()).toEqual(['Møtet er avlyst, avholdt eller har startet, så dette kan ikke lenger endres.']);
    expect(h.store.writes()).toBe(0);
  });
});

describe("the coordinator's report in the personal tab", () => {
  const TZ = 'Europe/Oslo';
  const now = new Date(NOW);
  const ctx: OverviewContext = { now, timeZone: TZ, lang: 'nb', reportUrl: () => undefined };
  const reportsOf = (data: Data, memberId = COORDINATOR_ID, at = ctx) => tabOverview(data, memberOf(data, memberId), at).reports;
  const headline = (data: Data, memberId = COORDINATOR_ID, at = ctx) => cardText(reportsOf(data, memberId, at)!.items[0]!.card).split('\n')[0];
  const say = (data: Data, text: string) => answerReport(data, REPORT, memberOf(data, COORDINATOR_ID), { kind: 'answer', text }, undefined, now, TZ);

  it('says where the report stands and what to do, from not started to handed in and locked', () => {
    const data = demoData();
    expect(reportsOf(data)).toMatchObject({ heading: 'Din SaLTo-rapport', items: [] });
    expect(reportsOf(data)!.empty).toMatch(/^Ingen rapportrunde er åpen for enheten din nå/);
    expect(reportsOf(data, MEMBER_ID)).toBeUndefined();
    expect(tabOverview(data, memberOf(data, SECRETARY_ID), ctx).reports).toBeUndefined();

    openRound(data, 'mote-2027-03', undefined, SECRETARY_ID, now, TZ);
    expect(reportsOf(data)!.items).toMatchObject([{ roundId: ROUND, unitId: 'bydel-grorud', name: 'Bydel Grorud', state: 'ikke startet', deadline: '2027-02-25' }]);
    expect(headline(data)).toBe('Ikke startet. Fristen er torsdag 25. februar 2027. Skriv /rapport i chatten med boten for å begynne.');

    startReport(data, ROUND, 'bydel-grorud', memberOf(data, COORDINATOR_ID), now, TZ);
    say(data, '2');
    expect(reportsOf(data)!.items[0]!.state).toBe('utkast');
    expect(headline(data)).toBe('Påbegynt: du er på spørsmål 2 av 18. Fristen er torsdag 25. februar 2027. Skriv /rapport i chatten med boten for å fortsette der du slapp.');
    // The answers so far, read-only: no buttons in a page.
    const draft = reportsOf(data)!.items[0]!.card;
    expect(cardProblems(draft)).toEqual([]);
    expect(cardText(draft)).toContain('Noen utfordringer');
    expect(JSON.stringify(draft)).not.toContain('Action.Execute');

    for (const question of formQuestions(data.saltoRounds[0]!).slice(1)) say(data, question.kind === 'status' ? '1' : 'Svar');
    expect(headline(data)).toMatch(/^Alle spørsmålene er gått gjennom, og rapporten er ikke levert ennå\. Fristen er torsdag 25\. februar 2027\./);

    submitReport(data, REPORT, memberOf(data, COORDINATOR_ID), now, TZ);
    expect(reportsOf(data)!.items[0]!.state).toBe('levert');
    expect(headline(data)).toBe('Levert 22. november 2026. Du kan endre den til fristen, torsdag 25. februar 2027, med /rapport i chatten med boten.');
    const late = { ...ctx, now: new Date('2027-02-26T09:00:00Z') };
    expect(headline(data, COORDINATOR_ID, late)).toBe(
      'Levert 22. november 2026. Fristen (torsdag 25. februar 2027) er ute, så rapporten er låst. Be sekretariatet låse den opp om du må endre noe.',
    );
    // Once the meeting is held, the round is no longer ahead.
    expect(reportsOf(data, COORDINATOR_ID, { ...ctx, now: new Date('2027-03-12T09:00:00Z') })!.items).toEqual([]);
  });

  it("names a colleague's draft as theirs, and speaks English", () => {
    const data = demoData();
    data.members.push({ ...memberOf(data, COORDINATOR_ID), id: 'per-grorud', name: 'Per Grorud', aadObjectId: 'aad-per-grorud' });
    openRound(data, 'mote-2027-03', undefined, SECRETARY_ID, now, TZ);
    startReport(data, ROUND, 'bydel-grorud', memberOf(data, 'per-grorud'), now, TZ);
    expect(headline(data)).toBe('Per Grorud har begynt på rapporten for enheten. Fristen er torsdag 25. februar 2027.');
    // Once Per has left the unit, the draft is Aisha's to take over, as /rapport lets her.
    memberOf(data, 'per-grorud').unitIds = [];
    expect(headline(data)).toMatch(/^Påbegynt: du er på spørsmål 1 av 18\./);
    memberOf(data, 'per-grorud').unitIds = ['bydel-grorud'];
    expect(headline(data, 'per-grorud', { ...ctx, lang: 'en' })).toBe(
      'Started: you are at question 1 of 18. The deadline is Thursday 25 February 2027. Type /report in the chat with the bot to go on where you left off.',
    );
  });
});

describe('answering «samme som sist» from the unit\'s last report', () => {
  const now = new Date(NOW);
  /** After the December meeting, with only the March round still open. */
  const LATER = fixedClock('2026-12-15T08:00:00Z');
  /** Grorud handed in its report for the December meeting; the March round is then open. */
  function afterDecemberReport(): Data {
    const data = withChats(demoData());
    const aisha = memberOf(data, COORDINATOR_ID);
    const { round: december } = openRound(data, 'mote-2026-12', '2026-12-01', SECRETARY_ID, now, 'Europe/Oslo');
    const report = startReport(data, december.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
    for (const q of formQuestions(december)) {
      const text = q.kind === 'status' ? '2' : q.prompt === 'annet' ? 'hopp over' : `Desember: ${q.key}`;
      answerReport(data, report.id, aisha, text === 'hopp over' ? { kind: 'skip' } : { kind: 'answer', text }, undefined, now, 'Europe/Oslo');
    }
    submitReport(data, report.id, aisha, now, 'Europe/Oslo');
    openRound(data, 'mote-2027-03', undefined, SECRETARY_ID, now, 'Europe/Oslo');
    return data;
  }

  it('shows the last report\'s answer under a question not yet answered, and «Samme som sist» answers with it', async () => {
    const h = harness(afterDecemberReport(), LATER);
    const coordinator = memberOf(h.store.read(), COORDINATOR_ID);
    const start = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(start, h.deps);
    const first = cardOf(start.replies[0]);
    expect(cardProblems(first)).toEqual([]);
    expect(cardText(first)).toMatch(/spørsmål 1 av 18[\s\S]*I forrige rapport \(til møtet torsdag 10\. desember 2026\): Noen utfordringer\nVelg med en knapp, skriv 1, 2 eller 3, eller «samme» for å bruke svaret fra forrige rapport\./);
    const reuse = (first as { actions: { title: string; data: { verb: string } & Record<string, unknown> }[] }).actions.find((a) => a.title === 'Samme som sist')!;
    const click = fakeTurn({ member: coordinator, data: reuse.data });
    await handleAction(click, h.deps);
    expect(cardText(click.responses[0])).toMatch(/spørsmål 2 av 18[\s\S]*I forrige rapport \(til møtet torsdag 10\. desember 2026\): Desember: salto-2023-1\.gjort/);
    // Typed, in either language.
    await handleText(fakeTurn({ text: 'Samme som sist.', member: coordinator }), h.deps);
    await handleText(fakeTurn({ text: 'same', member: coordinator, lang: 'en' }), h.deps);
    const answers = h.store.read().saltoReports.find((r) => r.id === REPORT)!.answers;
    expect(answers).toEqual({ 'salto-2023-1.status': 'noen utfordringer', 'salto-2023-1.gjort': 'Desember: salto-2023-1.gjort', 'salto-2023-1.vanskelig': 'Desember: salto-2023-1.vanskelig' });
  });

  it('has nothing to offer where the last report left the question unanswered, or there is no earlier report, and says so to «samme»', async () => {
    const h = harness(afterDecemberReport(), LATER);
    const coordinator = memberOf(h.store.read(), COORDINATOR_ID);
    await h.store.update((data) => {
      const report = data.saltoReports.find((r) => r.roundId === 'runde-mote-2026-12')!;
      delete report.answers['salto-2023-1.status'];
    });
    const start = fakeTurn({ text: '/rapport', member: coordinator });
    await handleText(start, h.deps);
    expect(cardText(cardOf(start.replies[0]))).not.toContain('I forrige rapport');
    expect(JSON.stringify(cardOf(start.replies[0]))).not.toContain(Verb.ReportReuse);
    const same = fakeTurn({ text: 'samme', member: coordinator });
    await handleText(same, h.deps);
    expect(cardText(cardOf(same.replies[0]))).toMatch(/^Enheten har ikke svart på dette spørsmålet i en tidligere rapport\. Skriv svaret som en melding\.\n[\s\S]*spørsmål 1 av 18/);
    expect(h.store.read().saltoReports.find((r) => r.id === REPORT)!.answers).toEqual({});

    // A first report ever: no earlier answers at all.
    const fresh = harness(withRound());
    const first = fakeTurn({ text: '/rapport', member: memberOf(fresh.store.read(), COORDINATOR_ID) });
    await handleText(first, fresh.deps);
    expect(cardText(cardOf(first.replies[0]))).toContain('Velg med en knapp, eller skriv 1, 2 eller 3.');
  });

  it('offers only a report handed in for an earlier meeting, never a draft or a later one', async () => {
    const data = afterDecemberReport();
    const report = data.saltoReports.find((r) => r.roundId === 'runde-mote-2026-12')!;
    report.status = 'utkast';
    const h = harness(data, LATER);
    const start = fakeTurn({ text: '/rapport', member: memberOf(data, COORDINATOR_ID) });
    await handleText(start, h.deps);
    expect(cardText(cardOf(start.replies[0]))).not.toContain('I forrige rapport');
  });
});


describe("the secretary's reminder of a round not opened", () => {
  /** The reminder for December's meeting queued, and how it would be sent at `at`. */
  async function reminded(at: string, change: (data: Data) => void = () => undefined) {
    const world = withChats(demoData());
    change(world);
    const h = harness(world, fixedClock(at));
    await h.store.update((data) => queueRoundMissingReminders(data, new Date(at), TIMING));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(at) });
    const card = () => composedCard(compose, h.store.read(), 'salto-round-missing');
    return { ...h, card, secretary: memberOf(h.store.read(), SECRETARY_ID) };
  }

  it('gives the deadline the round would get, opens its form for the meeting, and is dropped once the round is open', async () => {
    const { card, deps, store, secretary } = await reminded(NOW);
    expect(cardProblems(card())).toEqual([]);
    expect(cardText(card())).toBe(
      'SaLTo-rapportrunden er ikke åpnet\nOrdinært møte torsdag 10. desember 2026 kl. 09.00\nSaLTo-rapporteringen står på dagsordenen, men koordinatorene er ikke bedt om rapport ennå. Åpner du runden nå, er fristen torsdag 26. november 2026, 14 dager før møtet, om du ikke velger en annen.\nÅpne rapportrunden',
    );
    const open = fakeTurn({ member: secretary, data: cardButtons(card())[0]!.data });
    await handleAction(open, deps);
    const form = open.responses[0];
    expect(cardText(form)).toMatch(/^Ny SaLTo-rapportrunde/);
    expect(inputValues(form)).toMatchObject({ meetingId: 'mote-2026-12', deadline: '2026-11-26' });
    await handleAction(fakeTurn({ member: secretary, data: { ...inputValues(form), ...cardButtons(form)[0]!.data } }), deps);
    expect(store.read().saltoRounds.map((r) => r.meetingId)).toEqual(['mote-2026-12']);
    expect(card()).toBeUndefined();
  });

  it('says so when the usual deadline has passed, in the secretary\'s language', async () => {
    const { card } = await reminded('2026-11-30T08:00:00Z', (data) => {
      data.members.find((m) => m.id === SECRETARY_ID)!.lang = 'en';
    });
    expect(cardText(card())).toBe(
      'The SaLTo reporting round has not been opened\nOrdinary meeting Thursday 10 December 2026 at 09:00\nSaLTo reporting is on the agenda, but the coordinators have not been asked for their reports yet. The usual deadline, 14 days before the meeting, has passed, so choose a shorter one when you open the round.\nOpen the reporting round',
    );
  });

  it('is not sent to someone who has left the secretariat since it was queued', async () => {
    const { card, store } = await reminded(NOW);
    await store.update((data) => {
      data.members.find((m) => m.id === SECRETARY_ID)!.roles = ['medlem'];
    });
    expect(card()).toBeUndefined();
  });

  it('is not sent once the meeting no longer has SaLTo reporting on its agenda, or is cancelled', async () => {
    const { card, store } = await reminded(NOW);
    await store.update((data) => {
      const december = data.meetings.find((m) => m.id === 'mote-2026-12')!;
      december.agenda = december.agenda.filter((item) => item.id !== 'mote-2026-12-salto');
    });
    expect(card()).toBeUndefined();
    const other = await reminded(NOW);
    await other.store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2026-12')!.status = 'avlyst';
    });
    expect(other.card()).toBeUndefined();
  });
});

describe("the secretary's summary after a round's deadline", () => {
  const AFTER = '2027-02-26T08:00:00Z';
  /** The March round past its deadline: Grorud handed in, Sentrum has a draft, the rest have not started. */
  function pastDeadline(lang: 'nb' | 'en' = 'nb') {
    const world = withRound();
    const now = new Date(NOW);
    const aisha = memberOf(world, COORDINATOR_ID);
    const report = startReport(world, ROUND, 'bydel-grorud', aisha, now, 'Europe/Oslo');
    for (const q of formQuestions(world.saltoRounds[0]!)) answerReport(world, report.id, aisha, q.kind === 'status' ? { kind: 'answer', text: '1' } : { kind: 'answer', text: 'Svar' }, undefined, now, 'Europe/Oslo');
    submitReport(world, report.id, aisha, now, 'Europe/Oslo');
    const sentrum = startReport(world, ROUND, 'sentrum', memberOf(world, 'salto-sentrum'), now, 'Europe/Oslo');
    answerReport(world, sentrum.id, memberOf(world, 'salto-sentrum'), { kind: 'answer', text: '2' }, undefined, now, 'Europe/Oslo');
    world.members.find((m) => m.id === SECRETARY_ID)!.lang = lang;
    queueRoundSummaries(world, new Date(AFTER), TIMING);
    const h = harness(world, fixedClock(AFTER));
    const compose = composer({ timeZone: 'Europe/Oslo', clock: fixedClock(AFTER) });
    const card = () => composedCard(compose, h.store.read(), 'salto-round-summary');
    return { ...h, card };
  }

  it('says how many handed in and names the rest, drafts marked, with a button to the round', async () => {
    const { card, deps } = pastDeadline();
    expect(cardProblems(card())).toEqual([]);
    expect(cardText(card())).toMatch(
      /^Fristen for SaLTo-rapportene gikk ut torsdag 25\. februar 2027\nSaLTo-rapportering til møtet torsdag 11\. mars 2027\n1 av 17 enheter har levert\. I oversikten kan du låse opp en enhet som vil levere etter fristen, eller gi alle en ny frist\. Ikke levert:\n\n- Bydel Alna\n- Bydel Bjerke\n[^]*\n- Sentrum \(Uteseksjonen, Velferdsetaten\): utkast\n- Utdanningsetaten, SaLTo-teamet\nVis runden$/,
    );
    expect(cardText(card())).not.toContain('Bydel Grorud');
    const show = fakeTurn({ member: memberOf(deps.store.read(), SECRETARY_ID), data: cardButtons(card())[0]!.data });
    await handleAction(show, deps);
    expect(cardText(show.responses[0])).toMatch(/^SaLTo-rapportering til møtet torsdag 11\. mars 2027\nFrist: torsdag 25\. februar 2027\nLevert: 1 · utkast: 1 · ikke startet: 15/);
  });

  it('says when every unit has handed in, in English too, and is dropped when the deadline has moved or the meeting begun', async () => {
    const { card, store } = pastDeadline('en');
    await store.update((data) => {
      data.saltoRounds[0]!.unitIds = ['bydel-grorud'];
    });
    expect(cardText(card())).toBe('The SaLTo reports were due Thursday 25 February 2027\nSaLTo reporting to the meeting on Thursday 11 March 2027\nEvery unit has handed in (1 of 1), and the compiled report is ready.\nShow the round');
    await store.update((data) => {
      changeDeadline(data, ROUND, '2027-03-04', new Date(AFTER), 'Europe/Oslo');
    });
    expect(card()).toBeUndefined();
    const begun = pastDeadline();
    await begun.store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2027-03')!.status = 'avholdt';
    });
    expect(begun.card()).toBeUndefined();
  });
});
