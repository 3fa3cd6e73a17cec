import { TZDate } from '@date-fns/tz';
import { readYear } from '../../domain/date-text.js';
import { ROLES } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { scheduleCard } from '../meetings/views.js';
import { ALL_SCOPES, type Command } from './command.js';

/**
 * /møteplan: the coming meetings, for everyone registered; the secretary gets buttons to plan.
 * /møteplan 2024 (or "i fjor", "neste år"): every meeting of that year, held and cancelled too.
 */
export const scheduleCommand: Command = {
  name: 'møteplan',
  aliases: ['moteplan', 'schedule'],
  english: 'schedule',
  description: 'command.møteplan',
  detail: 'help.detail.møteplan',
  topics: ['møteplan', 'møteplanen', 'møter', 'møtene', 'møtedatoer', 'datoer', 'schedule', 'meetings', 'dates'],
  scopes: ALL_SCOPES,
  role: ROLES,
  async handle(turn, args, deps) {
    const now = deps.clock.now();
    const year = args.trim() ? readYear(args, new TZDate(now.getTime(), deps.timeZone).getFullYear()) : undefined;
    if (args.trim() && year === undefined) {
      await turn.reply(messages(turn.lang)['schedule.usage']);
      return;
    }
    const url = turn.member && turn.conversation.kind === 'personal' ? deps.calendarUrl(turn.member.id) : undefined;
    await turn.reply({ card: scheduleCard(deps.store.read(), turn.member, turn.lang, deps.timeZone, now, url, year) });
  },
};
