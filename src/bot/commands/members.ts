import { SECRETARIAT } from '../../domain/roles.js';
import { refuseOutsidePersonal } from '../meetings/handling.js';
import { membersCard } from '../members/views.js';
import type { Command } from './command.js';

/** /medlemmer: who is on the council and their roles, with forms to change them or add someone. */
export const membersCommand: Command = {
  name: 'medlemmer',
  aliases: ['members'],
  english: 'members',
  description: 'command.medlemmer',
  detail: 'help.detail.medlemmer',
  topics: ['medlemmer', 'medlemmene', 'medlem', 'rådet', 'person', 'personer', 'legge', 'ny', 'members', 'member', 'roster', 'people'],
  // Teams shows at most ten commands a scope; this one is typed, and listed in /hjelp.
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    if (await refuseOutsidePersonal(turn, 'members.personalOnly')) return;
    await turn.reply({ card: membersCard(deps.store.read(), turn.lang) });
  },
};
