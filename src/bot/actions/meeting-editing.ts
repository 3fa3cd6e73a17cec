import { z } from 'zod';
import { moveProposalsBack, passOnProposals, PROPOSAL_BACK, tellProposer, type MovedProposal } from '../../domain/agenda.js';
import { agendaReceivers, cancellationReceivers, enqueue, holdLateAgenda, sendAgendaNow } from '../../domain/deliveries.js';
import { assertRevision, cancelMeeting, createMeeting, createMeetings, meetingAfter, openMeeting, reinstateMeeting, updateMeeting, type MeetingInput, type PlannedMeeting } from '../../domain/meetings.js';
import { meetingDate } from '../../domain/follow-up-dates.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { followCancelledMeeting, followReinstatedMeeting, keepDeadlineBy } from '../../domain/salto-rounds.js';
import { moveDueBack, moveDueFromCancelled } from '../../domain/follow-ups.js';
import { notePointChange } from '../../domain/minutes.js';
import { queueRescheduledNotice } from '../../domain/follow-up-reminders.js';
import { MeetingKindSchema, type Data, type FollowUp, type Member } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { attempt, meetingFor, refuseTooLong, replyMeetingNotFound } from '../meetings/handling.js';
import { dueLabel } from '../../i18n/points.js';
import { dayLabel } from '../follow-ups/views.js';
import { ASK_AGAIN } from '../meetings/outbound.js';
import { meetingFormCard, meetingName, scheduleCard, yearPlanCard } from '../meetings/views.js';
import { showEditor } from './agenda-editing.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

const { id, revision } = field;
const text = field.typed.optional();

export const meetingFormAction = defineAction({
  verb: Verb.MeetingForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MeetingForm), meetingId: id.optional() }),
  async handle(turn, data, deps) {
    const meeting = data.meetingId ? meetingFor(deps, data.meetingId) : undefined;
    if (data.meetingId && !meeting) return replyMeetingNotFound(turn);
    await turn.respond(meetingFormCard(meeting, undefined, turn.lang, deps.timeZone, deps.clock.now()));
  },
});

export const meetingSaveAction = defineAction({
  verb: Verb.MeetingSave,
  role: SECRETARIAT,
  schema: z.object({
    verb: z.literal(Verb.MeetingSave),
    meetingId: id.optional(),
    revision: revision.optional(),
    kind: MeetingKindSchema.default('ordinært'),
    title: text,
    date: z.string().max(40).default(''),
    startTime: z.string().max(40).default(''),
    endTime: z.string().max(40).default(''),
    place: text,
    onlineUrl: text,
  }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    if (await refuseTooLong(turn, [[m['meetingForm.title'], data.title, 300], [m['meetingForm.place'], data.place, 300], [m['meetingForm.onlineUrl'], data.onlineUrl, 2000]])) return;
    const input: MeetingInput = { kind: data.kind, title: data.title, date: data.date, startTime: data.startTime, endTime: data.endTime, place: data.place, onlineUrl: data.onlineUrl };
    const now = deps.clock.now();
    const { meetingId } = data;
    const result = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          if (!meetingId) {
            const meeting = createMeeting(draft, input, now, deps.timeZone);
            holdLateAgenda(meeting, now, deps.timing);
            return { meeting, created: true, moved: false, deadline: undefined, told: 0 };
          }
          const change = updateMeeting(draft, meetingId, input, data.revision, now, deps.timeZone);
          if (change.moved) holdLateAgenda(change.meeting, now, deps.timing);
          // A SaLTo round's deadline may not come after its meeting: moved earlier, it moves with it.
          const deadline = change.moved ? keepDeadlineBy(draft, meetingId, now, deps.timeZone) : undefined;
          // Everyone who got the agenda hears that it moved; their cards are updated in place too.
          const told = change.moved ? enqueue(draft, 'moved', meetingId, `r${change.meeting.revision}`, agendaReceivers(draft, meetingId), now, change.askAgain ? ASK_AGAIN : undefined).length : 0;
          return { meeting: change.meeting, created: false, moved: change.moved, deadline, told };
        }),
      async (problem) => {
        const meeting = meetingId ? deps.store.read().meetings.find((mt) => mt.id === meetingId) : undefined;
        if (meetingId && !meeting) return turn.reply(problem);
        await turn.respond(meetingFormCard(meeting, input, turn.lang, deps.timeZone, now, problem));
      },
    );
    if (!result) return;
    deps.notifier.kick();
    const name = meetingName(result.meeting, turn.lang, deps.timeZone);
    const moved = result.told > 0 ? m['meetingForm.moved']({ meeting: name }) : m['meetingForm.movedNoOne']({ meeting: name });
    await turn.reply(result.created ? m['meetingForm.created']({ meeting: name }) : result.moved ? moved : m['meetingForm.saved']);
    if (result.deadline) await turn.reply(m['meetingForm.deadlineMoved']({ deadline: dayLabel(result.deadline, turn.lang, deps.timeZone) }));
    await showEditor(turn, deps, result.meeting.id);
  },
});

