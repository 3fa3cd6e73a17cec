import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import type { Lang } from './schema.js';

const LOCALES = { nb, en: enGB } as const;

/**
 * Remembers a date text (or an instant's milliseconds) by its inputs. Turning an instant into a
 * zone's wall time costs several Intl calls, and the same few hundred dates (meetings, deadlines)
 * are shown over and over: a `/status` over ten years of points asks for each of them on every
 * look. Bounded, so a long-running bot does not grow with every instant it has ever shown.
 */
export function remembered<A extends unknown[], R extends string | number>(compute: (...args: A) => R): (...args: A) => R {
  const known = new Map<string, R>();
  return (...args) => {
    const key = args.map((a) => (a instanceof Date ? `#${a.getTime()}` : String(a))).join('\u0000');
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= 5000) known.clear();
      value = compute(...args);
      known.set(key, value);
    }
    return value;
  };
}

/** "torsdag 10. desember 2026 kl. 09.00" in the council's time zone (Europe/Oslo by default). */
export const formatDateTime = remembered((instant: Date | string, timeZone: string, lang: Lang): string => {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  const pattern = lang === 'nb' ? "EEEE d. MMMM yyyy 'kl.' HH.mm" : "EEEE d MMMM yyyy 'at' HH:mm";
  return format(zoned, pattern, { locale: LOCALES[lang] });
});

export const formatDate = remembered((instant: Date | string, timeZone: string, lang: Lang): string => {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  return format(zoned, lang === 'nb' ? 'd. MMMM yyyy' : 'd MMMM yyyy', { locale: LOCALES[lang] });
});

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A calendar date (yyyy-MM-dd, a day in the council's zone) as "mandag 15. mars 2027". */
export const formatCalendarDay = remembered((date: string, timeZone: string, lang: Lang): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatDay(new TZDate(year, month - 1, day, 12, 0, timeZone), timeZone, lang);
});

/**
 * "mandag 1. mars 2027". The weekday comes first on purpose: card text starting with "1. " is
 * read as a numbered list by Teams' Markdown.
 */
export const formatDay = remembered((instant: Date | string, timeZone: string, lang: Lang): string => {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  return format(zoned, lang === 'nb' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy', { locale: LOCALES[lang] });
});

/** A month by number (1–12) as "april", or with its year as "februar 2027". */
export function formatMonth(month: number, year: number | undefined, lang: Lang): string {
  const first = new Date(year ?? 2000, month - 1, 1);
  return format(first, year === undefined ? 'LLLL' : 'LLLL yyyy', { locale: LOCALES[lang] });
}
