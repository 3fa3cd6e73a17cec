import type { Lang } from '../domain/schema.js';
import { messages } from '../i18n/index.js';
import type { Card } from './render.js';

/**
 * Teams refuses a bot message over about 100 KB, counted in UTF-16, with 413 MessageSizeTooBig,
 * and advises keeping messages within 80 KB. A card's JSON is kept to 36,000 UTF-16 code units
 * (what a string's `length` counts), 72 KB, which leaves room for the rest of the activity.
 */
export const CARD_BUDGET = 36_000;

/** The least a shortened text keeps, so it still says what it is about. */
const MIN_KEPT = 60;
const ELLIPSIS = '…';

/** A text a reader sees, where it sits in the card, and how it read before any shortening. */
interface Slot {
  owner: Record<string, unknown>;
  key: string;
  text: string;
}

/**
 * The texts of a card that are only read: TextBlock and TextRun texts, fact titles and values.
 * Inputs (whose values a user may save back), action data, ids and URLs are never among them.
 */
function readTexts(node: unknown, into: Slot[]): Slot[] {
  if (Array.isArray(node)) {
    for (const child of node) readTexts(child, into);
    return into;
  }
  if (node === null || typeof node !== 'object') return into;
  const record = node as Record<string, unknown>;
  const type = typeof record['type'] === 'string' ? record['type'] : '';
  if (type.startsWith('Input.')) return into;
  if ((type === 'TextBlock' || type === 'TextRun') && typeof record['text'] === 'string') into.push({ owner: record, key: 'text', text: record['text'] });
  if (type === 'FactSet' && Array.isArray(record['facts'])) {
    for (const fact of record['facts'] as unknown[]) {
      if (fact === null || typeof fact !== 'object') continue;
      const f = fact as Record<string, unknown>;
      for (const key of ['title', 'value']) if (typeof f[key] === 'string') into.push({ owner: f, key, text: f[key] });
    }
  }
  for (const [key, value] of Object.entries(record)) {
    if (key !== 'data' && key !== 'facts' && typeof value === 'object') readTexts(value, into);
  }
  return into;
}

/** The text cut to at most `cap` characters and an ellipsis; at a space if one is near, never inside a surrogate pair. */
export function shorten(text: string, cap: number): string {
  if (text.length <= cap) return text;
  let cut = cap;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  const space = text.lastIndexOf(' ', cut);
  if (space > cut * 0.8) cut = space;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** The longest length every text may keep so that, together, the texts lose at least `need` characters. */
function capFor(lengths: readonly number[], need: number, ceiling: number): number {
  const removed = (cap: number) => lengths.reduce((sum, length) => sum + Math.max(0, length - cap - ELLIPSIS.length), 0);
  let low = MIN_KEPT;
  let high = ceiling;
  if (removed(low) < need) return low;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (removed(mid) >= need) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * A card that fits in a Teams message. One within the budget is returned as it is; in a larger
 * one the longest texts a reader sees are shortened, each to the same length, the shorter ones
 * left whole, and a line in the user's language is added at the end to say so. The data is
 * never touched: this is what one message shows (the personal tab shows `/status` and agendas whole).
 */
export function fitCard(card: Card, lang: Lang, budget = CARD_BUDGET): Card {
  if (JSON.stringify(card).length <= budget) return card;
  const fitted = structuredClone(card);
  const slots = readTexts(fitted, []);
  const note = messages(lang)['card.shortened'];
  if (Array.isArray(fitted['body'])) fitted['body'].push({ type: 'TextBlock', text: note, wrap: true, isSubtle: true, spacing: 'Medium' });
  let cap = Math.max(...slots.map((s) => s.text.length), MIN_KEPT);
  let over = JSON.stringify(fitted).length - budget;
  while (over > 0 && cap > MIN_KEPT) {
    const lengths = slots.map((s) => (s.owner[s.key] as string).length);
    // Escaping (quotes, line breaks) makes a text longer in JSON than in characters, so a round
    // may leave a little over; the next shares that out among the texts still being cut.
    const next = capFor(lengths, over, cap);
    const cutting = Math.max(1, lengths.filter((length) => length > next).length);
    cap = Math.max(MIN_KEPT, Math.min(next, cap - Math.ceil(over / cutting)));
    for (const slot of slots) slot.owner[slot.key] = shorten(slot.text, cap);
    over = JSON.stringify(fitted).length - budget;
  }
  return fitted;
}
