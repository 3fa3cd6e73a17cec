import { upcomingDay } from './date-text.js';
import { localToday, nearDay } from './follow-up-dates.js';
import { USUAL_HOURS, type MeetingInput } from './meetings.js';
import type { MeetingKind } from './schema.js';

/** What the words after /møte said, to fill in the form, and what could not be read. */
export interface NewMeetingWords {
  values: Pick<MeetingInput, 'kind' | 'startTime' | 'endTime'> & { date?: string; title?: string; place?: string };
  /** The words that were neither a kind, a day, a time nor a title, as typed (lower-cased). */
  unread: string | undefined;
}

const KINDS: readonly [RegExp, MeetingKind][] = [
  [/(?:^| )(?:ekstraordinært|ekstraordinaert|ekstraordinart|extraordinary)(?: møte| meeting)?(?=[,.:;]? |[,.:;]?$)/iu, 'ekstraordinært'],
  [/(?:^| )(?:seminar|seminaret|the seminar)(?=[,.:;]? |[,.:;]?$)/iu, 'seminar'],
  [/(?:^| )(?:ordinært|ordinaert|ordinart|ordinary)(?: møte| meeting)?(?=[,.:;]? |[,.:;]?$)/iu, 'ordinært'],
];

const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?`;
/** "kl. 10", "kl 10.30", "klokka 9–15", "at 10:00-12:00"; or a bare "10:00" or "10:00–12:00". */
const TIMES = [
  new RegExp(String.raw`(?:^| )(?:kl\.?|klokka|klokken|at) ?${CLOCK}(?: ?[-–] ?${CLOCK})?(?=[,.:;]? |[,.:;]?$)`, 'iu'),
  /(?:^| )(\d{1,2}):(\d{2})(?: ?[-–] ?(\d{1,2}):(\d{2}))?(?=[,.:;]? |[,.:;]?$)/,
];

const WEEKDAY = /^(?:(?:på|on) )?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:den )?/;

/** The most words a day is written with: "på torsdag den 12. januar 2027". */
const LONGEST_DAY = 6;
/** How far into the words a day is looked for; a day comes early in what anyone types. */
const DAY_WITHIN = 40;
/** Where the meeting is, written before or after its day: "på Rådhuset", "at City Hall". */
const PLACE = /^(?:på|at) (.+)$/iu;
const trimmed = (text: string) => text.replace(/^[\s,.:;–-]+|[\s,.:;–-]+$/g, '');
/** Words that name no more than the command does: "/møte nytt møte 12. januar". */
const FILLER = /^(?:(?:et|nytt|new|a) )?(?:møte|meeting)$/iu;

/**
 * Words that say when rather than what: left over beside a day, they are a day or a time that
 * could not be read ("neste torsdag", "kl. 25"), not a title.
 */
const WHEN_WORDS =
  /\d|\b(?:jan|januar|january|feb|februar|february|mars|march|apr|april|mai|may|juni|june|juli|july|aug|august|sep|sept|september|okt|oktober|oct|october|nov|november|des|desember|dec|december|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morgen|overmorgen|tomorrow|today|idag|neste|next|uke|week|kl|klokka|klokken)\b/iu;

/**
 * Reads what a secretary writes after /møte, in any order: a kind ("ekstraordinært",
 * "seminar"), a day ("12. januar", "12.1.2027", "torsdag 12. januar", "i morgen", "neste
 * torsdag"), a time ("kl. 10",
 * "kl. 10–12", "10:00"), a place ("på Rådhuset", before or after the day) and a title, the
 * words that are none of these ("om skyting på Grønland").
 * A day without a year is the next such day. A start without an end gets the kind's usual length;
 * nothing named keeps the council's usual hours. Words left beside a day that still speak of a
 * day or a time are given back as unread rather than taken as the title.
 */
export function readNewMeetingWords(text: string, now: Date, timeZone: string): NewMeetingWords {
  let rest = ` ${text.trim().replace(/\s+/g, ' ').replace(/[!]+$/, '')} `;
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const found = pattern.exec(rest.trim());
    if (found) rest = ` ${rest.trim().slice(0, found.index)} ${rest.trim().slice(found.index + found[0].length)} `;
    return found;
  };

  let kind: MeetingKind = 'ordinært';
  for (const [pattern, named] of KINDS) {
    if (take(pattern)) {
      kind = named;
      break;
    }
  }
  let { startTime, endTime } = USUAL_HOURS[kind];
  const unread: string[] = [];
  let time: RegExpExecArray | null = null;
  for (const pattern of TIMES) time ??= take(pattern);
  if (time) {
    const start = clock(time[1], time[2]);
    const end = time[3] === undefined ? undefined : clock(time[3], time[4]);
    if (start && (time[3] === undefined || end)) {
      startTime = start;
      endTime = end ?? later(start, kind) ?? '';
    } else unread.push(time[0].trim().toLowerCase());
  }

  const { today, reference } = localToday(now, timeZone);
  const words = rest.trim().split(' ').filter(Boolean);
  const day = dayAmong(words, (written) => upcomingDay(written, reference, today) ?? nearDay(written, reference));
  // The words before and after the day: one that starts with "på" names the place.
  let place: string | undefined;
  const titled: string[] = [];
  for (const segment of day ? [words.slice(0, day.from), words.slice(day.to)] : [words]) {
    const text = trimmed(segment.join(' '));
    const at = PLACE.exec(text);
    if (at && place === undefined && !WHEN_WORDS.test(text)) place = at[1]!.slice(0, 300);
    else if (text) titled.push(text);
  }
  const left = titled.join(' ');
  let title: string | undefined;
  if (left && !WHEN_WORDS.test(left)) title = FILLER.test(left) ? undefined : titleOf(left);
  else if (left) unread.unshift(left.toLowerCase());
  return {
    values: { kind, ...(day ? { date: day.date } : {}), ...(title ? { title } : {}), ...(place ? { place } : {}), startTime, endTime },
    unread: unread.length > 0 ? unread.join(' ') : undefined,
  };
}

/** The longest run of words that reads as a day, the first of equals; with its place among them. */
function dayAmong(words: readonly string[], read: (written: string) => string | undefined): { date: string; from: number; to: number } | undefined {
  const within = Math.min(words.length, DAY_WITHIN);
  for (let length = Math.min(LONGEST_DAY, within); length > 0; length -= 1) {
    for (let from = 0; from + length <= within; from += 1) {
      const written = words
        .slice(from, from + length)
        .join(' ')
        .toLowerCase()
        .replace(/[.,]$/, '')
        .replace(/^den /, '')
        .replace(WEEKDAY, '');
      const date = written ? read(written) : undefined;
      if (date) return { date, from, to: from + length };
    }
  }
  return undefined;
}

/**
 * A title from the words left over: "om skyting på Grønland" is "Skyting på Grønland", and
 * "Youth crime on" (from "Youth crime on 12 January") is "Youth crime".
 */
function titleOf(words: string): string | undefined {
  const title = words
    .replace(/^(?:(?:om|about|on) )+/iu, '')
    .replace(/(?: (?:on|på|den|the))+$/iu, '')
    .slice(0, 300);
  return title ? title.charAt(0).toUpperCase() + title.slice(1) : undefined;
}

/** "HH:mm" for an hour and minutes, or undefined when there is no such time. */
function clock(hours: string | undefined, minutes: string | undefined): string | undefined {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  return Number.isInteger(h) && h <= 23 && m <= 59 ? hhmm(h * 60 + m) : undefined;
}

/** The end of a meeting of the kind's usual length from a start; undefined past midnight. */
function later(start: string, kind: MeetingKind): string | undefined {
  const end = minutesOf(start) + minutesOf(USUAL_HOURS[kind].endTime) - minutesOf(USUAL_HOURS[kind].startTime);
  return end < 24 * 60 ? hhmm(end) : undefined;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
