import { z } from 'zod';
import { meetingPhase } from '../../domain/meetings.js';
import { MINUTES_ITEM_LIMIT, MINUTES_PEOPLE_LIMIT, saveMinutes, sendMinutes } from '../../domain/minutes.js';
import { SECRETARIAT } from '../../domain/roles.js';
import type { Meeting, Minutes } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { attempt, refuseOutsidePersonal, refuseTooLong, replyMeetingNotFound } from '../meetings/handling.js';
import { meetingName } from '../meetings/views.js';
import { ITEM_INPUT_PREFIX, minutesFormCard, savedMinutes, type MinutesValues } from '../minutes/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field, isOn } from './card-action.js';
import { Verb } from './verbs.js';

const { id, revision, typed, toggle } = field;

/**
 * The minutes form for a meeting, in personal chat only (it holds what was said under items
 * exempt from disclosure). A meeting still to come or cancelled has none, and the user is told so.
 */
export async function showMinutes(turn: Turn, deps: BotDeps, meeting: Meeting, headline = ''): Promise<void> {
  if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
  const m = messages(turn.lang);
  const phase = meetingPhase(meeting, deps.clock.now());
  const name = meetingName(meeting, turn.lang, deps.timeZone);
  if (phase === 'coming') return turn.reply(m['minutes.notYet']({ meeting: name }));
  if (phase === 'cancelled') return turn.reply(m['minutes.cancelled']({ meeting: name }));
  const data = deps.store.read();
  await turn.respond(minutesFormCard(data, meeting, { lang: turn.lang, timeZone: deps.timeZone, values: savedMinutes(data, meeting), downloadUrl: deps.minutesUrl?.(meeting.id), headline }));
}

export const minutesFormAction = defineAction({
  verb: Verb.MinutesForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MinutesForm), meetingId: id }),
  async handle(turn, data, deps) {
    const meeting = deps.store.read().meetings.find((m) => m.id === data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    await showMinutes(turn, deps, meeting);
  },
});

/** What a save of the form leaves: the minutes, whether that version had gone out already, and how many it was queued for. */
interface Saved {
  minutes: Minutes;
  alreadySent: boolean;
  queued: number;
}

export const minutesFormData = z.looseObject({ meetingId: id, revision, present: typed.optional(), absent: typed.optional() });

/**
 * Saves what the form sent (the items' texts come as inputs named after the items, so their
 * keys are not known in advance), and with `send` queues that version for the council. A field
 * the card did not send keeps what is saved. On a refusal the form is shown again with
 * everything typed, and undefined returned.
 */
export async function saveMinutesForm(turn: Turn, deps: BotDeps, data: z.infer<typeof minutesFormData>, meeting: Meeting, send: boolean): Promise<Saved | undefined> {
  const m = messages(turn.lang);
  const before = savedMinutes(deps.store.read(), meeting);
  const sent: Record<string, string> = {};
  for (const item of meeting.agenda) {
    const text = data[`${ITEM_INPUT_PREFIX}${item.id}`];
    if (typeof text === 'string') sent[item.id] = text;
  }
  const values: MinutesValues = { present: data.present ?? before.present, absent: data.absent ?? before.absent, items: { ...before.items, ...sent } };
  const limits: [string, string, number][] = [
    [m['minutes.present'], values.present, MINUTES_PEOPLE_LIMIT],
    [m['minutes.absent'], values.absent, MINUTES_PEOPLE_LIMIT],
    ...meeting.agenda.map((item, index): [string, string, number] => [`${index + 1}. ${item.title}`, values.items[item.id] ?? '', MINUTES_ITEM_LIMIT]),
  ];
  if (await refuseTooLong(turn, limits)) return undefined;
  const saved = await attempt(
    turn,
    deps,
    () =>
      deps.store.update((draft) => {
        const minutes = saveMinutes(draft, meeting.id, { revision: data.revision, present: data.present, absent: data.absent, items: sent }, turn.member?.id, deps.clock.now());
        const alreadySent = minutes.sentRevision === minutes.revision;
        const queued = send ? sendMinutes(draft, meeting.id, minutes.revision, deps.clock.now()).length : 0;
        return { minutes, alreadySent, queued };
      }),
    // Back to the form with everything typed; after a stale refusal it carries the minutes as
    // they are now (shown under each field), so saving again is a deliberate choice.
    async (problem) => {
      const now = deps.store.read();
      const current = now.meetings.find((x) => x.id === meeting.id) ?? meeting;
      await turn.respond(minutesFormCard(now, current, { lang: turn.lang, timeZone: deps.timeZone, downloadUrl: deps.minutesUrl?.(meeting.id), values, problem }));
    },
  );
  if (saved?.queued) deps.notifier.kick();
  return saved;
}

/** The form again as saved, headed with what just happened. */
export async function showSavedMinutes(turn: Turn, deps: BotDeps, meetingId: string, headline: string): Promise<void> {
  const meeting = deps.store.read().meetings.find((x) => x.id === meetingId);
  if (!meeting) return replyMeetingNotFound(turn);
  await showMinutes(turn, deps, meeting, headline);
}

export const minutesSaveAction = defineAction({
  verb: Verb.MinutesSave,
  role: SECRETARIAT,
  // "Lagre og send" is the same save with `send`: what was typed is saved first, then that goes out.
  schema: minutesFormData.extend({ verb: z.literal(Verb.MinutesSave), send: toggle.optional() }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
    const meeting = deps.store.read().meetings.find((m) => m.id === data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    const saved = await saveMinutesForm(turn, deps, data, meeting, isOn(data.send));
    if (!saved) return;
    const m = messages(turn.lang);
    const headline = !isOn(data.send)
      ? m['minutes.savedCount']({ count: Object.keys(saved.minutes.items).length, total: meeting.agenda.length })
      : saved.queued > 0
        ? m['minutes.sending']({ count: saved.queued })
        : saved.alreadySent
          ? m['minutes.alreadySent']
          : m['minutes.noRecipients'];
    await showSavedMinutes(turn, deps, meeting.id, headline);
  },
});
