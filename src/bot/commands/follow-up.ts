import { titleAndDue } from '../../domain/follow-up-dates.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { titleAndDescription } from '../../domain/text.js';
import { emptyFormValues, followUpFormCard } from '../follow-ups/views.js';
import { refuseTooLong } from '../meetings/handling.js';
import { messages } from '../../i18n/index.js';
import type { Command } from './command.js';

/**
 * /oppfølging [tittel]: the form for a new follow-up point, with the title, a deadline written at
 * its end ("… frist 15. januar") and the lines under it as the description filled in.
 */
export const followUpCommand: Command = {
  name: 'oppfølging',
  aliases: ['oppfolging', 'punkt', 'followup'],
  english: 'followup',
  description: 'command.oppfølging',
  detail: 'help.detail.oppfølging',
  topics: ['nytt', 'oppfølgingspunkt', 'punkt', 'lage', 'opprette', 'new', 'follow-up', 'create', 'task', 'action'],
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const m = messages(turn.lang);
    const { title: typed, description } = titleAndDescription(args);
    const data = deps.store.read();
    const { title, due } = titleAndDue(typed, data, deps.clock.now(), deps.timeZone);
    if (await refuseTooLong(turn, [[m['followUpForm.titleLabel'], title, 500], [m['followUpForm.description'], description, 4000]])) return;
    await turn.reply({ card: followUpFormCard(data, { ...emptyFormValues(data, title), description, due }, undefined, turn.lang, deps.timeZone) });
  },
};
