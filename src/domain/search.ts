import { audienceFor, type Audience } from './agenda.js';
import { todayIn } from './follow-up-dates.js';
import { isConfidentialPoint } from './follow-ups.js';
import { sentText, writesMinutes } from './minutes.js';
import { COUNCIL, maySeeFollowUp, mayUse } from './roles.js';
import { formQuestions } from './salto-form.js';
import type { AgendaItem, Data, FollowUp, Meeting, Member, SaltoReport, SaltoRound } from './schema.js';
import { fold } from './text.js';

/**
 * Searching what the council has kept: agenda items with their minutes, follow-up points, and the
 * SaLTo reports the units handed in.
 * Each word typed must be found, as a whole word, the start of one ("grorud" in "Groruddalen"),
 * or, five letters or more, inside one (Norwegian joins words: "forebygging" in
 * "kriminalitetsforebygging"). Accents and case do not matter. What the viewer may not read
 * where they ask is not searched at all, so a hit never tells what a hidden text says.
 */

export interface SearchQuery {
  /** Folded, in the order typed, without small joining words. */
  words: string[];
  /** A year typed among the words ("grorud 2024"): only what happened that year. */
  year: number | undefined;
}

/** A piece of a shown text, marked where it is one of the words searched for. */
export interface Segment {
  text: string;
  match: boolean;
}

interface HitBase {
  /** When it happened, for the order: a meeting's start, a point's latest line of history. */
  at: string;
  title: string;
  /** The texts searched beyond the title, those to show first first. */
  fields: readonly SearchField[];
}

/** A hit as shown: the words found marked in its title and in the text around the first found elsewhere. */
export interface MarkedHit {
  title: Segment[];
  /** About two lines around the first word found beyond the title; empty if only the title has them. */
  excerpt: Segment[];
  /** The excerpt is from what the minutes say of the item. */
  inMinutes: boolean;
}

export type SearchHit =
  | (HitBase & {
      kind: 'item';
      meeting: Meeting;
      item: AgendaItem;
      number: number;
      /** The viewer may read the meeting's minutes here. */
      minutes: boolean;
    })
  | (HitBase & { kind: 'point'; point: FollowUp })
  | (HitBase & { kind: 'report'; report: SaltoReport; round: SaltoRound; meeting: Meeting | undefined });

/** Small words that say nothing about what is sought. */
const SMALL_WORDS = new Set(['og', 'i', 'pa', 'om', 'til', 'av', 'for', 'med', 'en', 'et', 'ei', 'den', 'det', 'de', 'som', 'fra', 'the', 'and', 'of', 'in', 'on', 'to', 'a', 'an', 'about']);

const YEAR = /^(19|20)\d\d$/;

interface Token {
  word: string;
  index: number;
  length: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((found) => ({ word: fold(found[0]), index: found.index, length: found[0].length }));
}

/** The words of `/søk …`: a year among them limits the search to it, unless it is all there is. */
export function readSearchQuery(text: string): SearchQuery {
  const typed = tokens(text)
    .map((t) => t.word)
    .filter((word) => !SMALL_WORDS.has(word));
  const year = typed.find((word) => YEAR.test(word));
  const words = typed.filter((word) => word !== year);
  // A year alone is sought as a word; small words alone seek nothing.
  if (words.length === 0) return { words: year === undefined ? [] : [year], year: undefined };
  return { words: [...new Set(words)], year: year === undefined ? undefined : Number(year) };
}

function fits(word: string, token: string): boolean {
  return token === word || (word.length >= 3 && token.startsWith(word)) || (word.length >= 5 && token.includes(word));
}

export interface SearchField {
  text: string;
  /** Shown as the excerpt when a word is found in it; the title is shown anyway. */
  excerpt: boolean;
  inMinutes?: boolean;
}

const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 220;

/** The text around the first word found, on whole words, with every word found marked. */
function segmentsOf(text: string, words: readonly string[], cut: boolean): Segment[] {
  const found = tokens(text).filter((t) => words.some((w) => fits(w, t.word)));
  let start = 0;
  let end = text.length;
  if (cut && text.length > EXCERPT_LENGTH) {
    const first = found[0]?.index ?? 0;
    start = first <= EXCERPT_BEFORE ? 0 : text.lastIndexOf(' ', first - EXCERPT_BEFORE) + 1;
    end = start + EXCERPT_LENGTH >= text.length ? text.length : text.lastIndexOf(' ', start + EXCERPT_LENGTH);
    if (end <= first) end = Math.min(text.length, first + EXCERPT_LENGTH);
  }
  const segments: Segment[] = [];
  let at = start;
  for (const t of found) {
    if (t.index < start || t.index + t.length > end) continue;
    if (t.index > at) segments.push({ text: text.slice(at, t.index), match: false });
    segments.push({ text: text.slice(t.index, t.index + t.length), match: true });
    at = t.index + t.length;
  }
  if (end > at) segments.push({ text: text.slice(at, end), match: false });
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ') }));
}

/** A hit's title and excerpt with the words marked: made only for the hits a page shows. */
export function markHit(hit: SearchHit, query: SearchQuery): MarkedHit {
  const has = (text: string) => tokens(text).some((t) => query.words.some((w) => fits(w, t.word)));
  const shown = hit.fields.find((field) => field.excerpt && has(field.text));
  return { title: segmentsOf(hit.title, query.words, false), excerpt: shown ? segmentsOf(shown.text, query.words, true) : [], inMinutes: shown?.inMinutes ?? false };
}

/**
 * The folded text of an item, a point or an item's minutes, kept per object: the store never
 * changes an object in place (a change makes a new one), so a search after the first reads
 * most of ten years of texts without folding them again, and tokenises only what may fit.
 */
