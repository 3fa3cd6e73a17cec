import { renderCard, type Button, type Card, type SaltoReviewCardModel } from '../../cards/render.js';
import { meetingDate, todayIn } from '../../domain/follow-up-dates.js';
import { comingMeetings, meetingPhase } from '../../domain/meetings.js';
import type { CompiledRound } from '../../domain/salto-compile.js';
import { currentQuestion, formQuestions, isStatusValue, missingAnswers, STATUS_VALUES, type FormProblem, type Question, type StatusValue } from '../../domain/salto-form.js';
import { defaultDeadline, previousAnswer, roundOverview, type UnitOverview } from '../../domain/salto-rounds.js';
import type { Data, Lang, Meeting, SaltoReport, SaltoRound } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { Verb } from '../actions/verbs.js';
import { dayLabel } from '../follow-ups/views.js';
import { meetingName } from '../meetings/views.js';

const STATUS_COLORS: Record<StatusValue, 'good' | 'warning' | 'attention'> = {
  'på sporet': 'good',
  'noen utfordringer': 'warning',
  'alvorlige utfordringer': 'attention',
};

export function unitName(data: Readonly<Data>, unitId: string): string {
  return data.reportingUnits.find((u) => u.id === unitId)?.name ?? unitId;
}

/** "Innsatsområde 2: Utfordringer knyttet til rus", or "Generelt" for the closing questions. */
export function questionArea(data: Readonly<Data>, question: Question, lang: Lang): string {
  const m = messages(lang);
  const area = question.focusAreaId ? data.saltoFocusAreas.find((a) => a.id === question.focusAreaId) : undefined;
  return area ? m['salto.area']({ number: area.number, title: area.title }) : m['salto.general'];
}

function answerText(question: Question, answer: string, lang: Lang): string {
  return question.kind === 'status' && isStatusValue(answer) ? messages(lang)[`salto.status.${answer}`] : answer;
}

export function problemSentence(problem: FormProblem, lang: Lang, length = 0, limit = 0): string {
  const m = messages(lang);
  return problem === 'too-long' ? m['salto.problem.too-long']({ length, limit }) : m[`salto.problem.${problem}`];
}

/** The question the report is at, with its buttons; each carries the question's key, so an old card is recognised. */
export function questionCard(data: Readonly<Data>, round: SaltoRound, report: SaltoReport, lang: Lang, timeZone: string, problem = ''): Card {
  const m = messages(lang);
  const questions = formQuestions(round);
  const question = currentQuestion(report, questions) ?? questions[0]!;
  const at = { reportId: report.id, at: question.key };
  const answer = report.answers[question.key];
  // Not yet answered this time: the unit's answer in its last report, to use again with one word.
  const earlier = answer ? undefined : previousAnswer(data, round, report.unitId, question.key);
  const earlierMeeting = earlier && data.meetings.find((x) => x.id === earlier.meetingId);
  const buttons: Button[] = [
    ...(answer ? [{ title: m['salto.keep'], data: { verb: Verb.ReportKeep, ...at } }] : []),
    ...(earlier ? [{ title: m['salto.reuse'], data: { verb: Verb.ReportReuse, ...at } }] : []),
    ...(questions.indexOf(question) > 0 ? [{ title: m['salto.back'], data: { verb: Verb.ReportBack, ...at } }] : []),
    ...(question.optional ? [{ title: m['salto.skip'], data: { verb: Verb.ReportSkip, ...at } }] : []),
    { title: m['salto.pause'], data: { verb: Verb.ReportPause, ...at } },
  ];
  return renderCard('salto-question', {
    problem,
    progress: m['salto.progress']({ unit: unitName(data, report.unitId), n: questions.indexOf(question) + 1, total: questions.length }),
    area: questionArea(data, question, lang),
    question: m[`salto.q.${question.prompt}`],
    current: answer ? m['salto.current']({ answer: answerText(question, answer, lang) }) : '',
    previous: earlier ? m['salto.previous']({ meeting: earlierMeeting ? dayLabel(meetingDate(earlierMeeting, timeZone), lang, timeZone) : earlier.meetingId, answer: answerText(question, earlier.text, lang) }) : '',
    hint: answer
      ? m['salto.hintKeep']
      : earlier
        ? m[question.kind === 'status' ? 'salto.hintPreviousStatus' : 'salto.hintPrevious']
        : question.kind === 'status'
          ? m['salto.hintStatus']
          : question.optional
            ? m['salto.hintOptional']
            : m['salto.hintText'],
    choices:
      question.kind === 'status'
        ? STATUS_VALUES.map((value) => ({ title: m[`salto.status.${value}`], data: { verb: Verb.ReportAnswer, ...at, value } }))
        : [],
    controls: m['salto.controls'],
    buttons,
  });
}

