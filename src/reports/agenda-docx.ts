import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Data, Meeting } from '../domain/schema.js';
import { meetingHeading, messages, presentersText } from '../i18n/index.js';
import { meetingDocument } from './meeting-document.js';

const m = messages('nb');

/**
 * The notice of a meeting with its agenda, as a Word document for the meeting papers
 * (innkalling): the Teams link, each item by number with its presenters, description and
 * attachments (title and address), and how to answer. Meeting papers are public, so an item
 * exempt from disclosure keeps its number and shows only «Unntatt offentlighet».
 */
export function agendaDocx(meeting: Meeting, data: Readonly<Data>, timeZone: string): Promise<Buffer> {
  const title = m['agendaDoc.title']({ meeting: meetingHeading(meeting, 'nb') });
  const items = meeting.agenda.flatMap((item, index) => {
    const number = index + 1;
    if (item.confidential) return [new Paragraph({ text: `${number} ${m['minutesDoc.confidential']}`, heading: HeadingLevel.HEADING_2 })];
    return [
      new Paragraph({ text: `${number} ${item.title}`, heading: HeadingLevel.HEADING_2 }),
      ...(item.presenters.length > 0 ? [new Paragraph({ children: [new TextRun({ text: presentersText(item, 'nb'), italics: true })] })] : []),
      ...(item.description ? item.description.split('\n').map((line) => new Paragraph({ text: line })) : []),
      ...item.attachments.map((a) => new Paragraph({ text: m['agendaDoc.attachment']({ title: a.title, url: a.url }), bullet: { level: 0 } })),
    ];
  });
  return meetingDocument(meeting, data, title, timeZone, [
    ...(meeting.status === 'avlyst' ? [new Paragraph({ children: [new TextRun({ text: m['agendaDoc.cancelled'], bold: true })] })] : []),
    ...(meeting.onlineUrl ? [new Paragraph({ text: m['agendaDoc.online']({ url: meeting.onlineUrl }) })] : []),
    new Paragraph({ text: m['agendaDoc.agenda'], heading: HeadingLevel.HEADING_1 }),
    ...(items.length > 0 ? items : [new Paragraph({ text: m['agenda.empty'] })]),
    new Paragraph({ text: m['agendaDoc.answer'] }),
  ]);
}
