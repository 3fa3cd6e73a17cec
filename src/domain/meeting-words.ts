import { upcomingDay } from './date-text.js';
import { localToday } from './follow-up-dates.js';
import { USUAL_HOURS, type MeetingInput } from './meetings.js';
import type { MeetingKind } from './schema.js';

/** What the words after /møte said, to fill in the form, and what could not be read. */
export interface NewMeetingWords {
  values: Pick<MeetingInput, 'kind' | 'startTime' | 'endTime'> & { date?: string };
  /** The words that were neither a kind, a day nor a time, as typed (lower-cased). */
  unread: string | undefined;
}

const KINDS: readonly [RegExp, MeetingKind][] = [
  [/(?:^| )(?:ekstraordinært|ekstraordinaert|ekstraordinart|extraordinary)(?: møte| meeting)?(?= |$)/, 'ekstraordinært'],
  [/(?:^| )(?:seminar|seminaret|the seminar)(?= |$)/, 'seminar'],
  [/(?:^| )(?:ordinært|ordinaert|ordinart|ordinary)(?: møte| meeting)?(?= |$)/, 'ordinært'],
];

const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?`;
/** "kl. 10", "kl 10.30", "klokka 9–15", "at 10:00-12:00"; or a bare "10:00" or "10:00–12:00". */
const TIMES = [
  new RegExp(String.raw`(?:^| )(?:kl\.?|klokka|klokken|at) ?${CLOCK}(?: ?[-–] ?${CLOCK})?(?= |$)`),
  /(?:^| )(\d{1,2}):(\d{2})(?: ?[-–] ?(\d{1,2}):(\d{2}))?(?= |$)/,
];

const WEEKDAY = /^(?:(?:på|on) )?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:den )?/;

/**
 * Reads what a secretary writes after /møte, in any order: a kind ("ekstraordinært",
 * "seminar"), a day ("12. januar", "12.1.2027", "torsdag 12. januar") and a time ("kl. 10",
 * "kl. 10–12", "10:00"). A day without a year is the next such day. A start without an end gets
 * the kind's usual length; nothing named keeps the council's usual hours.
 */
export function readNewMeetingWords(text: string, now: Date, timeZone: string): NewMeetingWords {
  let rest = ` ${text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[!]+$/, '')} `;
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
    } else unread.push(time[0].trim());
  }

  let date: string | undefined;
  const words = rest.trim().replace(/\s+/g, ' ').replace(/\.$/, '').replace(/^den /, '').replace(WEEKDAY, '');
  if (words) {
    const { today, reference } = localToday(now, timeZone);
    date = upcomingDay(words, reference, today);
    if (!date) unread.unshift(words);
  }
  return { values: { kind, ...(date ? { date } : {}), startTime, endTime }, unread: unread.length > 0 ? unread.join(' ') : undefined };
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
