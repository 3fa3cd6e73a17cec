import { audienceFor, type Audience } from '../../domain/agenda.js';
import { nextMeeting } from '../../domain/meetings.js';
import { meetingNamed } from '../../domain/named-meetings.js';
import { roundOfMeeting } from '../../domain/salto-rounds.js';
import type { Meeting } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import type { BotDeps, Turn } from '../turn.js';
import { problemText } from './views.js';

/** Confidential items show only in a personal chat, and only to the council; a channel or group chat is shared. */
export function audienceOf(turn: Turn): Audience {
  return audienceFor(turn.conversation.kind === 'personal', turn.member);
}

/**
 * What shows confidential items or people's contact details (the agenda editor, the member
 * forms) opens in personal chat only: in a channel or group chat everyone would see it. Says
 * so, with the sentence `why`, and returns true outside a personal chat.
 */
export async function refuseOutsidePersonal(turn: Turn, why: 'agenda.editorPersonalOnly' | 'members.personalOnly' | 'minutes.personalOnly' | 'followUpForm.personalOnly'): Promise<boolean> {
  if (turn.conversation.kind === 'personal') return false;
  await turn.reply(messages(turn.lang)[why]);
  return true;
}

/**
 * Refuses texts over their limit with the limit stated. From a card, the card keeps what was
 * typed, since nothing replaces it, so the user can shorten it there; a typed command stays in
 * the chat above, to copy and send again shorter.
 */
export async function refuseTooLong(turn: Turn, fields: readonly [label: string, value: string | undefined, limit: number][]): Promise<boolean> {
  const m = messages(turn.lang);
  for (const [label, value, limit] of fields) {
    const length = [...(value ?? '')].length;
    if (length > limit) {
      await turn.reply(m[turn.data === undefined ? 'input.typedTooLong' : 'input.fieldTooLong']({ field: label, length, limit }));
      return true;
    }
  }
  return false;
}

/** Runs a change; a known problem becomes a sentence to the user (and `onProblem`), anything else is thrown. */
export async function attempt<T>(
  turn: Turn,
  deps: BotDeps,
  run: () => Promise<T>,
  onProblem?: (text: string, error: unknown) => Promise<void>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const text = problemText(error, turn.lang, deps.store.read(), deps.timeZone);
    if (text === undefined) throw error;
    if (onProblem) await onProblem(text, error);
    else await turn.reply(text);
    return undefined;
  }
}

/** The meeting a card names, or the next one when it names none. */
export function meetingFor(deps: BotDeps, meetingId: string | undefined): Meeting | undefined {
  const data = deps.store.read();
  return meetingId ? data.meetings.find((m) => m.id === meetingId) : nextMeeting(data, deps.clock.now());
}

/** The next meeting, or undefined after telling the user there is none planned. */
export async function nextMeetingOrSay(turn: Turn, deps: BotDeps): Promise<Meeting | undefined> {
  const meeting = nextMeeting(deps.store.read(), deps.clock.now());
  if (!meeting) await turn.reply(messages(turn.lang)['meeting.noneComing']);
  return meeting;
}

/** The meeting named after a command ("10. desember", "mars", "forrige"), or undefined after saying none fits. */
export async function namedMeetingOrSay(turn: Turn, deps: BotDeps, named: string): Promise<Meeting | undefined> {
  const meeting = meetingNamed(deps.store.read(), named, deps.clock.now(), deps.timeZone);
  if (!meeting) await turn.reply(messages(turn.lang)['meeting.notNamed']({ text: named.slice(0, 80) }));
  return meeting;
}

/** The meeting a command names, or the next one when it names none; undefined after saying why. */
export async function chosenMeetingOrSay(turn: Turn, deps: BotDeps, args: string): Promise<Meeting | undefined> {
  const named = args.trim();
  return named ? namedMeetingOrSay(turn, deps, named) : nextMeetingOrSay(turn, deps);
}

export async function replyMeetingNotFound(turn: Turn): Promise<void> {
  await turn.reply(messages(turn.lang)['meeting.notFound']);
}


/** The download link of the meeting's compiled SaLTo report, when it has a round and the bot a public address. */
export function saltoReportUrlOf(deps: Pick<BotDeps, 'store' | 'reportUrl'>, meetingId: string): string | undefined {
  const round = roundOfMeeting(deps.store.read(), meetingId);
  return round ? deps.reportUrl?.(round.id) : undefined;
}
