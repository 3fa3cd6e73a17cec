import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, addWeeks, addYears, getISOWeekYear, lastDayOfMonth, max, nextDay, parse, setDate, setISOWeek, startOfISOWeek, type Day } from 'date-fns';
import { easter } from 'date-easter';
import { impossibleDay, readMonth, upcoming, upcomingDay, ymd } from './date-text.js';
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

/** Today in the council's zone, as yyyy-MM-dd and as a local date: the reference the date readers work from. */
export function localToday(now: Date, timeZone: string): { today: string; reference: Date } {
  const today = todayIn(now, timeZone);
  return { today, reference: parse(today, 'yyyy-MM-dd', new Date(0)) };
}
const MINUTE_MS = 60_000;
// Every zone's offset today is a whole number of minutes, so the date changes at a minute's start:
// one zone lookup a minute, not one for every view that asks what day it is.
const dateOfMinute = remembered((minute: number, timeZone: string) => ymd(new TZDate(minute * MINUTE_MS, timeZone)));

/** Words that put a deadline after a title: "… frist 15. januar", "… innen neste møte", "… by 15 March". */
const DEADLINE_MARKER = /(?:^|[\s,;–-]+)(frist|med frist|innen|senest|deadline|due|by)(?::|\b)\s*/giu;
/** The longest deadline the form's field takes. */
const DUE_MAX_LENGTH = 200;
/** Markers that parseDue reads as part of the deadline itself ("innen neste møte"). */
const KEPT_MARKER = /^(?:innen|senest|by)$/iu;

/**
 * A typed title that ends with its deadline ("Send referatet til bydelene frist 15. januar"), split
 * into the title and the deadline as written. Only words parseDue reads as a deadline are taken,
 * so "Kartlegge vold innen familien" stays a title; without one, `due` is empty. A deadline read
 * but refused (a day past, 31 April, no meeting planned) is taken too, for the form to say why.
 */
export function titleAndDue(text: string, data: Readonly<Data>, now: Date, timeZone: string): { title: string; due: string } {
  for (const marker of text.matchAll(DEADLINE_MARKER)) {
    const written = text.slice(marker.index + marker[0].length).trim();
    const due = KEPT_MARKER.test(marker[1] ?? '') ? `${marker[1]} ${written}` : written;
    if (written && due.length <= DUE_MAX_LENGTH && readsAsDue(due, data, now, timeZone)) return { title: text.slice(0, marker.index).trim(), due };
  }
  return { title: text, due: '' };
}

function readsAsDue(text: string, data: Readonly<Data>, now: Date, timeZone: string): boolean {
  try {
    parseDue(text, data, now, timeZone);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return error.code !== ErrorCode.InvalidDue;
    throw error;
  }
}

/** The calendar date a meeting starts on, in the council's time zone. */
export function meetingDate(meeting: Pick<Meeting, 'start'>, timeZone: string): string {
  return dateOfInstant(meeting.start, timeZone);
}
const dateOfInstant = remembered((instant: string, timeZone: string) => ymd(new TZDate(Date.parse(instant), timeZone)));

/** Words that only say "by": "innen 15. mars", "til neste møte", "i løpet av mars", "by 15 March". */
const LEAD_WORDS = /^(innen|til|senest|før|i løpet av|by|before|until|within)\s+/;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  en: 1, ett: 1, ei: 1, a: 1, an: 1, one: 1, to: 2, two: 2, tre: 3, three: 3, fire: 4, four: 4, fem: 5, five: 5, seks: 6, six: 6,
  sju: 7, syv: 7, seven: 7, åtte: 8, eight: 8, ni: 9, nine: 9, ti: 10, ten: 10, elleve: 11, eleven: 11, tolv: 12, twelve: 12,
};

/** Days of the week as date-fns numbers them (Sunday 0). */
const WEEKDAYS: Readonly<Record<string, Day>> = {
  mandag: 1, monday: 1, tirsdag: 2, tuesday: 2, onsdag: 3, wednesday: 3, torsdag: 4, thursday: 4,
  fredag: 5, friday: 5, lørdag: 6, saturday: 6, søndag: 0, sunday: 0,
};
const FRIDAY: Day = 5;

const QUARTER_WORDS: Readonly<Record<string, number>> = {
  q1: 1, '1.': 1, første: 1, first: 1, q2: 2, '2.': 2, andre: 2, second: 2,
  q3: 3, '3.': 3, tredje: 3, third: 3, q4: 4, '4.': 4, fjerde: 4, fourth: 4,
};

function normalise(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(LEAD_WORDS, '')
    .replace(/^(?:i |in |ved |at )?(?:the )?(?:slutten av|utgangen av|end of|ultimo) /, 'utgangen av ')
    .replace(/\bmote\b/g, 'møte')
    .replace(/\bmotet\b/g, 'møtet');
}

