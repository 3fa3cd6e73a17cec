import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/index.js';
import { handleAction, handleText } from '../../src/bot/router.js';
import { openRound } from '../../src/domain/salto-rounds.js';
import type { Data } from '../../src/domain/schema.js';
import { fixedClock } from '../../src/domain/clock.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, COORDINATOR_ID, demoData, fakeTurn, harness, memberOf, MEMBER_ID, NOW, SECRETARY_ID, withChats } from '../helpers/builders.js';

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
