import { closest, distance } from 'fastest-levenshtein';

export interface ParsedText {
  /** The first word, lower-cased, without a leading slash. */
  word: string;
  /** Whether the user typed a slash, i.e. clearly meant a command. */
  slash: boolean;
  /** Everything after the first word, trimmed. */
  args: string;
}

/** Splits "/status mine" into word and arguments; Teams' command menu sends the word without a slash. */
export function parseText(text: string): ParsedText {
  const trimmed = text.trim();
  const slash = trimmed.startsWith('/');
  const body = slash ? trimmed.slice(1) : trimmed;
  const match = /^(\S*)\s*([\s\S]*)$/u.exec(body);
  return { word: (match?.[1] ?? '').toLocaleLowerCase('nb'), slash, args: (match?.[2] ?? '').trim() };
}

/**
 * The known word nearest to a typo, if it is near enough to be a plausible slip: at most two
 * edits, and fewer edits than half the word's length, so "/x" does not suggest "/meg".
 */
export function nearestWord(typed: string, known: readonly string[]): string | undefined {
  if (typed === '' || known.length === 0) return undefined;
  const candidate = closest(typed, [...known]);
  const edits = distance(typed, candidate);
  return edits <= 2 && edits * 2 < Math.max(typed.length, candidate.length) ? candidate : undefined;
}
