import { addYears, format, getDaysInMonth, isValid, parse } from 'date-fns';
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

const WEEKDAY = /^(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?=\d)/;

/** A local calendar date as yyyy-MM-dd. */
export function ymd(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/**
 * The date in the year named; without one, this year's, or next year's once this year's has
 * passed: "15. mars" in November means next March, "uke 12" in May next year's week 12.
 */
export function upcoming<D extends Date | undefined>(inYear: (year: number) => D, named: number | undefined, thisYear: number, today: string): D {
  if (named !== undefined) return inYear(named);
  const first = inYear(thisYear);
  return first && ymd(first) >= today ? first : inYear(thisYear + 1);
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
  // The weekday the bot writes before a date ("torsdag 11. mars 2027") names nothing more.
  const day = text.replace(WEEKDAY, '');
  for (const [pattern, hasYear] of DAY_PATTERNS) {
    const date = parseWith(day, pattern, reference);
    if (date) return { date, hasYear };
  }
  return undefined;
}

/**
 * The day a text names, as yyyy-MM-dd: in the year written, or without one the next such day
 * (today included). addYears keeps 29 February as 28 February in a year without it.
 */
export function upcomingDay(text: string, reference: Date, today: string): string | undefined {
  const day = readDay(text, reference);
  if (!day) return undefined;
  const inYear = (year: number) => addYears(day.date, year - day.date.getFullYear());
  return ymd(upcoming(inYear, day.hasYear ? day.date.getFullYear() : undefined, reference.getFullYear(), today));
}

/** A month as people write it: "mars", "mars 2027", "March"; `first` is its first day. */
export function readMonth(text: string, reference: Date): { first: Date; hasYear: boolean } | undefined {
  for (const pattern of MONTH_PATTERNS) {
    const first = parseWith(text, pattern, reference);
    if (first) return { first, hasYear: pattern.includes('y') };
  }
  return undefined;
}

/** What is wrong with a text written as a day that does not exist. */
export interface ImpossibleDay {
  /** The month named (1–12), when it is one; absent for "12.13". */
  month?: number;
  /** The year the day would fall in: the one named, or this year's month or next year's once it has passed. */
  year: number;
  hasYear: boolean;
  /** How many days that month has that year. */
  days?: number;
}

/**
 * A text written as a calendar day, in one of the ways `readDay` reads, whose day or month does
 * not exist: "31.04.2027", "30. februar", "29.02.2027", "12.13". Undefined for a real day, and for
 * any text not shaped as a day at all. Lower-case text expected.
 */
export function impossibleDay(text: string, reference: Date): ImpossibleDay | undefined {
  if (readDay(text, reference)) return undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const numeric = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{2}|\d{4}))?$/.exec(text);
  const words = /^(\d{1,2})\.? ([a-zæøå]+)\.?(?: (\d{2}|\d{4}))?$/.exec(text);
  let day: number, month: number, written: string | undefined;
  if (iso) [day, month, written] = [Number(iso[3]), Number(iso[2]), iso[1]];
  else if (numeric) [day, month, written] = [Number(numeric[1]), Number(numeric[2]), numeric[3]];
  else if (words) {
    const named = readMonth(words[2] ?? '', reference);
    if (!named) return undefined;
    [day, month, written] = [Number(words[1]), named.first.getMonth() + 1, words[3]];
  } else return undefined;
  if (month < 1 || month > 12) return { year: reference.getFullYear(), hasYear: written !== undefined };
  // Without a year, the year the day would fall in: this year's month, or next year's once it has passed.
  const unwritten = reference.getFullYear() + (month < reference.getMonth() + 1 ? 1 : 0);
  const year = written === undefined ? unwritten : written.length === 2 ? 2000 + Number(written) : Number(written);
  const days = getDaysInMonth(new Date(year, month - 1, 1));
  return day >= 1 && day <= days ? undefined : { month, year, hasYear: written !== undefined, days };
}

/**
 * A year as people name it: "2027", "i 2027", "neste år", "i år", "i fjor" (English too).
 * Undefined for anything else, an empty text included.
 */
export function readYear(words: string, thisYear: number): number | undefined {
  const text = words.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.!?]+$/, '').replace(/^(?:i|in|for) /, '');
  if (/^(?:neste år|neste|next year|next)$/.test(text)) return thisYear + 1;
  if (/^(?:år|dette året|this year)$/.test(text)) return thisYear;
  if (/^(?:fjor|i fjor|forrige år|last year)$/.test(text)) return thisYear - 1;
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}