/** All answers before handing in, each with a button to change it; the secretariat's view has no buttons. */
export function reviewCard(data: Readonly<Data>, round: SaltoRound, report: SaltoReport, lang: Lang, timeZone: string, options: { editable: boolean; headline?: string; title?: string }): Card {
  const m = messages(lang);
  const questions = formQuestions(round);
  const missing = missingAnswers(report, questions);
  const sections: SaltoReviewCardModel['sections'] = [];
  for (const question of questions) {
    const heading = questionArea(data, question, lang);
    if (sections.at(-1)?.heading !== heading) sections.push({ heading, answers: [] });
    const answer = report.answers[question.key];
    sections.at(-1)!.answers.push({
      question: m[`salto.q.${question.prompt}`],
      answer: answer ? answerText(question, answer, lang) : report.skipped.includes(question.key) ? m['salto.review.skipped'] : m['salto.review.empty'],
      empty: !answer,
      edit: options.editable ? { verb: Verb.ReportEdit, reportId: report.id, question: question.key } : null,
    });
  }
  return renderCard('salto-review', {
    headline: options.headline ?? '',
    title: options.title ?? m['salto.review.title']({ unit: unitName(data, report.unitId) }),
    intro: options.editable ? m['salto.review.intro'] : '',
    missing: missing.length > 0 ? m['salto.review.missing']({ count: missing.length }) : '',
    sections,
    deadline: m['salto.review.deadline']({ date: dayLabel(round.deadline, lang, timeZone) }),
    buttons: options.editable
      ? [
          ...(missing.length === 0 ? [{ title: m['salto.review.submit'], data: { verb: Verb.ReportSubmit, reportId: report.id } }] : []),
          { title: m['salto.pause'], data: { verb: Verb.ReportPause, reportId: report.id, at: 'review' } },
        ]
      : [],
    labels: { edit: m['salto.review.edit'] },
  });
}

/** Where the report is now: its question, or its review. */
export function formCard(data: Readonly<Data>, round: SaltoRound, report: SaltoReport, lang: Lang, timeZone: string, problem = ''): Card {
  return 'review' in report.position
    ? reviewCard(data, round, report, lang, timeZone, { editable: true, ...(problem ? { headline: problem } : {}) })
    : questionCard(data, round, report, lang, timeZone, problem);
}

function meetingOf(data: Readonly<Data>, round: SaltoRound): Meeting | undefined {
  return data.meetings.find((m) => m.id === round.meetingId);
}

function meetingDay(data: Readonly<Data>, round: SaltoRound, lang: Lang, timeZone: string): string {
  const meeting = meetingOf(data, round);
  return meeting ? dayLabel(meetingDate(meeting, timeZone), lang, timeZone) : round.meetingId;
}

/** To the secretaries when a coming meeting awaits its round: the deadline it would get, and a button to the round's form. */
export function roundMissingCard(data: Readonly<Data>, meeting: Meeting, lang: Lang, timeZone: string, now: Date): Card {
  const m = messages(lang);
  const usual = defaultDeadline(data, meeting.id, timeZone);
  return renderCard('notice', {
    headline: m['salto.missing.headline'],
    title: meetingName(meeting, lang, timeZone),
    text: usual < todayIn(now, timeZone) ? m['salto.missing.late'] : m['salto.missing.text']({ deadline: dayLabel(usual, lang, timeZone) }),
    buttons: [{ title: m['salto.missing.open'], data: { verb: Verb.RoundForm, meetingId: meeting.id } }],
  });
}

/**
 * To the secretaries the morning after a round's deadline: how many units handed in, which did
 * not (a draft marked), and a button to the round's overview, where a unit can be unlocked or
 * the deadline moved.
 */
