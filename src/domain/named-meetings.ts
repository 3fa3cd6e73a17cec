import { readDay, readMonth, ymd } from './date-text.js';
import { localToday, meetingDate } from './follow-up-dates.js';
import { nextMeeting } from './meetings.js';
import type { Data, Meeting } from './schema.js';

/**
 * The meeting named after a command (/dagsorden, /rapporter, /neste): its id, "neste",
 * "forrige", "seminar", its day or month ("10. desember", "10.12.2026", "september",
 * "mars 2027"), or its year ("2024"), also with the words around it ("for møtet i mars").
 * Where the words fit several meetings, the one nearest to now is meant; a cancelled one only
 * when no other fits.
 */
export function meetingNamed(data: Readonly<Data>, name: string, now: Date, timeZone: string): Meeting | undefined {
  const exact = data.meetings.find((m) => m.id === name.trim());
  if (exact) return exact;
  const text = name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    // "for møtet i mars", "til møtet 10. desember", "for the meeting in March": the words around the name.
    .replace(/^(?:for|til|fra|to|from) /, '')
    .replace(/^(?:møtet|the meeting|meeting) /, '')
    // A meeting's time, as the bot writes it after the date ("torsdag 11. mars 2027 kl. 09.00").
    .replace(/,? (?:kl\.? ?|at )\d{1,2}[.:]\d{2}$/, '');
  if (/^(?:(?:neste|next) )?(?:møte|møtet|meeting)$|^(?:neste|next)$/.test(text)) return nextMeeting(data, now);
  if (/^(forrige|siste|last|previous)( møte| meeting)?$/.test(text)) {
    return previousMeeting(data, now);
  }
  const fits = matcher(text, localToday(now, timeZone).reference, timeZone);
  if (!fits) return undefined;
  const distance = (m: Meeting) => Math.abs(Date.parse(m.start) - now.getTime());
  const cancelled = (m: Meeting) => (m.status === 'avlyst' ? 1 : 0);
  return data.meetings.filter(fits).sort((a, b) => cancelled(a) - cancelled(b) || distance(a) - distance(b))[0];
}

/** The latest meeting that has begun (under way or held) and was not cancelled. */
export function previousMeeting(data: Readonly<Data>, now: Date): Meeting | undefined {
  return data.meetings.filter((m) => m.status !== 'avlyst' && new Date(m.start) <= now).sort((a, b) => Date.parse(b.start) - Date.parse(a.start))[0];
}

/** Which meetings the words fit, or undefined when they name no day, month, year or kind of meeting. */
function matcher(text: string, reference: Date, timeZone: string): ((meeting: Meeting) => boolean) | undefined {
  const seminar = /^(?:seminar|seminaret|the seminar)(?: (\d{4}))?$/.exec(text);
  if (seminar) return (m) => m.kind === 'seminar' && (!seminar[1] || meetingDate(m, timeZone).startsWith(seminar[1]));
  // A year alone ("2024", "i 2027"): that year's meetings, so the nearest of them is meant.
  const year = /^(?:i |in )?(\d{4})$/.exec(text);
  if (year) return (m) => meetingDate(m, timeZone).startsWith(`${year[1]}-`);
  const day = readDay(text, reference);
  if (day) {
    const date = ymd(day.date);
    return (m) => (day.hasYear ? meetingDate(m, timeZone) === date : meetingDate(m, timeZone).slice(5) === date.slice(5));
  }
  const month = readMonth(text.replace(/^(i|in) /, ''), reference);
  if (month) {
    const yearMonth = ymd(month.first).slice(0, 7);
    return (m) => (month.hasYear ? meetingDate(m, timeZone).startsWith(yearMonth) : meetingDate(m, timeZone).slice(5, 7) === yearMonth.slice(5));
  }
  return undefined;
}
