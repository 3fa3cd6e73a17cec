import { SECRETARIAT } from '../../domain/roles.js';
import { chosenMeetingOrSay } from '../meetings/handling.js';
import { attendanceCard } from '../meetings/views.js';
import type { Command } from './command.js';

/** /oppmøte [møte]: who comes to the next (or the named) meeting, who sent apologies, who has not answered. */
export const attendanceCommand: Command = {
  name: 'oppmøte',
  aliases: ['oppmote', 'attendance'],
  english: 'attendance',
  description: 'command.oppmøte',
  detail: 'help.detail.oppmøte',
  topics: ['oppmøte', 'oppmøtet', 'hvem', 'kommer', 'forfall', 'svart', 'attendance', 'who', 'coming'],
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const meeting = await chosenMeetingOrSay(turn, deps, args);
    if (meeting) await turn.reply({ card: attendanceCard(deps.store.read(), meeting, turn.lang, deps.timeZone, deps.clock.now()) });
  },
};