function meetingDue(data: Readonly<Data>, now: Date, text: string): Meeting | undefined | 'not-a-meeting' {
  const coming = comingMeetings(data, now).filter((m) => new Date(m.start) > now);
  if (/^(neste møte|next meeting|møtet)$/.test(text)) return coming[0];
  if (/^(møtet etter neste|meeting after next)$/.test(text)) return coming[1];
  if (/^(neste seminar|seminaret|next seminar|the seminar)$/.test(text)) return coming.find((m) => m.kind === 'seminar');
  return 'not-a-meeting';
}

/**
 * A day named from today (lower-case text): "i dag", "i morgen", "i overmorgen", and weekdays:
 * "fredag" is the coming Friday (today, if it is Friday), "neste fredag" Friday next week.
 * English too. As yyyy-MM-dd; undefined for anything else.
 */
export function nearDay(text: string, reference: Date): string | undefined {
  if (/^(i dag|idag|today)$/.test(text)) return ymd(reference);
  if (/^(i morgen|imorgen|tomorrow)$/.test(text)) return ymd(addDays(reference, 1));
  if (/^(overmorgen|i overmorgen|the day after tomorrow)$/.test(text)) return ymd(addDays(reference, 2));
  const weekday = /^(?:på |on )?(neste |next )?([a-zø]+)( neste uke| next week)?$/.exec(text);
  const day = weekday ? WEEKDAYS[weekday[2] ?? ''] : undefined;
  if (!weekday || day === undefined) return undefined;
  if (weekday[1] || weekday[3]) return ymd(dayOfWeek(addWeeks(reference, 1), day));
  return ymd(reference.getDay() === day ? reference : nextDay(reference, day));
}

/** The given weekday of the (ISO, Monday-first) week that `date` is in. */
function dayOfWeek(date: Date, weekday: Day): Date {
  return addDays(startOfISOWeek(date), (weekday + 6) % 7);
}

/** Friday of ISO week `week` of the ISO week-numbering `year`, if that year has such a week. */
function fridayOfWeek(week: number, year: number): Date | undefined {
  const inWeek = setISOWeek(new Date(year, 0, 4), week);
  return getISOWeekYear(inWeek) === year ? dayOfWeek(inWeek, FRIDAY) : undefined;
}

/** The last day before a holiday starts: 23 December for Christmas, the day before Maundy Thursday for Easter. */
function beforeHoliday(holiday: string, year: number): Date {
  if (/^(jul|julen|christmas)$/.test(holiday)) return new Date(year, 11, 23);
  const sunday = easter(year);
  return new Date(sunday.year, sunday.month - 1, sunday.day - 4);
}

/**
 * Reads what people write about weeks, weekdays, quarters, holidays and seasons: "uke 12",
 * "neste uke", "fredag", "neste fredag", "1. kvartal 2027", "før jul", "før påske", "før
 * sommeren", "i løpet av høsten 2027", "utgangen av måneden". Undefined for anything else.
 * A week ends on its Friday; an undated week, quarter or holiday that has passed is next year's.
 */
function calendarWordDue(text: string, reference: Date, today: string): string | undefined | 'no-such-week' {
  const yearOf = (digits: string | undefined) => (digits ? Number(digits) : undefined);

  // This week ends on its Friday, or today at the weekend.
  if (/^(denne uken|denne uka|this week)$/.test(text)) return ymd(max([dayOfWeek(reference, FRIDAY), reference]));
  if (/^(neste uke|neste uka|next week)$/.test(text)) return ymd(dayOfWeek(addWeeks(reference, 1), FRIDAY));

  const week = /^(?:i |in )?(?:uke|week) (\d{1,2})(?:,? (\d{4})|\/(\d{4}))?$/.exec(text);
  if (week) {
    const n = Number(week[1]);
    const friday = upcoming((year) => fridayOfWeek(n, year), yearOf(week[2] ?? week[3]), getISOWeekYear(reference), today);
    return friday ? ymd(friday) : 'no-such-week';
  }

  const quarter = /^(?:i |in |utgangen av )?(?:(q[1-4])|([1-4]\.|første|andre|tredje|fjerde|first|second|third|fourth) (?:kvartal|quarter))(?:,? (?:of )?(\d{4}))?$/.exec(text);
  const q = quarter ? QUARTER_WORDS[quarter[1] ?? quarter[2] ?? ''] : undefined;
  if (quarter && q !== undefined) {
    return ymd(upcoming((year) => lastDayOfMonth(new Date(year, q * 3 - 1, 1)), yearOf(quarter[3]), reference.getFullYear(), today));
  }

  const holiday = /^(jul|julen|christmas|påske|påsken|easter)(?: (\d{4}))?$/.exec(text);
  if (holiday) return ymd(upcoming((year) => beforeHoliday(holiday[1] ?? '', year), yearOf(holiday[2]), reference.getFullYear(), today));

  // Seasons as plans name them: spring (and "before the summer") ends on 30 June, autumn on 30 November.
  const season = /^(?:i |in |the )?(våren|vår|sommeren|sommer|sommerferien|spring|summer|the summer|høsten|høst|autumn|fall|the autumn)(?: (\d{4}))?$/.exec(text);
  if (season) {
    const autumn = /høst|autumn|fall/.test(season[1] ?? '');
    return ymd(upcoming((year) => new Date(year, autumn ? 10 : 5, 30), yearOf(season[2]), reference.getFullYear(), today));
  }
  if (/^utgangen av (?:the )?(?:måneden|month)$/.test(text)) return ymd(lastDayOfMonth(reference));
  if (/^(?:utgangen av (?:the )?(?:året|year)|årsskiftet|nyttår)$/.test(text)) return `${reference.getFullYear()}-12-31`;
  return undefined;
}

