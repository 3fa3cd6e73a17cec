import { ROLES } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import type { Command } from './command.js';

/** /kalender: the member's own iCalendar feed link, for Outlook's "subscribe from web". */
export const calendarCommand: Command = {
  name: 'kalender',
  aliases: ['calendar'],
  english: 'calendar',
  description: 'command.kalender',
  detail: 'help.detail.kalender',
  topics: ['kalender', 'kalenderen', 'outlook', 'abonnere', 'calendar', 'subscribe'],
  scopes: ['personal'],
  role: ROLES,
  async handle(turn, _args, deps) {
    const m = messages(turn.lang);
    const url = turn.member ? deps.calendarUrl(turn.member.id) : undefined;
    await turn.reply(url ? m['calendar.link']({ url }) : m['calendar.noBaseUrl']);
  },
};
