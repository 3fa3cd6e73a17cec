import { readNewMeetingWords } from '../../domain/meeting-words.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { meetingFormCard } from '../meetings/views.js';
import type { Command } from './command.js';

/**
 * /møte: the form for a new meeting (ordinary, seminar or extraordinary). Words after it fill the
 * form in ("/møte ekstraordinært 12. januar kl. 10"); what cannot be read is said, not dropped.
 */
export const meetingCommand: Command = {
  name: 'møte',
  aliases: ['mote', 'meeting'],
  english: 'meeting',
  description: 'command.møte',
  detail: 'help.detail.møte',
  topics: ['nytt', 'møte', 'ekstraordinært', 'opprette', 'lage', 'legge', 'new', 'meeting', 'extraordinary', 'create'],
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const now = deps.clock.now();
    const { values, unread } = readNewMeetingWords(args, now, deps.timeZone);
    const problem = unread === undefined ? '' : messages(turn.lang)['meetingForm.unread']({ text: unread.slice(0, 80) });
    await turn.reply({ card: meetingFormCard(undefined, values, turn.lang, deps.timeZone, now, problem) });
  },
};
