import type { SaltoReport, SaltoRound } from './schema.js';

/** The three answers to "how is it going" for a focus area. */
export const STATUS_VALUES = ['på sporet', 'noen utfordringer', 'alvorlige utfordringer'] as const;
export type StatusValue = (typeof STATUS_VALUES)[number];

export function isStatusValue(text: string): text is StatusValue {
  return (STATUS_VALUES as readonly string[]).includes(text);
}

/** What a question asks; the texts are in the catalogue under `salto.q.<prompt>`. */
export type Prompt = 'status' | 'gjort' | 'vanskelig' | 'ta-opp' | 'samarbeid' | 'annet';

export interface Question {
  key: string;
  prompt: Prompt;
  kind: 'status' | 'text';
  optional: boolean;
  focusAreaId?: string;
}

/** The longest answer kept; a longer one is refused with this limit stated. */
export const ANSWER_LIMIT = 2000;

/**
 * The form of a round: for each focus area a status and three texts, then two general
 * questions. It is a pure function of the round, so a saved position means the same question
 * after a restart.
 */
export function formQuestions(round: Pick<SaltoRound, 'focusAreaIds'>): Question[] {
  const perArea = round.focusAreaIds.flatMap((focusAreaId): Question[] => [
    { key: `${focusAreaId}.status`, prompt: 'status', kind: 'status', optional: false, focusAreaId },
    { key: `${focusAreaId}.gjort`, prompt: 'gjort', kind: 'text', optional: false, focusAreaId },
    { key: `${focusAreaId}.vanskelig`, prompt: 'vanskelig', kind: 'text', optional: true, focusAreaId },
    { key: `${focusAreaId}.ta-opp`, prompt: 'ta-opp', kind: 'text', optional: true, focusAreaId },
  ]);
  return [
    ...perArea,
    { key: 'samarbeid', prompt: 'samarbeid', kind: 'text', optional: false },
    { key: 'annet', prompt: 'annet', kind: 'text', optional: true },
  ];
}

const fold = (text: string) => text.toLowerCase().replace(/å/g, 'a').replace(/\s+/g, ' ').trim();

const STATUS_WORDS: Record<string, StatusValue> = {
  '1': 'på sporet',
  'pa sporet': 'på sporet',
  sporet: 'på sporet',
  'on track': 'på sporet',
  '2': 'noen utfordringer',
  'noen utfordringer': 'noen utfordringer',
  noen: 'noen utfordringer',
  'some challenges': 'noen utfordringer',
  some: 'noen utfordringer',
  '3': 'alvorlige utfordringer',
  'alvorlige utfordringer': 'alvorlige utfordringer',
  alvorlige: 'alvorlige utfordringer',
  alvorlig: 'alvorlige utfordringer',
  'serious challenges': 'alvorlige utfordringer',
  serious: 'alvorlige utfordringer',
};

/**
 * A status typed as 1–3 or in words (either language), or undefined: "2", "2.", "2)",
 * "noen utfordringer", "noen", "alvorlig", "1 på sporet". Never "utfordringer" alone, which
 * fits two of them.
 */
export function readStatus(text: string): StatusValue | undefined {
  const words = fold(text).replace(/[.!)]$/, '').replace(/^(\d)[.)]? (?=\D)/, '$1 ');
  const numbered = /^(\d) (.+)$/.exec(words);
  // "1 på sporet": the number and the words must agree.
  if (numbered) return STATUS_WORDS[numbered[1] ?? ''] === STATUS_WORDS[numbered[2] ?? ''] ? STATUS_WORDS[numbered[2] ?? ''] : undefined;
  return STATUS_WORDS[words];
}

/** What the coordinator did: answered, or one of the words "tilbake", "videre", "hopp over", "avbryt", "samme". */
export type FormInput =
  | { kind: 'answer'; text: string }
  | { kind: 'back' }
  | { kind: 'keep' }
  | { kind: 'skip' }
  | { kind: 'pause' }
  | { kind: 'edit'; key: string }
  /** "samme": the unit's answer to this question in its last report handed in. */
  | { kind: 'reuse' };

export type FormProblem = 'required' | 'invalid-status' | 'too-long' | 'not-optional' | 'at-start' | 'at-review' | 'unknown-question' | 'no-previous';

export type FormResult = { ok: true; done: 'asked' | 'review' | 'paused' } | { ok: false; problem: FormProblem };