/** "ingen frist", "uten frist", "no deadline": the point is to have no deadline. */
export function meansNoDue(text: string): boolean {
  return /^(?:ingen(?: frist)?|uten frist|ingen tidsfrist|none|no deadline|no due date)$/.test(text.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' '));
}

/**
 * Reads a deadline as people write it: "15. mars", "15.03.2027", "innen neste møte", "i 2027",
 * "i mars", "medio mars", "om 3 uker", "om to uker", "i morgen", "uke 12", "neste fredag",
 * "1. kvartal", "før jul" (English too). A date without a year is the next such date.
 * Throws a coded error when the text says nothing the bot can read, or a day already past.
 */
export function parseDue(input: string, data: Readonly<Data>, now: Date, timeZone: string): Due {
  const text = normalise(input);
  const { today, reference } = localToday(now, timeZone);
  const invalid = () => new DomainError(ErrorCode.InvalidDue, 'unreadable due date', { text: input.trim().slice(0, 80) });
  if (!text) throw invalid();

  const meeting = meetingDue(data, now, text);
  if (meeting === undefined) throw new DomainError(ErrorCode.NoMeetingPlanned, 'no meeting to be due at');
  if (meeting !== 'not-a-meeting') return { dueMeetingId: meeting.id };

  const checked = (date: string): Due => {
    if (date < today) throw new DomainError(ErrorCode.DueInPast, 'due date in the past', { date });
    return { dueDate: date };
  };

  const near = nearDay(text, reference);
  if (near) return { dueDate: near };

  // "om 3 uker", "om to uker", "in a month"; after "innen" also just "2 uker".
  const relative = /^(?:om |in )?(\d{1,3}|[a-zæøå]+) (dag|dager|day|days|uke|uker|week|weeks|måned|måneder|month|months)$/.exec(text);
  const count = relative ? (/^\d/.test(relative[1] ?? '') ? Number(relative[1]) : NUMBER_WORDS[relative[1] ?? '']) : undefined;
  if (relative && count !== undefined) {
    const unit = relative[2] ?? '';
    const add = unit.startsWith('d') ? addDays : unit.startsWith('u') || unit.startsWith('w') ? addWeeks : addMonths;
    return { dueDate: ymd(add(reference, count)) };
  }

  // "i 2027", "utgangen av 2027", "2027": the last day of that year.
  const year = /^(?:i |in |utgangen av )?(\d{4})$/.exec(text);
  if (year) return checked(`${year[1]}-12-31`);

  const word = calendarWordDue(text, reference, today);
  if (word === 'no-such-week') throw invalid();
  if (word) return checked(word);

  // Without a year, a day or month is read in this year; addYears keeps 29 February as 28 February.
  const thisYear = reference.getFullYear();
  const day = upcomingDay(text, reference, today);
  if (day) return checked(day);

  // "i mars", "mars 2027": the last day of that month; "medio mars" its 15th.
  const middle = text.startsWith('medio ');
  const month = readMonth(text.replace(/^(i|in|utgangen av|medio) /, ''), reference);
  if (month) {
    const inYear = (year: number) => {
      const first = addYears(month.first, year - month.first.getFullYear());
      return middle ? setDate(first, 15) : lastDayOfMonth(first);
    };
    return checked(ymd(upcoming(inYear, month.hasYear ? month.first.getFullYear() : undefined, thisYear, today)));
  }
  const impossible = impossibleDay(text, reference);
  if (impossible) {
    const { month, days, year, hasYear } = impossible;
    // The year matters to what is wrong only when it was written, or for 29 February.
    const which = month === undefined || days === undefined ? {} : { month, days, ...(hasYear || month === 2 ? { year } : {}) };
    throw new DomainError(ErrorCode.NoSuchDay, 'no such day', { text: input.trim().slice(0, 80), ...which });
  }
  throw invalid();
}

/** The date a point is due, from its own date or the date of the meeting it is due at. */
export function dueDateOf(point: { dueDate?: string | undefined; dueMeetingId?: string | undefined }, data: Readonly<Data>, timeZone: string): string | undefined {
  if (point.dueDate) return point.dueDate;
  const meeting = point.dueMeetingId ? data.meetings.find((m) => m.id === point.dueMeetingId) : undefined;
  return meeting ? meetingDate(meeting, timeZone) : undefined;
}
