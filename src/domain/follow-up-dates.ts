import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, format, isValid, lastDayOfMonth, parse } from 'date-fns';
import { enGB, nb } from 'date-fns/locale';
import { remembered } from './dates.js';
import { DomainError, ErrorCode } from './errors.js';
import { comingMeetings } from './meetings.js';
import type { Data, Meeting } from './schema.js';

/** A point's deadline: a calendar date in the council's zone, or a meeting (following it if it moves). */
export type Due = { dueDate: string } | { dueMeetingId: string };

/** Today's date (yyyy-MM-dd) in the council's time zone. */
export function todayIn(now: Date, timeZone: string): string {
  return dateOfMinute(Math.floor(now.getTime() / MINUTE_MS), timeZone);
}
const MINUTE_MS = 60_000;
// Every zone's offset today is a whole number of minutes, so the date changes at a minute's start:
// one zone lookup a minute, not one for every view that asks what day it is.
const dateOfMinute = remembered((minute: number, timeZone: string) => ymd(new TZDate(minute * MINUTE_MS, timeZone)));

/** The calendar date a meeting starts on, in the council's time zone. */
export function meetingDate(meeting: Pick<Meeting, 'start'>, timeZone: string): string {
  return dateOfInstant(meeting.start, timeZone);
}
const dateOfInstant = remembered((instant: string, timeZone: string) => ymd(new TZDate(Date.parse(instant), timeZone)));

const DATE_PATTERNS: readonly [pattern: string, hasYear: boolean][] = [
  ['yyyy-MM-dd', true],
  ['d. MMMM yyyy', true],
  ['d. MMM yyyy', true],
  ['d MMMM yyyy', true],
  ['d MMM yyyy', true],
  ['d.M.yyyy', true],
  ['d.M.yy', true],
  ['d/M/yyyy', true],
  ['MMMM d yyyy', true],
  ['MMMM d, yyyy', true],
  ['d. MMMM', false],
  ['d. MMM', false],
  ['d MMMM', false],
  ['d MMM', false],
  ['d.M', false],
  ['d/M', false],
  ['MMMM d', false],
];

const MONTH_PATTERNS = ['MMMM yyyy', 'MMM yyyy', 'MMMM', 'MMM'] as const;

/** Words that only say "by": "innen 15. mars", "til neste møte", "by 15 March". */
const LEAD_WORDS = /^(innen|til|senest|før|by|before|until)\s+/;

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/^(innen|til|senest|før|by|before|until)\s+(utgangen av|slutten av|end of)\s+/, 'utgangen av ')
    .replace(LEAD_WORDS, '')
    .replace(/\bmote\b/g, 'møte')
    .replace(/\bmotet\b/g, 'møtet');
}

function ymd(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A date-fns parse in either language; only the calendar date of the result is used. */
function parseWith(text: string, pattern: string, reference: Date): Date | undefined {
  for (const locale of [nb, enGB]) {
    const parsed = parse(text, pattern, reference, { locale });
    if (isValid(parsed)) return parsed;
  }
  return undefined;
}

function meetingDue(data: Readonly<Data>, now: Date, text: string): Meeting | undefined | 'not-a-meeting' {
  const coming = comingMeetings(data, now).filter((m) => new Date(m.start) > now);
  if (/^(neste møte|next meeting|møtet)$/.test(text)) return coming[0];
  if (/^(møtet etter neste|meeting after next)$/.test(text)) return coming[1];
  if (/^(neste seminar|seminaret|next seminar|the seminar)$/.test(text)) return coming.find((m) => m.kind === 'seminar');
  return 'not-a-meeting';
}

/**
 * Reads a deadline as people write it: "15. mars", "15.03.2027", "innen neste møte", "i 2027",
 * "i mars", "om 3 uker", "i morgen" (English too). A date without a year is the next such date.
 * Throws a coded error when the text says nothing the bot can read, or a day already past.
 */
export function parseDue(input: string, data: Readonly<Data>, now: Date, timeZone: string): Due {
  const text = normalise(input);
  const today = todayIn(now, timeZone);
  const reference = parse(today, 'yyyy-MM-dd', new Date(0));
  const invalid = () => new DomainError(ErrorCode.InvalidDue, 'unreadable due date', { text: input.trim().slice(0, 80) });
  if (!text) throw invalid();

  const meeting = meetingDue(data, now, text);
  if (meeting === undefined) throw new DomainError(ErrorCode.NoMeetingPlanned, 'no meeting to be due at');
  if (meeting !== 'not-a-meeting') return { dueMeetingId: meeting.id };

  const checked = (date: string): Due => {
    if (date < today) throw new DomainError(ErrorCode.DueInPast, 'due date in the past', { date });
    return { dueDate: date };
  };

  if (/^(i dag|today)$/.test(text)) return { dueDate: today };
  if (/^(i morgen|tomorrow)$/.test(text)) return { dueDate: ymd(addDays(reference, 1)) };

  const relative = /^(?:om|in) (\d{1,3}) (dag|dager|day|days|uke|uker|week|weeks|måned|måneder|month|months)$/.exec(text);
  if (relative) {
    const n = Number(relative[1]);
    const unit = relative[2] ?? '';
    const add = unit.startsWith('d') ? addDays : unit.startsWith('u') || unit.startsWith('w') ? addWeeks : addMonths;
    return { dueDate: ymd(add(reference, n)) };
  }

  // "i 2027", "utgangen av 2027", "2027": the last day of that year.
  const year = /^(?:i |in |utgangen av )?(\d{4})$/.exec(text);
  if (year) return checked(`${year[1]}-12-31`);

  for (const [pattern, hasYear] of DATE_PATTERNS) {
    const parsed = parseWith(text, pattern, reference);
    if (!parsed) continue;
    let date = ymd(parsed);
    // "15. mars" in November means next March.
    if (!hasYear && date < today) date = ymd(new Date(parsed.getFullYear() + 1, parsed.getMonth(), parsed.getDate()));
    return checked(date);
  }

  // "i mars", "mars 2027": the last day of that month (next year's when this year's has passed).
  const month = text.replace(/^(i|in|utgangen av) /, '');
  for (const pattern of MONTH_PATTERNS) {
    const parsed = parseWith(month, pattern, reference);
    if (!parsed) continue;
    let date = ymd(lastDayOfMonth(parsed));
    if (!pattern.includes('y') && date < today) date = ymd(lastDayOfMonth(addMonths(parsed, 12)));
    return checked(date);
  }
  throw invalid();
}

/** The date a point is due, from its own date or the date of the meeting it is due at. */
export function dueDateOf(point: { dueDate?: string | undefined; dueMeetingId?: string | undefined }, data: Readonly<Data>, timeZone: string): string | undefined {
  if (point.dueDate) return point.dueDate;
  const meeting = point.dueMeetingId ? data.meetings.find((m) => m.id === point.dueMeetingId) : undefined;
  return meeting ? meetingDate(meeting, timeZone) : undefined;
}