export function roundSummaryCard(data: Readonly<Data>, round: SaltoRound, lang: Lang, timeZone: string, now: Date): Card {
  const m = messages(lang);
  const overview = roundOverview(data, round, now, timeZone);
  const missing = overview.filter((unit) => unit.state !== 'levert');
  // A list, since unit names may hold commas ("Utdanningsetaten, SaLTo-teamet").
  const units = missing.map((unit) => `- ${unit.state === 'utkast' ? m['salto.summary.draft']({ unit: unit.name }) : unit.name}`).join('\n');
  return renderCard('notice', {
    headline: m['salto.summary.headline']({ deadline: dayLabel(round.deadline, lang, timeZone) }),
    title: m['saltoOverview.title']({ date: meetingDay(data, round, lang, timeZone) }),
    text: missing.length === 0 ? m['salto.summary.all']({ total: overview.length }) : m['salto.summary.missing']({ handedIn: overview.length - missing.length, total: overview.length, units }),
    buttons: [{ title: m['salto.summary.show'], data: { verb: Verb.RoundShow, roundId: round.id } }],
  });
}

/** The invitation (or a reminder) to a coordinator: the meeting, the deadline, a start button per unit. */
export function inviteCard(data: Readonly<Data>, round: SaltoRound, unitIds: readonly string[], lang: Lang, timeZone: string, headline: string): Card {
  const m = messages(lang);
  return renderCard('notice', {
    headline,
    title: m['salto.invite.title']({ date: meetingDay(data, round, lang, timeZone) }),
    text: m['salto.invite.text']({ deadline: dayLabel(round.deadline, lang, timeZone) }),
    buttons: unitIds.map((unitId) => ({ title: m['salto.invite.start']({ unit: unitName(data, unitId) }), data: { verb: Verb.ReportStart, roundId: round.id, unitId } })),
  });
}

export function chooseUnitCard(data: Readonly<Data>, round: SaltoRound, unitIds: readonly string[], lang: Lang): Card {
  const m = messages(lang);
  return renderCard('notice', {
    headline: '',
    title: m['salto.chooseUnit'],
    text: '',
    buttons: unitIds.map((unitId) => ({ title: unitName(data, unitId), data: { verb: Verb.ReportStart, roundId: round.id, unitId } })),
  });
}

export function roundFormCard(data: Readonly<Data>, lang: Lang, timeZone: string, now: Date, chosen?: { meetingId: string; deadline?: string }, problem = ''): Card | undefined {
  const m = messages(lang);
  const meetings = comingMeetings(data, now).filter((x) => new Date(x.start) > now && !data.saltoRounds.some((r) => r.meetingId === x.id));
  const first = meetings[0];
  if (!first) return undefined;
  const meetingId = chosen?.meetingId ?? first.id;
  return renderCard('salto-round-form', {
    title: m['saltoRound.title'],
    intro: m['saltoRound.intro'],
    problem,
    meetings: meetings.map((x) => ({ title: meetingName(x, lang, timeZone), value: x.id })),
    meetingId,
    deadline: chosen?.deadline ?? defaultDeadlineOrToday(data, meetingId, now, timeZone),
    minDate: todayIn(now, timeZone),
    open: { verb: Verb.RoundOpen },
    labels: { meeting: m['saltoRound.meeting'], meetingError: m['saltoRound.meetingError'], deadline: m['saltoRound.deadline'], deadlineError: m['saltoRound.deadlineError'], open: m['saltoRound.open'] },
  });
}

function defaultDeadlineOrToday(data: Readonly<Data>, meetingId: string, now: Date, timeZone: string): string {
  const deadline = defaultDeadline(data, meetingId, timeZone);
  const today = todayIn(now, timeZone);
  return deadline < today ? today : deadline;
}

const STATE_COLORS = { levert: 'good', utkast: 'warning', 'ikke startet': 'default' } as const;

/**
 * `/rapporter`: every unit with its state and coordinators, unlock buttons after the deadline, the
 * compiled report, and (given the time, while the meeting is to come) the form to move the deadline.
 */
