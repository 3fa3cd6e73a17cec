import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { meetingDate } from '../domain/follow-up-dates.js';
import type { CompiledRound } from '../domain/salto-compile.js';
import { isStatusValue } from '../domain/salto-form.js';
import type { Data } from '../domain/schema.js';
import { formatCalendarDay } from '../domain/dates.js';
import { messages } from '../i18n/index.js';

const m = messages('nb');

const day = (date: string, timeZone: string) => formatCalendarDay(date, timeZone, 'nb');

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });

/**
 * The compiled report as a Word document, in Norwegian since it goes to the council's papers:
 * the status table, the most named difficulties per focus area, and every unit's answers.
 */
export async function saltoReportDocx(compiled: CompiledRound, data: Readonly<Data>, timeZone: string): Promise<Buffer> {
  const meeting = compiled.meeting;
  const date = meeting ? day(meetingDate(meeting, timeZone), timeZone) : compiled.round.meetingId;
  const statusTable = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell(m['saltoReport.unit'], true), ...compiled.focusAreas.map((a) => cell(`${a.number}. ${a.title}`, true))] }),
      ...compiled.units.map(
        (u) =>
          new TableRow({
            children: [
              cell(u.unit.name),
              ...compiled.focusAreas.map((a) => {
                const status = u.statusByArea[a.id];
                return cell(status ? m[`salto.status.${status}`] : u.report ? '' : m['saltoReport.notSubmitted']);
              }),
            ],
          }),
      ),
    ],
  });
  const difficulties = compiled.focusAreas.flatMap((a) => {
    const found = compiled.difficulties[a.id] ?? [];
    return [
      new Paragraph({ text: `${a.number}. ${a.title}`, heading: HeadingLevel.HEADING_3 }),
      new Paragraph({ text: found.length > 0 ? found.map((d) => m['saltoReport.difficulty'](d)).join(', ') : m['saltoReport.noDifficulties'] }),
    ];
  });
  const answers = compiled.units.flatMap((u) => {
    if (!u.report) return [];
    const report = u.report;
    const author = data.members.find((x) => x.id === report.authorMemberId)?.name ?? report.authorMemberId;
    const heading = new Paragraph({ text: u.unit.name, heading: HeadingLevel.HEADING_2 });
    const by = new Paragraph({ children: [new TextRun({ text: m['saltoReport.by']({ name: author, date: report.submittedAt ? day(report.submittedAt.slice(0, 10), timeZone) : '' }), italics: true })] });
    let area: string | undefined;
    const lines = compiled.questions.flatMap((q) => {
      const answer = report.answers[q.key];
      const focus = compiled.focusAreas.find((a) => a.id === q.focusAreaId);
      const title = focus ? `${focus.number}. ${focus.title}` : m['salto.general'];
      const out: Paragraph[] = [];
      if (title !== area) {
        area = title;
        out.push(new Paragraph({ text: title, heading: HeadingLevel.HEADING_3 }));
      }
      const text = answer ? (q.kind === 'status' && isStatusValue(answer) ? m[`salto.status.${answer}`] : answer) : report.skipped.includes(q.key) ? m['salto.review.skipped'] : m['salto.review.empty'];
      out.push(new Paragraph({ children: [new TextRun({ text: m[`salto.q.${q.prompt}`], bold: true })] }));
      // One paragraph a line, so line breaks the coordinator typed are kept.
      out.push(...text.split('\n').map((line) => new Paragraph({ text: line })));
      return out;
    });
    return [heading, by, ...lines];
  });
  const document = new Document({
    creator: data.council.name,
    title: m['saltoReport.title'],
    sections: [
      {
        children: [
          new Paragraph({ text: m['saltoReport.title'], heading: HeadingLevel.TITLE }),
          new Paragraph({ text: m['saltoReport.subtitle']({ date, count: compiled.submitted, total: compiled.units.length }) }),
          new Paragraph({ text: m['saltoReport.statusTable'], heading: HeadingLevel.HEADING_1 }),
          statusTable,
          new Paragraph({ text: m['saltoReport.difficulties'], heading: HeadingLevel.HEADING_1 }),
          ...difficulties,
          new Paragraph({ text: m['saltoReport.answers'], heading: HeadingLevel.HEADING_1 }),
          ...answers,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
