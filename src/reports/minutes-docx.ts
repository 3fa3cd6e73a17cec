import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { abbreviationsIn, pointsByItem } from '../domain/minutes.js';
import type { Data, Meeting } from '../domain/schema.js';
import { meetingHeading, messages, presentersText } from '../i18n/index.js';
import { pointLine } from '../i18n/points.js';
import { meetingDocument } from './meeting-document.js';

const m = messages('nb');

/** One paragraph a line, so the line breaks the secretary typed are kept. */
const lines = (text: string) => text.split('\n').map((line) => new Paragraph({ text: line }));

/**
 * The minutes as a Word document, in Norwegian and in the council's own layout (the October 2024
 * minutes): the meeting, who came and who sent apologies, each agenda item with what was written
 * under it, the abbreviations used, «Om politirådssamarbeidet» and the attachments per item.
 *
 * Minutes are public, so an item exempt from disclosure keeps its number and shows only
 * «Unntatt offentlighet»: its title, text and attachments stay out.
 */
export async function minutesDocx(meeting: Meeting, data: Readonly<Data>, timeZone: string): Promise<Buffer> {
  const minutes = meeting.minutes;
  const title = m['minutesDoc.title']({ meeting: meetingHeading(meeting, 'nb') });
  const people = (label: string, text: string | undefined) => (text ? [new Paragraph({ text: label, heading: HeadingLevel.HEADING_2 }), ...lines(text)] : []);
  const points = pointsByItem(data, meeting);
  // What was agreed to follow up under each open item, one line a point.
  const pointLines = (itemId: string) => (points.get(itemId) ?? []).map((point) => pointLine(point, data, 'nb', timeZone));
  const items = meeting.agenda.flatMap((item, index) => {
    const number = index + 1;
    if (item.confidential) return [new Paragraph({ text: `${number} ${m['minutesDoc.confidential']}`, heading: HeadingLevel.HEADING_2 })];
    const text = minutes?.items[item.id];
    const agreed = pointLines(item.id);
    return [
      new Paragraph({ text: `${number} ${item.title}`, heading: HeadingLevel.HEADING_2 }),
      ...(item.presenters.length > 0 ? [new Paragraph({ children: [new TextRun({ text: presentersText(item, 'nb'), italics: true })] })] : []),
      ...(text ? lines(text) : []),
      ...(agreed.length > 0 ? [new Paragraph({ children: [new TextRun({ text: `${m['minutes.points']}:`, bold: true })] }), ...agreed.map((line) => new Paragraph({ text: line, bullet: { level: 0 } }))] : []),
    ];
  });
  const written = [
    minutes?.present,
    minutes?.absent,
    ...meeting.agenda.filter((item) => !item.confidential).flatMap((item) => [item.title, minutes?.items[item.id], ...pointLines(item.id)]),
  ]
    .filter(Boolean)
    .join('\n');
  const abbreviations = abbreviationsIn(written);
  const attachments = meeting.agenda.flatMap((item, index) =>
    item.confidential || item.attachments.length === 0 ? [] : [new Paragraph({ text: m['minutesDoc.attachment']({ number: index + 1, titles: item.attachments.map((a) => a.title).join(', ') }) })],
  );
  return meetingDocument(meeting, data, title, timeZone, [
    ...people(m['minutesDoc.present'], minutes?.present),
    ...people(m['minutesDoc.absent'], minutes?.absent),
    ...items,
    ...(abbreviations.length > 0
      ? [new Paragraph({ text: m['minutesDoc.abbreviations'], heading: HeadingLevel.HEADING_2 }), ...abbreviations.map((a) => new Paragraph({ text: `${a.short}: ${a.long}` }))]
      : []),
    new Paragraph({ text: m['minutesDoc.about'], heading: HeadingLevel.HEADING_2 }),
    ...m['minutesDoc.aboutPoints'].map((point) => new Paragraph({ text: point, bullet: { level: 0 } })),
    ...(attachments.length > 0 ? [new Paragraph({ text: m['minutesDoc.attachments'], heading: HeadingLevel.HEADING_2 }), ...attachments] : []),
  ]);
}