export function roundCard(data: Readonly<Data>, round: SaltoRound, overview: readonly UnitOverview[], lang: Lang, timeZone: string, downloadUrl: string | undefined, headline = '', now?: Date): Card {
  const m = messages(lang);
  const meeting = data.meetings.find((x) => x.id === round.meetingId);
  const count = (state: UnitOverview['state']) => overview.filter((u) => u.state === state).length;
  return renderCard('salto-round', {
    headline,
    title: m['saltoOverview.title']({ date: meetingDay(data, round, lang, timeZone) }),
    subtitle: m['saltoOverview.subtitle']({ deadline: dayLabel(round.deadline, lang, timeZone) }),
    counts: m['saltoOverview.counts']({ levert: count('levert'), utkast: count('utkast'), ikke: count('ikke startet') }),
    units: overview.map((u) => ({
      name: u.name,
      detail: [
        // Each coordinator once, with a note on those the bot cannot write to yet.
        u.coordinators.length > 0
          ? u.coordinators.map((c) => (u.unreachable.some((x) => x.id === c.id) ? `${c.name} (${m['saltoOverview.unreachable']})` : c.name)).join(', ')
          : m['saltoOverview.noCoordinator'],
        u.locked ? m['saltoOverview.locked'] : '',
      ]
        .filter(Boolean)
        .join(' · '),
      state: m[`saltoOverview.state.${u.state}`],
      stateColor: STATE_COLORS[u.state],
      unlock: u.locked ? { verb: Verb.ReportUnlock, roundId: round.id, unitId: u.unitId } : null,
    })),
    downloadUrl: downloadUrl ?? '',
    buttons: [
      { title: m['saltoOverview.compiled'], data: { verb: Verb.ReportCompiled, roundId: round.id } },
      { title: m['saltoOverview.refresh'], data: { verb: Verb.RoundShow, roundId: round.id } },
    ],
    deadline:
      now && meeting && meetingPhase(meeting, now) === 'coming'
        ? { value: round.deadline, min: todayIn(now, timeZone), max: meetingDate(meeting, timeZone), save: { verb: Verb.RoundDeadline, roundId: round.id } }
        : null,
    labels: {
      unlock: m['saltoOverview.unlock'],
      download: m['saltoOverview.download'],
      changeDeadline: m['saltoOverview.changeDeadline'],
      newDeadline: m['saltoOverview.newDeadline'],
      deadlineHint: m['saltoOverview.deadlineHint'],
      deadlineError: m['saltoOverview.deadlineError'],
      saveDeadline: m['saltoOverview.saveDeadline'],
    },
  });
}

/** The compiled report as a card: the status table, the common difficulties, and the download. */
export function compiledCard(compiled: CompiledRound, lang: Lang, timeZone: string, downloadUrl: string | undefined): Card {
  const m = messages(lang);
  const meeting = compiled.meeting;
  return renderCard('salto-compiled', {
    title: m['saltoReport.title'],
    subtitle: m['saltoReport.subtitle']({
      date: meeting ? dayLabel(meetingDate(meeting, timeZone), lang, timeZone) : compiled.round.meetingId,
      count: compiled.submitted,
      total: compiled.units.length,
    }),
    areaColumns: compiled.focusAreas.map((a) => ({ n: a.number })),
    areaHeaders: compiled.focusAreas.map((a) => ({ text: `${a.number}. ${a.title}` })),
    rows: compiled.units.map((u) => ({
      unit: u.unit.name,
      cells: compiled.focusAreas.map((a) => {
        const status = u.statusByArea[a.id];
        return status ? { text: m[`salto.status.${status}`], color: STATUS_COLORS[status] } : { text: u.report ? '' : m['saltoReport.notSubmitted'], color: 'default' as const };
      }),
    })),
    difficulties: compiled.focusAreas.map((a) => {
      const found = compiled.difficulties[a.id] ?? [];
      return { area: `${a.number}. ${a.title}`, text: found.length > 0 ? found.map((d) => m['saltoReport.difficulty'](d)).join(', ') : m['saltoReport.noDifficulties'] };
    }),
    downloadUrl: downloadUrl ?? '',
    labels: { statusTable: m['saltoReport.statusTable'], unit: m['saltoReport.unit'], difficulties: m['saltoReport.difficulties'], download: m['saltoOverview.download'] },
  });
}
