import { ROLES } from '../../domain/roles.js';
import { scheduleCard } from '../meetings/views.js';
import { ALL_SCOPES, type Command } from './command.js';

/** /møteplan: the coming meetings, for everyone registered; the secretary gets buttons to plan. */
export const scheduleCommand: Command = {
  name: 'møteplan',
  aliases: ['moteplan', 'schedule'],
  description: 'command.møteplan',
  detail: 'help.detail.møteplan',
  topics: ['møteplan', 'møteplanen', 'møter', 'møtene', 'møtedatoer', 'datoer', 'schedule', 'meetings', 'dates'],
  scopes: ALL_SCOPES,
  role: ROLES,
  async handle(turn, _args, deps) {
    const url = turn.member && turn.conversation.kind === 'personal' ? deps.calendarUrl(turn.member.id) : undefined;
    await turn.reply({ card: scheduleCard(deps.store.read(), turn.member, turn.lang, deps.timeZone, deps.clock.now(), url) });
  },
};
