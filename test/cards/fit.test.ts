import { describe, expect, it } from 'vitest';
import { CARD_BUDGET, fitCard, shorten } from '../../src/cards/fit.js';
import type { Card } from '../../src/cards/render.js';
import { statusCard } from '../../src/bot/follow-ups/views.js';
import { agendaCard, editorCard } from '../../src/bot/meetings/views.js';
import { reviewCard } from '../../src/bot/salto/views.js';
import { ANSWER_LIMIT, formQuestions } from '../../src/domain/salto-form.js';
import { answerReport, openRound, startReport } from '../../src/domain/salto-rounds.js';
import type { Data } from '../../src/domain/schema.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, demoData, memberOf, NOW, TIMING, withChats } from '../helpers/builders.js';

const NOTE = 'Lange tekster er forkortet (…) så meldingen får plass i Teams. Ingenting er slettet: hele teksten er lagret.';
const now = new Date(NOW);
const size = (card: unknown) => JSON.stringify(card).length;

/** Words up to `length` characters, with the letters that are two bytes in UTF-8. */
function long(length: number, seed = 'Tiltaket på Økern gjelder unge i bydelen. '): string {
  return seed.repeat(Math.ceil(length / seed.length)).slice(0, length);
}

function card(body: unknown[], actions: unknown[] = []): Card {
  return { type: 'AdaptiveCard', version: '1.5', body, actions };
}

