import { format, isValid, parse } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';

/** Ways people write a calendar day, in Norwegian or English, and whether each names the year. */
const DAY_PATTERNS: readonly [pattern: string, hasYear: boolean][] = [
  ['yyyy-MM-dd', true],
  ['d. MMMM yyyy', true],
  ['d. MMM yyyy', true],
  ['d MMMM yyyy', true],
  ['d MMM yyyy', true],
  ['d.M.yyyy', true],
  ['d/M/yyyy', true],
  ['MMMM d yyyy', true],
  ['MMMM d, yyyy', true],
  // Two-digit years ("15.3.27") after the four-digit ones, which would read "27" as the year 27.
  ['d.M.yy', true],
  ['d/M/yy', true],
  ['d. MMMM yy', true],
  ['d. MMM yy', true],
  ['d MMMM yy', true],
  ['d MMM yy', true],
  ['d. MMMM', false],
  ['d. MMM', false],
  ['d MMMM', false],
  ['d MMM', false],
  ['d.M', false],
  ['d/M', false],
  ['MMMM d', false],
];

const MONTH_PATTERNS = ['MMMM yyyy', 'MMM yyyy', 'MMMM', 'MMM'] as const;

/** A local calendar date as yyyy-MM-dd. */
export function ymd(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A date-fns parse in either language; only the calendar date of the result is used. */
function parseWith(text: string, pattern: string, reference: Date): Date | undefined {
  for (const locale of [nb, enGB]) {
    const parsed = parse(text, pattern, reference, { locale });
    // "yyyy" also takes "27" as the year 27; such a text is meant for the two-digit patterns.
    if (isValid(parsed) && (!pattern.includes('yyyy') || parsed.getFullYear() >= 1000)) return parsed;
  }
  return undefined;
}

/**
 * A calendar day as people write it: "15. mars", "15.03.2027", "15.3.27", "15 March 2027".
 * Without a year it falls in the reference date's year. Lower-case text expected.
 */
export function readDay(text: string, reference: Date): { date: Date; hasYear: boolean } | undefined {
  for (const [pattern, hasYear] of DAY_PATTERNS) {
    const date = parseWith(text, pattern, reference);
    if (date) return { date, hasYear };
  }
  return undefined;
}

/** A month as people write it: "mars", "mars 2027", "March"; `first` is its first day. */
export function readMonth(text: string, reference: Date): { first: Date; hasYear: boolean } | undefined {
  for (const pattern of MONTH_PATTERNS) {
    const first = parseWith(text, pattern, reference);
    if (first) return { first, hasYear: pattern.includes('y') };
  }
  return undefined;
}
