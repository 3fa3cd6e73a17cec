import { COUNCIL } from '../../domain/roles.js';
import { councilAreasCard } from '../focus-areas/views.js';
import type { Command } from './command.js';

/** /innsatsområder: the council's focus areas with the open points under each; the secretariat changes them. */
export const focusAreasCommand: Command = {
  name: 'innsatsområder',
  aliases: ['innsatsomrader', 'focusareas'],
  english: 'focusareas',
  description: 'command.innsatsområder',
  detail: 'help.detail.innsatsområder',
  topics: ['innsatsområde', 'innsatsområder', 'innsatsområdene', 'samarbeidsdokumentet', 'handlingsplanen', 'focus', 'areas'],
  scopes: [],
  role: COUNCIL,
  async handle(turn, _args, deps) {
    await turn.reply({ card: councilAreasCard(deps.store.read(), turn.member, turn.lang) });
  },
};
