import { z } from 'zod';
import { ErrorCode, isDomainError } from '../../domain/errors.js';
import { compileRound } from '../../domain/salto-compile.js';
import { ANSWER_LIMIT, readFormInput, type FormInput } from '../../domain/salto-form.js';
import { answerReport, changeDeadline, findRound, openRound, roundOverview, startReport, submitReport, unlockUnit } from '../../domain/salto-rounds.js';
import { COUNCIL, SECRETARIAT } from '../../domain/roles.js';
import type { Role, SaltoReport } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { dayLabel } from '../follow-ups/views.js';
import { attempt } from '../meetings/handling.js';
import { compiledCard, formCard, problemSentence, reviewCard, roundCard, roundFormCard, unitName } from '../salto/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction } from './card-action.js';
import { Verb } from './verbs.js';

/** Only coordinators answer reports; the domain checks which unit is theirs. */
export const COORDINATOR: readonly Role[] = ['salto-koordinator'];

const id = z.string().min(1).max(300);
const at = z.string().min(1).max(300);

type How = 'respond' | 'reply';

async function show(turn: Turn, card: Record<string, unknown>, how: How): Promise<void> {
  if (how === 'respond') await turn.respond(card);
  else await turn.reply({ card });
}

/** The report's current question or review, for this coordinator. */
async function showForm(turn: Turn, deps: BotDeps, reportId: string, how: How, problem = ''): Promise<void> {
  const data = deps.store.read();
  const report = data.saltoReports.find((r) => r.id === reportId);
  const round = report ? data.saltoRounds.find((r) => r.id === report.roundId) : undefined;
  if (!report || !round) return turn.reply(messages(turn.lang)['problem.not-found']);
  await show(turn, formCard(data, round, report, turn.lang, deps.timeZone, problem), how);
}

/**
 * One step of the form, from a button or a chat message. The answer is saved before anything
 * is shown; a refused answer leaves the report where it was and says why.
 */
export async function applyFormInput(turn: Turn, deps: BotDeps, reportId: string, input: FormInput, question: string | undefined, how: How): Promise<void> {
  const m = messages(turn.lang);
  const outcome = await attempt(
    turn,
    deps,
    () => deps.store.update((draft, before) => answerReport(draft, reportId, turn.member, input, question, deps.clock.now(), deps.timeZone, before).result),
    async (problem, error) => {
      await turn.reply(problem);
      // An old card: show where the form is now.
      if (isDomainError(error) && error.code === ErrorCode.Stale) await showForm(turn, deps, reportId, how);
    },
  );
  if (!outcome) return;
  if (!outcome.ok) {
    const length = input.kind === 'answer' ? [...input.text.trim()].length : 0;
    await showForm(turn, deps, reportId, how, problemSentence(outcome.problem, turn.lang, length, ANSWER_LIMIT));
    return;
  }
  if (outcome.done === 'paused') {
    await turn.reply(m['salto.paused']);
    return;
  }
  await showForm(turn, deps, reportId, how);
}

/** A chat message while a report is open is its answer (or "tilbake", "hopp over", "avbryt"). */
export async function answerFromChat(turn: Turn, deps: BotDeps, report: SaltoReport): Promise<void> {
  await applyFormInput(turn, deps, report.id, readFormInput(turn.text), undefined, 'reply');
}

/** Starts or continues a unit's report, at the question (or review) where it was left. */
export async function startOrContinue(turn: Turn, deps: BotDeps, roundId: string, unitId: string, how: How): Promise<void> {
  const report = await attempt(turn, deps, () => deps.store.update((draft, before) => startReport(draft, roundId, unitId, turn.member, deps.clock.now(), deps.timeZone, before)));
  if (report) await showForm(turn, deps, report.id, how);
}

export const reportStartAction = defineAction({
  verb: Verb.ReportStart,
  role: COORDINATOR,
  schema: z.object({ verb: z.literal(Verb.ReportStart), roundId: id, unitId: id }),
  async handle(turn, data, deps) {
    await startOrContinue(turn, deps, data.roundId, data.unitId, 'respond');
  },
});

export const reportAnswerAction = defineAction({
  verb: Verb.ReportAnswer,
  role: COORDINATOR,
  schema: z.object({ verb: z.literal(Verb.ReportAnswer), reportId: id, at, value: z.string().max(100) }),
  async handle(turn, data, deps) {
    await applyFormInput(turn, deps, data.reportId, { kind: 'answer', text: data.value }, data.at, 'respond');
  },
});

function controlAction(verb: typeof Verb.ReportBack | typeof Verb.ReportKeep | typeof Verb.ReportReuse | typeof Verb.ReportSkip | typeof Verb.ReportPause, input: FormInput) {
  return defineAction({
    verb,
    role: COORDINATOR,
    schema: z.object({ verb: z.literal(verb), reportId: id, at }),
    async handle(turn, data, deps) {
      await applyFormInput(turn, deps, data.reportId, input, data.at, 'respond');
    },
  });
}

export const reportBackAction = controlAction(Verb.ReportBack, { kind: 'back' });
export const reportKeepAction = controlAction(Verb.ReportKeep, { kind: 'keep' });
export const reportReuseAction = controlAction(Verb.ReportReuse, { kind: 'reuse' });
export const reportSkipAction = controlAction(Verb.ReportSkip, { kind: 'skip' });
export const reportPauseAction = controlAction(Verb.ReportPause, { kind: 'pause' });

