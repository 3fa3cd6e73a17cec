import { SECRETARIAT } from '../../domain/roles.js';
import { showEditor } from '../actions/agenda-editing.js';
import type { Command } from './command.js';

/** /dagsorden [møte-id]: the secretary's agenda editor, for the next meeting unless one is named. */
export const agendaCommand: Command = {
  name: 'dagsorden',
  aliases: ['agenda'],
  description: 'command.dagsorden',
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    await showEditor(turn, deps, args.split(/\s+/)[0] || undefined);
  },
};
