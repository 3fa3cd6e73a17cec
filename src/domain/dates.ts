import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import type { Lang } from './schema.js';

const LOCALES = { nb, en: enGB } as const;

/** "torsdag 10. desember 2026 kl. 09.00" in the council's time zone (Europe/Oslo by default). */
export function formatDateTime(instant: Date | string, timeZone: string, lang: Lang): string {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  const pattern = lang === 'nb' ? "EEEE d. MMMM yyyy 'kl.' HH.mm" : "EEEE d MMMM yyyy 'at' HH:mm";
  return format(zoned, pattern, { locale: LOCALES[lang] });
}

export function formatDate(instant: Date | string, timeZone: string, lang: Lang): string {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  return format(zoned, lang === 'nb' ? 'd. MMMM yyyy' : 'd MMMM yyyy', { locale: LOCALES[lang] });
}

export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** A calendar date (yyyy-MM-dd, a day in the council's zone) as "mandag 15. mars 2027". */
export function formatCalendarDay(date: string, timeZone: string, lang: Lang): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return formatDay(new TZDate(year, month - 1, day, 12, 0, timeZone), timeZone, lang);
}

/**
 * "mandag 1. mars 2027". The weekday comes first on purpose: card text starting with "1. " is
 * read as a numbered list by Teams' Markdown.
 */
export function formatDay(instant: Date | string, timeZone: string, lang: Lang): string {
  const zoned = new TZDate(new Date(instant).getTime(), timeZone);
  return format(zoned, lang === 'nb' ? 'EEEE d. MMMM yyyy' : 'EEEE d MMMM yyyy', { locale: LOCALES[lang] });
}
