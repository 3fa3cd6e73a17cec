import { z } from 'zod';
import { answerAttendance } from '../../domain/attendance.js';
import { enqueue, unansweredRecipients } from '../../domain/deliveries.js';
import { ErrorCode, isDomainError } from '../../domain/errors.js';
import { openMeeting } from '../../domain/meetings.js';
import { COUNCIL, SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { attempt, audienceOf, meetingFor, refuseTooLong, replyMeetingNotFound, saltoReportUrlOf } from '../meetings/handling.js';
import { agendaCard, attendanceCard } from '../meetings/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

const { id } = field;
const text = field.typed.optional();

/** The agenda card as this user should see it now, with their own answer. */
async function showAgenda(turn: Turn, deps: BotDeps, meetingId: string): Promise<void> {
  const meeting = deps.store.read().meetings.find((m) => m.id === meetingId);
  if (!meeting) return replyMeetingNotFound(turn);
  await turn.respond(
    agendaCard(meeting, { lang: turn.lang, timeZone: deps.timeZone, audience: audienceOf(turn), viewer: turn.member, headline: 'none', now: deps.clock.now(), saltoReportUrl: saltoReportUrlOf(deps, meeting.id) }),
  );
}

/** The refresh Teams calls when a member views an agenda card: their own view of it. */
export const agendaViewAction = defineAction({
  verb: Verb.AgendaView,
  role: 'alle',
  schema: z.object({ verb: z.literal(Verb.AgendaView), meetingId: id }),
  async handle(turn, data, deps) {
    await showAgenda(turn, deps, data.meetingId);
  },
});

async function answer(turn: Turn, deps: BotDeps, data: { meetingId: string; start?: string | undefined; substitute?: string | undefined; reason?: string | undefined }, kind: 'kommer' | 'forfall') {
  const m = messages(turn.lang);
  if (await refuseTooLong(turn, [[m['agenda.substitute'], data.substitute, 200], [m['agenda.reason'], data.reason, 500]])) return;
  // The answer is always the sender's own: nothing in the card's data can name another member.
  const memberId = turn.member?.id;
  if (!memberId) return;
  const saved = await attempt(
    turn,
    deps,
    () => deps.store.update((draft) => answerAttendance(draft, data.meetingId, memberId, { answer: kind, substitute: data.substitute, reason: data.reason }, data.start, deps.clock.now())),
    async (problem, error) => {
      await turn.reply(problem);
      // A stale or closed card is replaced by the meeting as it is now.
      if (isDomainError(error) && error.code !== ErrorCode.NotFound) await showAgenda(turn, deps, data.meetingId);
    },
  );
  if (!saved) return;
  if (turn.conversation.kind === 'personal') await turn.reply(m[kind === 'kommer' ? 'attendance.saved.kommer' : 'attendance.saved.forfall']);
  await showAgenda(turn, deps, data.meetingId);
}

export const attendAction = defineAction({
  verb: Verb.Attend,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.Attend), meetingId: id, start: z.string().max(40).optional() }),
  async handle(turn, data, deps) {
    await answer(turn, deps, data, 'kommer');
  },
});

export const apologiesAction = defineAction({
  verb: Verb.Apologies,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.Apologies), meetingId: id, start: z.string().max(40).optional(), substitute: text, reason: text }),
  async handle(turn, data, deps) {
    await answer(turn, deps, data, 'forfall');
  },
});

export const attendanceShowAction = defineAction({
  verb: Verb.AttendanceShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.AttendanceShow), meetingId: id.optional() }),
  async handle(turn, data, deps) {
    const meeting = meetingFor(deps, data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    await turn.respond(attendanceCard(deps.store.read(), meeting, turn.lang, deps.timeZone, deps.clock.now()));
  },
});

/** Reminds those who have not answered; the batch is the click, so a resent click adds nothing. */
export const attendanceRemindAction = defineAction({
  verb: Verb.AttendanceRemind,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.AttendanceRemind), meetingId: id }),
  async handle(turn, data, deps) {
    const now = deps.clock.now();
    const batch = turn.activityId ?? now.toISOString();
    const showCard = async () => {
      const store = deps.store.read();
      const meeting = store.meetings.find((m) => m.id === data.meetingId);
      if (meeting) await turn.respond(attendanceCard(store, meeting, turn.lang, deps.timeZone, now));
    };
    // An old card's button after the meeting was cancelled, held or started: say so, and show the card as it is now.
    const queued = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          const meeting = openMeeting(draft, data.meetingId, now);
          return enqueue(draft, 'attendance-reminder', meeting.id, batch, unansweredRecipients(draft, meeting), now);
        }),
      async (problem) => {
        await turn.reply(problem);
        await showCard();
      },
    );
    if (queued === undefined) return;
    deps.notifier.kick();
    await turn.reply(messages(turn.lang)['attendance.reminded']({ count: queued.length }));
    await showCard();
  },
});
