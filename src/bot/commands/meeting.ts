import { SECRETARIAT } from '../../domain/roles.js';
import { meetingFormCard } from '../meetings/views.js';
import type { Command } from './command.js';

/** /møte: the form for a new meeting (ordinary, seminar or extraordinary). */
export const meetingCommand: Command = {
  name: 'møte',
  aliases: ['mote', 'meeting'],
  description: 'command.møte',
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    await turn.reply({ card: meetingFormCard(undefined, undefined, turn.lang, deps.timeZone, deps.clock.now()) });
  },
};
