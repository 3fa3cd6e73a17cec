import { SECRETARIAT } from '../../domain/roles.js';
import { setupCard } from '../salto/setup-views.js';
import type { Command } from './command.js';

/** /salto: the secretary's view of the SaLTo units, their coordinators and the focus areas, with buttons to change them. */
export const saltoSetupCommand: Command = {
  name: 'salto',
  aliases: ['saltooppsett', 'saltosetup'],
  description: 'command.salto',
  detail: 'help.detail.salto',
  topics: ['salto', 'enhet', 'enheter', 'enhetene', 'koordinator', 'koordinatorer', 'koordinatorene', 'innsatsområde', 'innsatsområder', 'innsatsområdene', 'unit', 'units', 'coordinators', 'areas'],
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    await turn.reply({ card: setupCard(deps.store.read(), turn.lang) });
  },
};