export const meetingCancelAction = defineAction({
  verb: Verb.MeetingCancel,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MeetingCancel), meetingId: id, revision }),
  async handle(turn, data, deps) {
    const now = deps.clock.now();
    const m = messages(turn.lang);
    const done = await attempt(turn, deps, () =>
      deps.store.update((draft) => {
        const cancelled = cancelMeeting(draft, data.meetingId, data.revision, now);
        const told = enqueue(draft, 'cancelled', cancelled.id, `avlyst-r${cancelled.revision}`, agendaReceivers(draft, cancelled.id), now).length;
        const next = meetingAfter(draft, cancelled.id, now);
        const moved = moveDueFromCancelled(draft, cancelled.id, turn.member, now, deps.timeZone);
        noteRescheduled(draft, moved.points, turn.member, now);
        const proposals = next ? passOnProposals(draft, cancelled.id, next, now) : [];
        const round = followCancelledMeeting(draft, cancelled.id, now);
        // Kept, so that holding the meeting after all can bring back what is still as it was left.
        cancelled.cancellation = {
          at: now.toISOString(),
          ...(next ? { movedTo: next.id } : {}),
          pointIds: moved.points.map((point) => point.id),
          ...(round?.to ? { roundId: round.round.id } : {}),
          proposals: proposals.map((p) => ({ from: p.from, to: p.proposal.id })),
        };
        return { meeting: cancelled, told, moved, round, proposals: next && proposals.length > 0 ? { count: proposals.length, to: next } : undefined };
      }),
    );
    if (!done) return showEditor(turn, deps, data.meetingId);
    const { meeting, told, moved, round, proposals } = done;
    deps.notifier.kick();
    await turn.reply(m[told > 0 ? 'meetingForm.cancelled' : 'meetingForm.cancelledNoOne']({ meeting: meetingName(meeting, turn.lang, deps.timeZone) }));
    const [first] = moved.points;
    if (first) await turn.reply(m['meetingForm.pointsMoved']({ count: moved.points.length, due: dueLabel(first, deps.store.read(), turn.lang, deps.timeZone) }));
    if (proposals) await turn.reply(m['meetingForm.proposalsMoved']({ count: proposals.count, meeting: meetingName(proposals.to, turn.lang, deps.timeZone) }));
    if (round) {
      const deadline = dayLabel(round.round.deadline, turn.lang, deps.timeZone);
      await turn.reply(
        round.to
          ? m['meetingForm.roundMoved']({ meeting: meetingName(round.to, turn.lang, deps.timeZone), deadline })
          : m['meetingForm.roundStays']({ date: dayLabel(meetingDate(meeting, deps.timeZone), turn.lang, deps.timeZone) }),
      );
    }
    // The editor of the cancelled meeting, where it can be held after all.
    await showEditor(turn, deps, meeting.id);
  },
});

/**
 * «Gjenoppta møtet»: a cancelled meeting is held after all. Everyone told of the cancellation is
 * told, posted cards are updated, and what the cancellation moved on comes back where it is still
 * as it was left.
 */
export const meetingReinstateAction = defineAction({
  verb: Verb.MeetingReinstate,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MeetingReinstate), meetingId: id, revision }),
  async handle(turn, data, deps) {
    const now = deps.clock.now();
    const m = messages(turn.lang);
    const done = await attempt(turn, deps, () =>
      deps.store.update((draft) => {
        const { meeting, cancellation } = reinstateMeeting(draft, data.meetingId, data.revision, now, deps.timeZone);
        if (!cancellation) return { meeting, told: 0, points: [], round: undefined, proposals: [] };
        holdLateAgenda(meeting, now, deps.timing);
        const told = enqueue(draft, 'reinstated', meeting.id, `gjenopptatt-r${meeting.revision}`, cancellationReceivers(draft, meeting.id), now).length;
        const points = moveDueBack(draft, meeting.id, cancellation, turn.member, now, deps.timeZone);
        noteRescheduled(draft, points, turn.member, now);
        const proposals = moveProposalsBack(draft, meeting.id, cancellation);
        tellProposersBack(draft, meeting.id, cancellation.movedTo, proposals, now);
        return { meeting, told, points, round: followReinstatedMeeting(draft, meeting.id, cancellation, now, deps.timeZone), proposals };
      }),
    );
    if (!done) return showEditor(turn, deps, data.meetingId);
    const { meeting, told, points, round, proposals } = done;
    deps.notifier.kick();
    const name = meetingName(meeting, turn.lang, deps.timeZone);
    await turn.reply(m[told > 0 ? 'meetingForm.reinstated' : 'meetingForm.reinstatedNoOne']({ meeting: name }));
    const back = [
      points.length > 0 ? m['meetingForm.pointsBack']({ count: points.length }) : '',
      round ? m['meetingForm.roundBack']({ deadline: dayLabel(round.deadline, turn.lang, deps.timeZone) }) : '',
      proposals.length > 0 ? m['meetingForm.proposalsBack']({ count: proposals.length }) : '',
    ].filter(Boolean);
    if (back.length > 0) await turn.reply(back.join(' '));
    await showEditor(turn, deps, meeting.id);
  },
});

