import { z } from 'zod';
import { meetingPhase } from '../../domain/meetings.js';
import { MINUTES_ITEM_LIMIT, MINUTES_PEOPLE_LIMIT, saveMinutes, sendMinutes } from '../../domain/minutes.js';
import { SECRETARIAT } from '../../domain/roles.js';
import type { Meeting } from '../../domain/schema.js';
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
export async function showMinutes(turn: Turn, deps: BotDeps, meeting: Meeting): Promise<void> {
  if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
  const m = messages(turn.lang);
  const phase = meetingPhase(meeting, deps.clock.now());
  const name = meetingName(meeting, turn.lang, deps.timeZone);
  if (phase === 'coming') return turn.reply(m['minutes.notYet']({ meeting: name }));
  if (phase === 'cancelled') return turn.reply(m['minutes.cancelled']({ meeting: name }));
  const data = deps.store.read();
  await turn.respond(minutesFormCard(data, meeting, { lang: turn.lang, timeZone: deps.timeZone, values: savedMinutes(data, meeting), downloadUrl: deps.minutesUrl?.(meeting.id) }));
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

export const minutesSaveAction = defineAction({
  verb: Verb.MinutesSave,
  role: SECRETARIAT,
  // The items' texts come as inputs named after the items, so the keys are not known in advance.
  // "Lagre og send" is the same save with `send`: what was typed is saved first, then that goes out.
  schema: z.looseObject({ verb: z.literal(Verb.MinutesSave), meetingId: id, revision, present: typed.optional(), absent: typed.optional(), send: toggle.optional() }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
    const meeting = deps.store.read().meetings.find((m) => m.id === data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    const m = messages(turn.lang);
    // A field the card did not send keeps what is saved, both in the save and on the form shown after.
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
    if (await refuseTooLong(turn, limits)) return;
    const options = { lang: turn.lang, timeZone: deps.timeZone, downloadUrl: deps.minutesUrl?.(meeting.id) };
    const saved = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          const minutes = saveMinutes(draft, meeting.id, { revision: data.revision, present: data.present, absent: data.absent, items: sent }, turn.member?.id, deps.clock.now());
          const alreadySent = minutes.sentRevision === minutes.revision;
          const queued = isOn(data.send) ? sendMinutes(draft, meeting.id, minutes.revision, deps.clock.now()).length : 0;
          return { minutes, alreadySent, queued };
        }),
      // Back to the form with everything typed; after a stale refusal it carries the minutes as
      // they are now (shown under each field), so saving again is a deliberate choice.
      async (problem) => {
        const now = deps.store.read();
        const current = now.meetings.find((x) => x.id === meeting.id) ?? meeting;
        await turn.respond(minutesFormCard(now, current, { ...options, values, problem }));
      },
    );
    if (!saved) return;
    if (saved.queued > 0) deps.notifier.kick();
    const after = deps.store.read();
    const current = after.meetings.find((x) => x.id === meeting.id) ?? meeting;
    const headline = !isOn(data.send)
      ? m['minutes.savedCount']({ count: Object.keys(saved.minutes.items).length, total: current.agenda.length })
      : saved.queued > 0
        ? m['minutes.sending']({ count: saved.queued })
        : saved.alreadySent
          ? m['minutes.alreadySent']
          : m['minutes.noRecipients'];
    await turn.respond(minutesFormCard(after, current, { ...options, values: savedMinutes(after, current), headline }));
  },
});
