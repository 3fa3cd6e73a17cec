import { meetingNamed } from '../../domain/named-meetings.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { showEditor } from '../actions/agenda-editing.js';
import type { Command } from './command.js';

/** /dagsorden [møte]: the secretary's agenda editor, for the next meeting unless one is named ("10. desember", "mars"). */
export const agendaCommand: Command = {
  name: 'dagsorden',
  aliases: ['agenda'],
  description: 'command.dagsorden',
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const named = args.trim();
    if (!named) return showEditor(turn, deps, undefined);
    const meeting = meetingNamed(deps.store.read(), named, deps.clock.now(), deps.timeZone);
    if (!meeting) return turn.reply(messages(turn.lang)['meeting.notNamed']({ text: named.slice(0, 80) }));
    await showEditor(turn, deps, meeting.id);
  },
};
