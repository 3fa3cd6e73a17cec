import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { formatDateTime } from '../domain/dates.js';
import type { Data, Meeting } from '../domain/schema.js';

/**
 * A Word document for a meeting's papers, in Norwegian: its title, when and where the meeting
 * is, then the body given.
 */
export function meetingDocument(meeting: Meeting, data: Readonly<Data>, title: string, timeZone: string, body: Paragraph[]): Promise<Buffer> {
  const when = [formatDateTime(meeting.start, timeZone, 'nb'), meeting.place].filter(Boolean).join(', ');
  const document = new Document({
    creator: data.council.name,
    title,
    sections: [{ children: [new Paragraph({ text: title, heading: HeadingLevel.TITLE }), new Paragraph({ text: when }), ...body] }],
  });
  return Packer.toBuffer(document);
}
