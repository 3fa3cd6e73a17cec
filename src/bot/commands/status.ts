import { COUNCIL } from '../../domain/roles.js';
import { showStatus } from '../actions/follow-ups.js';
import type { Command } from './command.js';

/**
 * /status: open follow-up points. The secretariat sees all of them and may filter
 * (`forfalt`, `mine`, a focus area, an owner); members and observers see their own.
 */
export const statusCommand: Command = {
  name: 'status',
  aliases: ['oppfølgingspunkter', 'oppfolgingspunkter'],
  description: 'command.status',
  detail: 'help.detail.status',
  topics: ['status', 'oppfølging', 'oppfølgingen', 'oppfølgingspunkt', 'oppfølgingspunkter', 'oppfølgingspunktene', 'punkter', 'punktene', 'forfalt', 'forfalte', 'åpne', 'frist', 'frister', 'follow-up', 'follow-ups', 'overdue', 'open', 'tasks', 'actions'],
  scopes: ['personal'],
  role: COUNCIL,
  async handle(turn, args, deps) {
    await showStatus(turn, deps, { filter: args, page: 1 }, undefined, 'reply');
  },
};
