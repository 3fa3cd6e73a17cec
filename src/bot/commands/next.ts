import { nextMeeting } from '../../domain/meetings.js';
import { ROLES } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { audienceOf } from '../meetings/handling.js';
import { agendaCard } from '../meetings/views.js';
import { ALL_SCOPES, type Command } from './command.js';

/** /neste: the next meeting and its agenda; confidential items only in a personal chat. */
export const nextCommand: Command = {
  name: 'neste',
  aliases: ['next'],
  description: 'command.neste',
  scopes: ALL_SCOPES,
  role: ROLES,
  async handle(turn, _args, deps) {
    const now = deps.clock.now();
    const meeting = nextMeeting(deps.store.read(), now);
    if (!meeting) {
      await turn.reply(messages(turn.lang)['meeting.noneComing']);
      return;
    }
    const personal = turn.conversation.kind === 'personal';
    await turn.reply({
      card: agendaCard(meeting, { lang: turn.lang, timeZone: deps.timeZone, audience: audienceOf(turn), viewer: personal ? turn.member : undefined, headline: 'none', now }),
    });
  },
};
