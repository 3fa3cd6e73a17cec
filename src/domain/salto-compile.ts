import { reportOf } from './salto-rounds.js';
import { formQuestions, type Question, type StatusValue } from './salto-form.js';
import type { Data, Meeting, ReportingUnit, SaltoFocusArea, SaltoReport, SaltoRound } from './schema.js';

export interface CompiledUnit {
  unit: ReportingUnit;
  /** Only reports handed in are compiled; drafts stay their author's. */
  report: SaltoReport | undefined;
  statusByArea: Record<string, StatusValue | undefined>;
}

export interface Difficulty {
  term: string;
  /** How many units named it for this focus area. */
  units: number;
}

export interface CompiledRound {
  round: SaltoRound;
  meeting: Meeting | undefined;
  focusAreas: SaltoFocusArea[];
  questions: Question[];
  units: CompiledUnit[];
  submitted: number;
  /** Per focus area, the words units most often use about what is difficult, most named first. */
  difficulties: Record<string, Difficulty[]>;
}

/** Common Norwegian and English words that say nothing about what is hard. */
const STOPWORDS = new Set(
  (
    'og i på til av for med som er det en et den de at ikke har vi om fra å så men kan skal blir ble være var ' +
    'eller også mer mye noe noen alle andre dette disse der her når hvor hva hvordan jobbe arbeid arbeidet ' +
    'med mot uten etter over under mellom hos sin sine sitt våre vår vårt oss dem seg får få gjøre gjør ' +
    'the and of to in a is are for on with that this it not we be have has as at by from or'
  ).split(' '),
);

/** The words of a text worth counting: lower case, letters only, no stopwords, four letters or more. */
function terms(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length >= 4 && !STOPWORDS.has(w)));
}

/** Counts, per term, how many units used it; a term one unit alone used is left out. */
export function commonDifficulties(texts: readonly string[], limit = 5): Difficulty[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const term of terms(text)) counts.set(term, (counts.get(term) ?? 0) + 1);
  return [...counts]
    .filter(([, units]) => units >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))
    .slice(0, limit)
    .map(([term, units]) => ({ term, units }));
}

/**
 * "Samlet rapport fra lokale og regionale SaLTo-handlingsplaner": every unit with the status
 * it gave per focus area, the most named difficulties per focus area, and the answers in full.
 */
export function compileRound(data: Readonly<Data>, round: SaltoRound): CompiledRound {
  const focusAreas = round.focusAreaIds.flatMap((id) => data.saltoFocusAreas.filter((a) => a.id === id));
  const units = round.unitIds.flatMap((unitId): CompiledUnit[] => {
    const unit = data.reportingUnits.find((u) => u.id === unitId);
    if (!unit) return [];
    const found = reportOf(data, round.id, unitId);
    const report = found?.status === 'levert' ? found : undefined;
    const statusByArea = Object.fromEntries(focusAreas.map((a) => [a.id, report?.answers[`${a.id}.status`] as StatusValue | undefined]));
    return [{ unit, report, statusByArea }];
  });
  const difficulties = Object.fromEntries(
    focusAreas.map((a) => [a.id, commonDifficulties(units.flatMap((u) => (u.report?.answers[`${a.id}.vanskelig`] ? [u.report.answers[`${a.id}.vanskelig`]!] : [])))]),
  );
  return {
    round,
    meeting: data.meetings.find((m) => m.id === round.meetingId),
    focusAreas,
    questions: formQuestions(round),
    units,
    submitted: units.filter((u) => u.report).length,
    difficulties,
  };
}
