import { isSecretariat, ROLES } from '../../domain/roles.js';
import { previousMeeting } from '../../domain/named-meetings.js';
import { lastSentMinutes, writesMinutes } from '../../domain/minutes.js';
import type { Meeting } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { showMinutes } from '../actions/minutes.js';
import { audienceOf, namedMeetingOrSay, refuseOutsidePersonal } from '../meetings/handling.js';
import { meetingName } from '../meetings/views.js';
import { sentMinutesCard } from '../minutes/views.js';
import type { BotDeps, Turn } from '../turn.js';
import type { Command } from './command.js';

/**
 * /referat [møte]: the secretariat writes the minutes of the last meeting held, or of the one
 * named ("oktober 2024"), in personal chat. Everyone else (and the secretariat elsewhere) reads
 * the minutes as they were sent to the council: they are public, so they may be shown anywhere.
 */
export const minutesCommand: Command = {
  name: 'referat',
  aliases: ['minutes'],
  english: 'minutes',
  description: 'command.referat',
  detail: 'help.detail.referat',
  topics: ['referat', 'referatet', 'referater', 'protokoll', 'skrive', 'vedtak', 'bestemt', 'minutes', 'write'],
  // Teams shows at most ten commands a scope; this one is typed, and listed in /hjelp.
  scopes: [],
  role: ROLES,
  async handle(turn, args, deps) {
    const m = messages(turn.lang);
    const named = args.trim();
    const writer = writesMinutes(turn.member, audienceOf(turn));
    const data = deps.store.read();
    const meeting = named ? await namedMeetingOrSay(turn, deps, named) : writer ? previousMeeting(data, deps.clock.now()) : lastSentMinutes(data);
    if (!meeting) {
      if (named) return;
      // The secretariat elsewhere, with nothing sent to show, is pointed to where it writes them.
      await turn.reply(m[writer ? 'minutes.none' : isSecretariat(turn.member) ? 'minutes.personalOnly' : 'minutes.noneSent']);
      return;
    }
    if (writer) return showMinutes(turn, deps, meeting);
    await read(turn, deps, meeting);
  },
};

/** The minutes as sent, or why there are none to read; the secretariat is sent to its personal chat to write them. */
async function read(turn: Turn, deps: BotDeps, meeting: Meeting): Promise<void> {
  if (meeting.minutes?.sentAt) return turn.reply({ card: sentMinutesCard(deps.store.read(), meeting, turn.lang, deps.timeZone) });
  if (isSecretariat(turn.member) && (await refuseOutsidePersonal(turn, 'minutes.personalOnly'))) return;
  await turn.reply(messages(turn.lang)['minutes.notSent']({ meeting: meetingName(meeting, turn.lang, deps.timeZone) }));
}
