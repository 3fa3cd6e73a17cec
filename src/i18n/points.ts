import { formatCalendarDay } from '../domain/dates.js';
import { dueDateOf } from '../domain/follow-up-dates.js';
import { latestPeriod } from '../domain/follow-ups.js';
import type { Data, FocusArea, FollowUp, Lang } from '../domain/schema.js';
import { messages } from './index.js';

/** "mandag 15. mars 2027", "innen møtet torsdag 10. desember 2026", the source's own words, or "ingen frist". */
export function dueLabel(point: Pick<FollowUp, 'dueDate' | 'dueMeetingId' | 'dueText'>, data: Readonly<Data>, lang: Lang, timeZone: string): string {
  const m = messages(lang);
  if (point.dueMeetingId) {
    const date = dueDateOf(point, data, timeZone);
    if (date) return m['followUp.due.meeting']({ date: formatCalendarDay(date, timeZone, lang) });
  }
  if (point.dueDate) return formatCalendarDay(point.dueDate, timeZone, lang);
  return point.dueText ?? m['followUp.due.none'];
}

/**
 * A follow-up point in one line, as the minutes list it under the item it was made from: "Lage en
 * Oslostandard. Ansvar: Oslo politidistrikt (Tor Lund). Frist: mandag 15. mars 2027." A point
 * the owner answers for personally names only the owner.
 */
export function pointLine(point: FollowUp, data: Readonly<Data>, lang: Lang, timeZone: string): string {
  const m = messages(lang);
  const owner = data.members.find((member) => member.id === point.ownerMemberId)?.name;
  const party = point.responsible === 'medlem' ? undefined : m[`followUp.responsible.${point.responsible}`];
  const responsible = party && owner ? `${party} (${owner})` : (party ?? owner ?? m['followUp.responsible.medlem']);
  return m['minutes.pointLine']({ title: point.title.replace(/[.!?:]$/, ''), responsible, due: dueLabel(point, data, lang, timeZone) });
}

/**
 * "Innsatsområde 3: Forebygge kriminalitet blant barn og unge"; an area of an earlier period than
 * the council's current one says which ("Innsatsområde 3 (2017): …"), since numbers start over.
 */
export function focusAreaHeading(area: FocusArea | undefined, data: Readonly<Data>, lang: Lang): string {
  const m = messages(lang);
  if (!area) return m['followUp.noFocusArea'];
  const current = latestPeriod(data.focusAreas)[0]?.period;
  return area.period === current ? m['followUp.focusArea']({ number: area.number, title: area.title }) : m['followUp.focusAreaOf']({ number: area.number, title: area.title, period: area.period });
}