export const reportEditAction = defineAction({
  verb: Verb.ReportEdit,
  role: COORDINATOR,
  schema: z.object({ verb: z.literal(Verb.ReportEdit), reportId: id, question: at }),
  async handle(turn, data, deps) {
    await applyFormInput(turn, deps, data.reportId, { kind: 'edit', key: data.question }, undefined, 'respond');
  },
});

export const reportSubmitAction = defineAction({
  verb: Verb.ReportSubmit,
  role: COORDINATOR,
  schema: z.object({ verb: z.literal(Verb.ReportSubmit), reportId: id }),
  async handle(turn, data, deps) {
    const submitted = await attempt(turn, deps, () => deps.store.update((draft, before) => submitReport(draft, data.reportId, turn.member, deps.clock.now(), deps.timeZone, before)));
    if (!submitted) return;
    const store = deps.store.read();
    const round = findRound(store, submitted.roundId);
    const m = messages(turn.lang);
    const headline = m['salto.submitted']({ unit: unitName(store, submitted.unitId), date: dayLabel(round.deadline, turn.lang, deps.timeZone) });
    await turn.respond(reviewCard(store, round, submitted, turn.lang, deps.timeZone, { editable: false, headline }));
  },
});

/** The secretariat's overview of a round, with the download link when the bot has a public address. */
export async function showRound(turn: Turn, deps: BotDeps, roundId: string, how: How, headline = ''): Promise<void> {
  const data = deps.store.read();
  const round = data.saltoRounds.find((r) => r.id === roundId);
  if (!round) return turn.reply(messages(turn.lang)['problem.not-found']);
  const now = deps.clock.now();
  await show(turn, roundCard(data, round, roundOverview(data, round, now, deps.timeZone), turn.lang, deps.timeZone, deps.reportUrl?.(round.id), headline, now), how);
}

export const roundOpenAction = defineAction({
  verb: Verb.RoundOpen,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.RoundOpen), meetingId: id, deadline: z.string().max(40) }),
  async handle(turn, data, deps) {
    const memberId = turn.member?.id;
    if (!memberId) return;
    const now = deps.clock.now();
    const opened = await attempt(
      turn,
      deps,
      () => deps.store.update((draft) => openRound(draft, data.meetingId, data.deadline || undefined, memberId, now, deps.timeZone)),
      async (problem) => {
        const card = roundFormCard(deps.store.read(), turn.lang, deps.timeZone, now, { meetingId: data.meetingId, deadline: data.deadline }, problem);
        if (card) await turn.respond(card);
        else await turn.reply(problem);
      },
    );
    if (!opened) return;
    deps.notifier.kick();
    const total = new Set(deps.store.read().members.filter((m) => m.roles.includes('salto-koordinator')).map((m) => m.id)).size;
    await showRound(turn, deps, opened.round.id, 'respond', messages(turn.lang)['saltoRound.opened']({ invited: opened.invited.length, total }));
  },
});

export const roundShowAction = defineAction({
  verb: Verb.RoundShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.RoundShow), roundId: id }),
  async handle(turn, data, deps) {
    await showRound(turn, deps, data.roundId, 'respond');
  },
});

/** «Endre frist» on `/rapporter`: the round's deadline moves, and the coordinators still writing are told. */
export const roundDeadlineAction = defineAction({
  verb: Verb.RoundDeadline,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.RoundDeadline), roundId: id, deadline: z.string().max(40).default('') }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const now = deps.clock.now();
    const changed = await attempt(turn, deps, () => deps.store.update((draft) => changeDeadline(draft, data.roundId, data.deadline, now, deps.timeZone)));
    if (!changed) return showRound(turn, deps, data.roundId, 'respond');
    if (changed.told.length > 0) deps.notifier.kick();
    await showRound(turn, deps, data.roundId, 'respond', changed.moved ? m['saltoOverview.deadlineChanged']({ deadline: dayLabel(changed.round.deadline, turn.lang, deps.timeZone), told: changed.told.length }) : m['saltoOverview.deadlineSame']);
  },
});

export const reportUnlockAction = defineAction({
  verb: Verb.ReportUnlock,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.ReportUnlock), roundId: id, unitId: id }),
  async handle(turn, data, deps) {
    const unlocked = await attempt(turn, deps, () => deps.store.update((draft) => unlockUnit(draft, data.roundId, data.unitId)));
    if (!unlocked) return;
    await showRound(turn, deps, data.roundId, 'respond', messages(turn.lang)['saltoOverview.unlocked']({ unit: unitName(deps.store.read(), data.unitId) }));
  },
});

/** The compiled report as a card: for the council, who reads it, and the secretariat. */
export const reportCompiledAction = defineAction({
  verb: Verb.ReportCompiled,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.ReportCompiled), roundId: id }),
  async handle(turn, data, deps) {
    const store = deps.store.read();
    const round = store.saltoRounds.find((r) => r.id === data.roundId);
    if (!round) return turn.reply(messages(turn.lang)['problem.not-found']);
    await turn.respond(compiledCard(compileRound(store, round), turn.lang, deps.timeZone, deps.reportUrl?.(round.id)));
  },
});
