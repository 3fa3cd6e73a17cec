import { nextMeeting } from '../../domain/meetings.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
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
    const now = deps.clock.now();
    const meeting = nextMeeting(deps.store.read(), now);
    if (!meeting) {
      await turn.reply(messages(turn.lang)['meeting.noneComing']);
      return;
    }
    await turn.reply({ card: attendanceCard(deps.store.read(), meeting, turn.lang, deps.timeZone, now) });
  },
};