/** Owners of points whose deadline the council's calendar moved are told, and sent minutes listing them count as changed. */
function noteRescheduled(draft: Data, points: readonly FollowUp[], actor: Member | undefined, now: Date): void {
  for (const point of points) {
    notePointChange(draft, point, actor?.id, now);
    queueRescheduledNotice(draft, point, actor?.id, now);
  }
}

/**
 * Proposals back on a meeting held after all: a proposer told that theirs went on is told that it
 * came back (one whose message had not gone never hears of either).
 */
function tellProposersBack(draft: Data, meetingId: string, movedTo: string | undefined, proposals: readonly MovedProposal[], now: Date): void {
  for (const { from, proposal } of proposals) {
    const told = draft.deliveries.some((d) => d.kind === 'proposal-moved' && d.meetingId === movedTo && d.id.includes(`|${from}|`) && d.status === 'sent');
    if (told) tellProposer(draft, meetingId, proposal, now, PROPOSAL_BACK);
  }
}

/** «Send dagsorden nå»: the agenda goes out at once, however far off its time was. */
export const agendaSendAction = defineAction({
  verb: Verb.AgendaSend,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.AgendaSend), meetingId: id, revision }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const now = deps.clock.now();
    const sent = await attempt(turn, deps, () =>
      deps.store.update((draft) => {
        const meeting = openMeeting(draft, data.meetingId, now);
        // The secretary sends what the card showed, not an agenda someone has changed since.
        assertRevision(meeting, data.revision);
        return { meeting, asked: sendAgendaNow(meeting, now) };
      }),
    );
    if (sent) {
      // The scheduler queues it, after reaching the council's team, and wakes the notifier.
      if (sent.asked) deps.notifier.kick();
      await turn.reply(sent.asked ? m['editor.sentNow']({ meeting: meetingName(sent.meeting, turn.lang, deps.timeZone) }) : m['editor.alreadySent']);
    }
    await showEditor(turn, deps, data.meetingId);
  },
});

const year = z.coerce.number().int().min(2000).max(2100);

export const yearPlanShowAction = defineAction({
  verb: Verb.YearPlanShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.YearPlanShow), year }),
  async handle(turn, data, deps) {
    await turn.respond(yearPlanCard(deps.store.read(), data.year, turn.lang, deps.timeZone));
  },
});

/** The confirmed year: the ticked meetings as edited, all created or none. */
export const yearPlanConfirmAction = defineAction({
  verb: Verb.YearPlanConfirm,
  role: SECRETARIAT,
  schema: z.looseObject({ verb: z.literal(Verb.YearPlanConfirm), year, keys: z.string().max(500) }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const plan = planFromCard(data);
    if (!plan) {
      await turn.reply(m['input.invalid']);
      return;
    }
    if (await refuseTooLong(turn, plan.map((p) => [m['meetingForm.place'], p.place, 300] as [string, string | undefined, number]))) return;
    const chosen = plan.filter((p) => p.include);
    if (chosen.length === 0) {
      await turn.reply(m['yearPlan.noneChosen']);
      return;
    }
    const now = deps.clock.now();
    const created = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          const meetings = createMeetings(draft, chosen, now, deps.timeZone);
          for (const meeting of meetings) holdLateAgenda(meeting, now, deps.timing);
          return meetings;
        }),
      async (problem) => {
        await turn.respond(yearPlanCard(deps.store.read(), data.year, turn.lang, deps.timeZone, problem, plan));
      },
    );
    if (!created) return;
    deps.notifier.kick();
    await turn.reply(m['yearPlan.created']({ count: created.length, year: data.year }));
    await turn.respond(scheduleCard(deps.store.read(), turn.member, turn.lang, deps.timeZone, now, turn.member ? deps.calendarUrl(turn.member.id) : undefined));
  },
});

function planFromCard(data: Record<string, unknown>): (PlannedMeeting & { include: boolean })[] | undefined {
  const keys = String(data['keys'] ?? '').split(',').filter(Boolean);
  const plan: (PlannedMeeting & { include: boolean })[] = [];
  for (const entry of keys) {
    const [key, kind] = entry.split(':');
    const parsedKind = MeetingKindSchema.safeParse(kind);
    if (!key || !/^[a-z0-9]{1,20}$/.test(key) || !parsedKind.success) return undefined;
    const value = (name: string) => (typeof data[`${key}_${name}`] === 'string' ? (data[`${key}_${name}`] as string) : '');
    plan.push({
      key,
      kind: parsedKind.data,
      include: value('include') !== 'false',
      date: value('date'),
      startTime: value('start'),
      endTime: value('end'),
      place: value('place') || undefined,
      title: parsedKind.data === 'seminar' ? `Politirådets seminar ${String(data['year'])}` : undefined,
    });
  }
  return plan;
}