/** "Samme som sist": the answer given to the question in the unit's last report. */
const REUSE_WORDS = new Set(['samme', 'samme svar', 'samme som sist', 'samme som forrige gang', 'samme som i forrige rapport', 'som sist', 'som forrige gang', 'same', 'same as last time', 'same as before']);

/** Reads the control words in either language; anything else is an answer. */
export function readFormInput(text: string): FormInput {
  const words = fold(text).replace(/[.!]$/, '');
  if (words === 'tilbake' || words === 'back') return { kind: 'back' };
  if (words === 'videre' || words === 'behold' || words === 'next' || words === 'keep') return { kind: 'keep' };
  if (words === 'hopp over' || words === 'skip') return { kind: 'skip' };
  if (words === 'avbryt' || words === 'pause' || words === 'cancel' || words === 'stopp') return { kind: 'pause' };
  if (REUSE_WORDS.has(words)) return { kind: 'reuse' };
  return { kind: 'answer', text };
}

export function currentQuestion(report: Pick<SaltoReport, 'position'>, questions: readonly Question[]): Question | undefined {
  return 'question' in report.position ? questions.find((q) => q.key === (report.position as { question: string }).question) : undefined;
}

function moveOn(report: SaltoReport, questions: readonly Question[], index: number): FormResult {
  const next = questions[index + 1];
  if (report.returnToReview || !next) {
    report.position = { review: true };
    report.returnToReview = false;
    return { ok: true, done: 'review' };
  }
  report.position = { question: next.key };
  return { ok: true, done: 'asked' };
}

/**
 * The form's step function: applies one input to the report and says what comes next. A
 * refused input changes nothing (except that an over-long answer is kept aside, never lost).
 */
export function advance(report: SaltoReport, questions: readonly Question[], input: FormInput): FormResult {
  if (input.kind === 'pause') return { ok: true, done: 'paused' };
  if (input.kind === 'edit') {
    if (!questions.some((q) => q.key === input.key)) return { ok: false, problem: 'unknown-question' };
    report.position = { question: input.key };
    report.returnToReview = true;
    return { ok: true, done: 'asked' };
  }
  const question = currentQuestion(report, questions);
  if (!question) {
    // At the review: "tilbake" goes to the last question; answers are changed with its buttons.
    if (input.kind === 'back') {
      report.position = { question: questions.at(-1)!.key };
      return { ok: true, done: 'asked' };
    }
    // A text typed here belongs to no question: say so rather than show the review as if taken.
    if (input.kind === 'answer') return { ok: false, problem: 'at-review' };
    return { ok: true, done: 'review' };
  }
  const index = questions.indexOf(question);
  switch (input.kind) {
    case 'back': {
      const previous = questions[index - 1];
      if (!previous) return { ok: false, problem: 'at-start' };
      report.position = { question: previous.key };
      report.returnToReview = false;
      return { ok: true, done: 'asked' };
    }
    case 'keep': {
      // On past a question already answered (after "tilbake" or "Endre"), keeping the answer;
      // an optional question without one counts as skipped, a required one must be answered.
      if (report.answers[question.key]) return moveOn(report, questions, index);
      if (!question.optional) return { ok: false, problem: 'required' };
      if (!report.skipped.includes(question.key)) report.skipped.push(question.key);
      return moveOn(report, questions, index);
    }
    case 'skip': {
      if (!question.optional) return { ok: false, problem: 'not-optional' };
      delete report.answers[question.key];
      if (!report.skipped.includes(question.key)) report.skipped.push(question.key);
      return moveOn(report, questions, index);
    }
    case 'reuse':
      // The caller turns "samme" into the earlier answer; one that gets here had none.
      return { ok: false, problem: 'no-previous' };
    case 'answer': {
      const text = input.text.trim();
      if (!text) return { ok: false, problem: 'required' };
      if ([...text].length > ANSWER_LIMIT) {
        // Kept (up to what the data file allows) so nothing typed is lost.
        report.refused = input.text.slice(0, 20_000);
        return { ok: false, problem: 'too-long' };
      }
      let value = text;
      if (question.kind === 'status') {
        const status = readStatus(text);
        if (!status) return { ok: false, problem: 'invalid-status' };
        value = status;
      }
      report.answers[question.key] = value;
      report.skipped = report.skipped.filter((key) => key !== question.key);
      delete report.refused;
      return moveOn(report, questions, index);
    }
  }
}

/** Required questions still without an answer; the report can be handed in when there are none. */
export function missingAnswers(report: Pick<SaltoReport, 'answers'>, questions: readonly Question[]): Question[] {
  return questions.filter((q) => !q.optional && !report.answers[q.key]);
}
