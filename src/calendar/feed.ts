import { createHmac, timingSafeEqual } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Data, Lang } from '../domain/schema.js';
import { messages } from '../i18n/index.js';

/**
 * A member's calendar link carries a signature of their id under the bot's link key, so a feed
 * cannot be guessed; changing the key (settings.linkSecret) revokes every link at once.
 */
export function calendarToken(secret: string, memberId: string): string {
  return createHmac('sha256', secret).update(`calendar:${memberId}`).digest('base64url').slice(0, 32);
}

export function validCalendarToken(secret: string, memberId: string, token: string): boolean {
  const expected = Buffer.from(calendarToken(secret, memberId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function calendarUrl(baseUrl: string, secret: string, memberId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/kalender/${encodeURIComponent(memberId)}/${calendarToken(secret, memberId)}.ics`;
}

const HISTORY_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * The council's meetings as iCalendar: times in UTC, so every calendar shows them right on
 * both sides of the summer-time change. Agenda titles that are exempt from disclosure are not
 * in the feed, since a calendar is not a personal chat. SEQUENCE follows the meeting's
 * revision, so calendars take a moved or cancelled meeting as an update, not a new event.
 * The words around the council's own texts are in the member's language.
 */
export function meetingCalendar(data: Readonly<Data>, now: Date, host: string, lang: Lang = 'nb'): string {
  const m = messages(lang);
  const calendar = ical({ name: m['calendar.name'], prodId: { company: 'Politirådet i Oslo', product: 'Politiradsboten', language: lang.toUpperCase() } });
  for (const meeting of data.meetings) {
    if (Date.parse(meeting.end) < now.getTime() - HISTORY_MS) continue;
    const agenda = meeting.agenda.map((item, index) => `${index + 1}. ${item.confidential ? m['agenda.confidential'] : item.title}`).join('\n');
    calendar.createEvent({
      id: `${meeting.id}@${host}`,
      start: new Date(meeting.start),
      end: new Date(meeting.end),
      summary: m['meeting.title']({ kind: m[`kind.${meeting.kind}`], title: meeting.title }),
      description: agenda ? `${m['agenda.label']}:\n${agenda}` : undefined,
      location: meeting.place ?? (meeting.onlineUrl ? m['meeting.online'] : undefined),
      url: meeting.onlineUrl,
      status: meeting.status === 'avlyst' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      sequence: meeting.revision,
      stamp: now,
    });
  }
  return calendar.toString();
}