const foldedTexts = new WeakMap<object, Map<string, string>>();

function foldedOf(owner: object, key: string, texts: () => readonly string[]): string {
  let kept = foldedTexts.get(owner);
  if (!kept) foldedTexts.set(owner, (kept = new Map()));
  let folded = kept.get(key);
  if (folded === undefined) kept.set(key, (folded = fold(texts().join(' '))));
  return folded;
}

const EDGE = '(?<![\\p{L}\\p{N}])';

/**
 * A test of folded text for a word, as `fits` would find it among the text's words: five letters
 * or more anywhere, three or four at the start of a word, shorter ones as a whole word.
 */
function finder(word: string): (folded: string) => boolean {
  if (word.length >= 5) return (folded) => folded.includes(word);
  // A word is letters and digits only, so it needs no escaping.
  const pattern = new RegExp(`${EDGE}${word}${word.length >= 3 ? '' : '(?![\\p{L}\\p{N}])'}`, 'u');
  return (folded) => pattern.test(folded);
}

const yearOf = (instant: string, timeZone: string) => Number(todayIn(new Date(instant), timeZone).slice(0, 4));

/** Who may read a meeting's minutes where they ask: the secretariat writes them in personal chat; others read them once sent. */
export function mayReadMinutes(meeting: Meeting, viewer: Member | undefined, audience: Audience): boolean {
  if (!meeting.minutes) return false;
  if (writesMinutes(viewer, audience)) return true;
  return meeting.minutes.sentAt !== undefined;
}

/**
 * Everything the viewer may read here that has every word, the newest first. A confidential
 * item, its minutes and points made from it are searched only where the viewer may see them
 * (the council in personal chat; its minutes by the secretariat alone, as sent minutes leave
 * them out); points as `/status` shows them (the secretariat and the chairs all, others their
 * own); SaLTo reports once handed in, never a draft.
 */
export function search(data: Readonly<Data>, query: SearchQuery, viewer: Member | undefined, where: Audience, timeZone: string): SearchHit[] {
  if (query.words.length === 0) return [];
  // Only the council reads confidential items, even in personal chat.
  const audience = audienceFor(where === 'personal', viewer);
  const finders = query.words.map(finder);
  const fitsAll = (folded: string) => finders.every((found) => found(folded));
  const hits: SearchHit[] = [];
  const writer = writesMinutes(viewer, audience);
  for (const meeting of data.meetings) {
    if (meeting.status === 'avlyst') continue;
    if (query.year !== undefined && yearOf(meeting.start, timeZone) !== query.year) continue;
    const minutes = mayReadMinutes(meeting, viewer, audience);
    // The writer searches what is written; everyone else what was sent, as `/referat` shows them.
    const text = minutes ? (writer ? meeting.minutes : sentText(meeting.minutes)) : undefined;
    meeting.agenda.forEach((item, index) => {
      if (item.confidential && audience === 'shared') return;
      const said = text && (!item.confidential || writer) ? text.items[item.id] : undefined;
      const own = foldedOf(item, '', () => [item.title, item.description ?? '', ...item.presenters, ...item.attachments.map((a) => a.title)]);
      const saidFolded = said && text ? foldedOf(text, item.id, () => [said]) : '';
      if (!fitsAll(`${own} ${saidFolded}`)) return;
      const fields: SearchField[] = [
        ...(said ? [{ text: said, excerpt: true, inMinutes: true }] : []),
        { text: item.description ?? '', excerpt: true },
        { text: item.presenters.join(', '), excerpt: false },
        ...item.attachments.map((a) => ({ text: a.title, excerpt: true })),
      ];
      hits.push({ kind: 'item', meeting, item, number: index + 1, at: meeting.start, minutes, title: item.title, fields });
    });
  }
  const seesPoints = mayUse(viewer, COUNCIL);
  for (const point of seesPoints ? data.followUps : []) {
    if (!maySeeFollowUp(viewer, point)) continue;
    if (audience === 'shared' && isConfidentialPoint(data, point)) continue;
    if (query.year !== undefined && !point.history.some((entry) => yearOf(entry.at, timeZone) === query.year)) continue;
    if (!fitsAll(foldedOf(point, '', () => [point.title, point.description ?? '', ...point.history.map((entry) => entry.text)]))) continue;
    const fields: SearchField[] = [{ text: point.description ?? '', excerpt: true }, ...[...point.history].reverse().map((entry) => ({ text: entry.text, excerpt: true }))];
    hits.push({ kind: 'point', point, at: point.history.at(-1)?.at ?? '', title: point.title, fields });
  }
  // Reports handed in: the council reads them all in the compiled report its agenda links to.
  for (const report of data.saltoReports) {
    if (report.status !== 'levert') continue;
    const round = data.saltoRounds.find((r) => r.id === report.roundId);
    if (!round) continue;
    const meeting = data.meetings.find((m) => m.id === round.meetingId);
    const at = report.submittedAt ?? report.updatedAt;
    if (query.year !== undefined && yearOf(meeting?.start ?? at, timeZone) !== query.year) continue;
    const unit = data.reportingUnits.find((u) => u.id === report.unitId)?.name ?? report.unitId;
    const answers = formQuestions(round).flatMap((question) => report.answers[question.key] ?? []);
    if (!fitsAll(foldedOf(report, '', () => [unit, ...answers]))) continue;
    hits.push({ kind: 'report', report, round, meeting, at, title: unit, fields: answers.map((text) => ({ text, excerpt: true })) });
  }
  return hits.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.kind === 'item' && b.kind === 'item' ? a.number - b.number : 0));
}
