import { SECRETARIAT } from '../../domain/roles.js';
import { showEditor } from '../actions/agenda-editing.js';
import { chosenMeetingOrSay } from '../meetings/handling.js';
import type { Command } from './command.js';

/** /dagsorden [møte]: the secretary's agenda editor, for the next meeting unless one is named ("10. desember", "mars"). */
export const agendaCommand: Command = {
  name: 'dagsorden',
  aliases: ['agenda'],
  english: 'agenda',
  description: 'command.dagsorden',
  detail: 'help.detail.dagsorden',
  topics: ['dagsorden', 'dagsordenen', 'saker', 'sakene', 'endre', 'rediger', 'redigere', 'agenda', 'items', 'edit'],
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const meeting = await chosenMeetingOrSay(turn, deps, args);
    if (meeting) await showEditor(turn, deps, meeting.id);
  },
};
