import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { formatDate } from '../domain/dates.js';
import { followUpList } from '../domain/follow-up-reminders.js';
import { isConfidentialPoint, latestUpdate } from '../domain/follow-ups.js';
import type { Data, FollowUp, Meeting } from '../domain/schema.js';
import { meetingHeading, messages } from '../i18n/index.js';
import { focusAreaHeading, pointLine } from '../i18n/points.js';
import { meetingDocument } from './meeting-document.js';

const m = messages('nb');

/**
 * The follow-up list as a Word document for a meeting's papers, in Norwegian: the open points by
 * focus area, overdue first and marked, each with who answers for it, the deadline, its status
 * and latest update; then what was closed since the previous meeting. Meeting papers travel, so
 * a point made from an item exempt from disclosure shows only «Unntatt offentlighet».
 */
export async function followUpListDocx(meeting: Meeting, data: Readonly<Data>, now: Date, timeZone: string): Promise<Buffer> {
  const { open, closed } = followUpList(data, meeting, now, timeZone);
  const name = (memberId: string | undefined) => data.members.find((x) => x.id === memberId)?.name ?? '';
  const hidden = (point: FollowUp) => isConfidentialPoint(data, point);
  const title = m['followUpList.title']({ meeting: meetingHeading(meeting, 'nb') });
  const point = (p: FollowUp, overdue: boolean) => {
    if (hidden(p)) return [new Paragraph({ children: [new TextRun({ text: m['status.confidential'], bold: true })] })];
    const latest = latestUpdate(p);
    return [
      new Paragraph({ children: [...(overdue ? [new TextRun({ text: `${m['status.overdue']} `, bold: true })] : []), new TextRun({ text: pointLine(p, data, 'nb', timeZone) })] }),
      new Paragraph({ children: [new TextRun({ text: `${m['status.fact.status']}: ${m[`followUp.status.${p.status}`]}`, italics: true })] }),
      ...(latest?.text ? [new Paragraph({ text: `${latest.text} ${m['status.latestBy']({ name: name(latest.byMemberId) || data.council.shortName, date: formatDate(latest.at, timeZone, 'nb') })}` })] : []),
    ];
  };
  return meetingDocument(meeting, data, title, timeZone, [
    new Paragraph({ text: m['followUpList.asOf']({ date: formatDate(now.toISOString(), timeZone, 'nb'), open: open.counts.open, overdue: open.counts.overdue }) }),
    ...(open.groups.length === 0 ? [new Paragraph({ text: m['followUpList.noneOpen'] })] : []),
    ...open.groups.flatMap((group) => [
      new Paragraph({ text: focusAreaHeading(group.focusArea, data, 'nb'), heading: HeadingLevel.HEADING_2 }),
      ...group.points.flatMap((item) => point(item.point, item.overdue)),
    ]),
    ...(closed.length > 0
      ? [
          new Paragraph({ text: m['summary.closed']({ count: closed.length }), heading: HeadingLevel.HEADING_2 }),
          ...closed.map((p) => new Paragraph({ text: hidden(p) ? m['status.confidential'] : `${p.title.replace(/[.!?:]$/, '')}: ${m[`followUp.status.${p.status}`]}`, bullet: { level: 0 } })),
        ]
      : []),
  ]);
}
