import { openMeetings } from '../../domain/meetings.js';
import { COUNCIL } from '../../domain/roles.js';
import { titleAndDescription } from '../../domain/text.js';
import { messages } from '../../i18n/index.js';
import { propose } from '../actions/agenda-editing.js';
import type { Command } from './command.js';

/** /foreslå <tittel> [lines of description]: proposes an item for the next meeting; the secretary decides. */
export const proposeCommand: Command = {
  name: 'foreslå',
  aliases: ['foresla', 'propose'],
  english: 'propose',
  description: 'command.foreslå',
  detail: 'help.detail.foreslå',
  topics: ['foreslå', 'forslag', 'sak', 'saker', 'tema', 'propose', 'proposal', 'suggest', 'item', 'topic'],
  scopes: ['personal'],
  role: COUNCIL,
  async handle(turn, args, deps) {
    const m = messages(turn.lang);
    if (!args) {
      await turn.reply(m['proposal.usage']);
      return;
    }
    // During a meeting, the next one: the meeting under way can no longer take items.
    const meeting = openMeetings(deps.store.read(), deps.clock.now())[0];
    if (!meeting) {
      await turn.reply(m['proposal.noMeeting']);
      return;
    }
    const { title, description } = titleAndDescription(args);
    await propose(turn, deps, meeting.id, title, description || undefined);
  },
};
