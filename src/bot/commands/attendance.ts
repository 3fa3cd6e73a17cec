import { SECRETARIAT } from '../../domain/roles.js';
import { nextMeetingOrSay } from '../meetings/handling.js';
import { attendanceCard } from '../meetings/views.js';
import type { Command } from './command.js';

/** /oppmøte: who comes to the next meeting, who sent apologies, who has not answered. */
export const attendanceCommand: Command = {
  name: 'oppmøte',
  aliases: ['oppmote', 'attendance'],
  description: 'command.oppmøte',
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    const meeting = await nextMeetingOrSay(turn, deps);
    if (meeting) await turn.reply({ card: attendanceCard(deps.store.read(), meeting, turn.lang, deps.timeZone, deps.clock.now()) });
  },
};
