import { previousMeeting } from '../../domain/named-meetings.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { showMinutes } from '../actions/minutes.js';
import { namedMeetingOrSay, refuseOutsidePersonal } from '../meetings/handling.js';
import type { Command } from './command.js';

/** /referat [møte]: the minutes of the last meeting held, or of the one named ("oktober 2024"). */
export const minutesCommand: Command = {
  name: 'referat',
  aliases: ['minutes'],
  english: 'minutes',
  description: 'command.referat',
  detail: 'help.detail.referat',
  topics: ['referat', 'referatet', 'referater', 'protokoll', 'skrive', 'vedtak', 'bestemt', 'minutes', 'write'],
  // Teams shows at most ten commands a scope; this one is typed, and listed in /hjelp.
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
    const meeting = args.trim() ? await namedMeetingOrSay(turn, deps, args.trim()) : previousMeeting(deps.store.read(), deps.clock.now());
    if (!meeting) {
      if (!args.trim()) await turn.reply(messages(turn.lang)['minutes.none']);
      return;
    }
    await showMinutes(turn, deps, meeting);
  },
};
