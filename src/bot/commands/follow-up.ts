import { SECRETARIAT } from '../../domain/roles.js';
import { emptyFormValues, followUpFormCard } from '../follow-ups/views.js';
import { refuseTooLong } from '../meetings/handling.js';
import { messages } from '../../i18n/index.js';
import type { Command } from './command.js';

/** /oppfølging [tittel]: the form for a new follow-up point, with the title filled in when given. */
export const followUpCommand: Command = {
  name: 'oppfølging',
  aliases: ['oppfolging', 'punkt', 'followup'],
  description: 'command.oppfølging',
  detail: 'help.detail.oppfølging',
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    if (await refuseTooLong(turn, [[messages(turn.lang)['followUpForm.titleLabel'], args, 500]])) return;
    const data = deps.store.read();
    await turn.reply({ card: followUpFormCard(data, emptyFormValues(data, args), undefined, turn.lang, deps.timeZone) });
  },
};