describe('fitting a card into a Teams message', () => {
  it('returns a card within the budget as it is', () => {
    const small = card([{ type: 'TextBlock', text: long(5000) }]);
    expect(fitCard(small, 'nb')).toBe(small);
  });

  it('shortens the longest texts to one length, leaves the short ones whole and says so at the end', () => {
    const big = card([
      { type: 'TextBlock', text: 'Oppfølgingspunkter' },
      ...Array.from({ length: 12 }, (_, i) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${i} ${long(4000)}` }] })),
      { type: 'FactSet', facts: [{ title: 'Eier', value: long(3000) }] },
    ]);
    const fitted = fitCard(big, 'nb', 20_000);
    expect(size(big)).toBeGreaterThan(20_000);
    expect(size(fitted)).toBeLessThanOrEqual(20_000);
    const body = fitted['body'] as { text?: string; inlines?: { text: string }[]; facts?: { value: string }[] }[];
    expect(body[0]!.text).toBe('Oppfølgingspunkter');
    expect(body.at(-1)).toEqual({ type: 'TextBlock', text: NOTE, wrap: true, isSubtle: true, spacing: 'Medium' });
    const runs = body.slice(1, 13).map((b) => b.inlines![0]!.text);
    for (const [i, run] of runs.entries()) {
      expect(run.endsWith('…')).toBe(true);
      expect(`${i} ${long(4000)}`.startsWith(run.slice(0, -1))).toBe(true);
    }
    // Cut to one length (at a space near it): none is much shorter than the longest.
    const lengths = runs.map((r) => r.length);
    expect(Math.min(...lengths)).toBeGreaterThan(Math.max(...lengths) * 0.8);
    expect(body[13]!.facts![0]!.value.length).toBeLessThanOrEqual(Math.max(...lengths));
    // The card it was made from is not changed.
    expect((big['body'] as { inlines?: { text: string }[] }[])[1]!.inlines![0]!.text).toBe(`0 ${long(4000)}`);
  });

  it('says so in the user’s language', () => {
    const big = card([{ type: 'TextBlock', text: long(20_000) }]);
    expect(cardText(fitCard(big, 'en', 10_000))).toMatch(/…\nLong texts are shortened \(…\) so that the message fits in Teams\. Nothing is deleted: the whole text is saved\.$/);
  });

  it('never touches what a user may save back or what a button sends: inputs, action data, ids and links', () => {
    const description = long(4000);
    const big = card(
      [
        { type: 'TextBlock', text: long(30_000) },
        { type: 'Input.Text', id: 'beskrivelse', label: 'Beskrivelse', value: description, isMultiline: true },
        { type: 'Image', url: `https://oslo.example/${'a'.repeat(500)}.png`, altText: 'Kart' },
      ],
      [{ type: 'Action.Execute', title: 'Lagre', verb: 'item.save', data: { verb: 'item.save', note: long(3000) } }],
    );
    const fitted = fitCard(big, 'nb', 12_000);
    expect(size(fitted)).toBeLessThanOrEqual(12_000);
    const body = fitted['body'] as Record<string, unknown>[];
    expect(body[1]).toEqual(big['body'] && (big['body'] as unknown[])[1]);
    expect(body[2]).toEqual((big['body'] as unknown[])[2]);
    expect(fitted['actions']).toEqual(big['actions']);
    expect((body[0]!['text'] as string).length).toBeLessThan(30_000);
  });

  it('counts JSON escapes, so texts full of line breaks and quotes fit too', () => {
    const awkward = long(4000, 'Linje med "sitat"\n\t\\ ');
    const big = card(Array.from({ length: 20 }, () => ({ type: 'TextBlock', text: awkward })));
    const fitted = fitCard(big, 'nb', 15_000);
    expect(size(fitted)).toBeLessThanOrEqual(15_000);
  });

  it('keeps what it can when nothing more may be cut, and keeps the card valid', () => {
    const crowded = card(Array.from({ length: 400 }, (_, i) => ({ type: 'TextBlock', text: `${i} ${long(200)}` })));
    const fitted = fitCard(crowded, 'nb', 10_000);
    expect(size(fitted)).toBeGreaterThan(10_000);
    expect((fitted['body'] as { text: string }[])[0]!.text).toMatch(/^0 Tiltaket .*…$/);
    expect(cardProblems(fitted)).toEqual([]);
  });
});

describe('shortening a text', () => {
  it('cuts at a space near the limit and adds an ellipsis', () => {
    expect(shorten('Bydelene gir forebyggingsarbeidet prioritet', 36)).toBe('Bydelene gir forebyggingsarbeidet…');
    // With no space near the limit, the cut falls inside a word.
    expect(shorten('Bydelene gir forebyggingsarbeidet prioritet', 30)).toBe('Bydelene gir forebyggingsarbei…');
    expect(shorten('kort', 30)).toBe('kort');
  });

  it('never splits a character outside the basic plane in two', () => {
    const text = `${'x'.repeat(9)}😀😀😀`;
    const cut = shorten(text, 10);
    expect(cut).toBe(`${'x'.repeat(9)}…`);
    expect(shorten(text, 11)).toBe(`${'x'.repeat(9)}😀…`);
  });
});

/** The cards the bot sends, over data whose texts are as long as the bot lets anyone write them. */
describe('the bot’s cards at their largest', () => {
  const check = (made: Card, texts: string[]) => {
    expect(size(made)).toBeGreaterThan(CARD_BUDGET);
    const fitted = fitCard(made, 'nb');
    expect(size(fitted)).toBeLessThanOrEqual(CARD_BUDGET);
    expect(cardProblems(fitted)).toEqual([]);
    const shown = cardText(fitted);
    expect(shown).toContain(NOTE);
    // Every long text still shows its beginning.
    for (const text of texts) expect(shown).toContain(text.slice(0, 50));
  };

  it('/status with ten points of 500-character titles and 4,000-character updates', () => {
    const data = demoData();
    const titles: string[] = [];
    for (const [i, point] of data.followUps.entries()) {
      point.title = `${i} ${long(498)}`;
      point.status = 'pågår';
      point.history.push({ at: '2026-11-01T10:00:00Z', byMemberId: 'kari-nordmann', text: long(4000), kind: 'update' } as Data['followUps'][number]['history'][number]);
      titles.push(point.title);
    }
    const made = statusCard(data, { viewer: memberOf(data, 'kari-nordmann'), place: { filter: '', page: 1 }, lang: 'nb', timeZone: 'Europe/Oslo', now, audience: 'personal' });
    check(made as Card, titles.slice(0, 3));
  });

  it('an agenda of twelve items with long titles, descriptions and attachments, and the agenda editor with twelve proposals', () => {
    const data = demoData();
    const meeting = data.meetings.find((m) => m.id === 'mote-2026-12')!;
    const item = meeting.agenda[3]!;
    meeting.agenda = Array.from({ length: 12 }, (_, i) => ({
      ...item,
      id: `${meeting.id}-x${i}`,
      title: `${i} ${long(298)}`,
      description: long(4000),
      presenters: [long(200), long(200), long(190)],
      attachments: Array.from({ length: 5 }, (_, j) => ({ title: long(100), url: `https://oslo.example/vedlegg/${i}/${j}.pdf` })),
    }));
    meeting.proposals = Array.from({ length: 12 }, (_, i) => ({ id: `${meeting.id}-f${i}`, byMemberId: 'ola-hansen', title: `${i} ${long(298)}`, description: long(4000), status: 'foreslått' as const, at: NOW }));
    const agenda = agendaCard(meeting, { lang: 'nb', timeZone: 'Europe/Oslo', now, audience: 'personal', viewer: memberOf(data, 'ola-hansen'), headline: 'posted' });
    check(agenda, meeting.agenda.map((i) => i.title));
    const urls = JSON.stringify(fitCard(agenda, 'nb'));
    for (const i of meeting.agenda) for (const a of i.attachments) expect(urls).toContain(a.url);
    check(editorCard(data, meeting, 'nb', 'Europe/Oslo', TIMING, new Date(NOW)), meeting.proposals.map((p) => p.title));
  });

  it('a SaLTo review with every answer as long as the form takes fits whole', () => {
    const data = withChats(demoData());
    const { round } = openRound(data, 'mote-2027-03', undefined, 'kari-nordmann', now, 'Europe/Oslo');
    const aisha = memberOf(data, 'aisha-rahman');
    const report = startReport(data, round.id, 'bydel-grorud', aisha, now, 'Europe/Oslo');
    for (const [i, q] of formQuestions(round).entries()) answerReport(data, report.id, aisha, { kind: 'answer', text: q.kind === 'status' ? '3' : `${i} ${long(ANSWER_LIMIT - 2)}` }, undefined, now, 'Europe/Oslo');
    const review = reviewCard(data, round, data.saltoReports.find((r) => r.id === report.id)!, 'nb', 'Europe/Oslo', { editable: true });
    expect(fitCard(review, 'nb')).toBe(review);
  });
});
