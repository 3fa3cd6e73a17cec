import { ROLES } from '../../domain/roles.js';
import { showSearch } from '../actions/search.js';
import type { Command } from './command.js';

/** /søk <ord>: agenda items, what the minutes say of them, and follow-up points, as far as the viewer may read them here. */
export const searchCommand: Command = {
  name: 'søk',
  aliases: ['sok', 'search'],
  english: 'search',
  description: 'command.søk',
  detail: 'help.detail.søk',
  topics: ['søk', 'søke', 'finn', 'finne', 'lete', 'leter', 'tidligere', 'arkiv', 'search', 'find', 'earlier'],
  // Teams shows at most ten commands a scope; this one is typed, and listed in /hjelp.
  scopes: [],
  role: ROLES,
  async handle(turn, args, deps) {
    await showSearch(turn, deps, args, 1, 'reply');
  },
};
