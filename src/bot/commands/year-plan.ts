import { TZDate } from '@date-fns/tz';
import { readYear } from '../../domain/date-text.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { yearPlanCard } from '../meetings/views.js';
import type { Command } from './command.js';

/** "2027", "neste år", "i år" (English too); nothing means next year, the one usually planned. */
const yearNamed = (words: string, thisYear: number) => (words.trim() === '' ? thisYear + 1 : readYear(words, thisYear));

/** /årsplan 2027: proposes four ordinary meetings and the seminar for the secretary to confirm. */
export const yearPlanCommand: Command = {
  name: 'årsplan',
  aliases: ['arsplan', 'yearplan'],
  english: 'yearplan',
  description: 'command.årsplan',
  detail: 'help.detail.årsplan',
  topics: ['årsplan', 'årsplanen', 'år', 'året', 'planlegge', 'year', 'plan'],
  // Teams shows at most ten commands a scope; this one is reached from /møteplan too.
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const now = new TZDate(deps.clock.now().getTime(), deps.timeZone);
    const year = yearNamed(args, now.getFullYear());
    if (year === undefined || year < now.getFullYear() || year > now.getFullYear() + 10) {
      await turn.reply(messages(turn.lang)['yearPlan.usage']);
      return;
    }
    await turn.reply({ card: yearPlanCard(deps.store.read(), year, turn.lang, deps.timeZone) });
  },
};
