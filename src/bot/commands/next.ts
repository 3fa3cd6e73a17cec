import { ROLES } from '../../domain/roles.js';
import { audienceOf, chosenMeetingOrSay, saltoReportUrlOf } from '../meetings/handling.js';
import { agendaCard } from '../meetings/views.js';
import { ALL_SCOPES, type Command } from './command.js';

/** /neste [møte]: the next meeting and its agenda, or one named ("seminar", "mars"); confidential items only in a personal chat. */
export const nextCommand: Command = {
  name: 'neste',
  aliases: ['next'],
  english: 'next',
  description: 'command.neste',
  detail: 'help.detail.neste',
  topics: ['neste', 'møte', 'møtet', 'når', 'dagsorden', 'dagsordenen', 'forfall', 'komme', 'kommer', 'delta', 'stedfortreder', 'next', 'meeting', 'when', 'agenda', 'attend', 'apologies', 'substitute'],
  scopes: ALL_SCOPES,
  role: ROLES,
  async handle(turn, args, deps) {
    const meeting = await chosenMeetingOrSay(turn, deps, args);
    if (!meeting) return;
    const now = deps.clock.now();
    const personal = turn.conversation.kind === 'personal';
    await turn.reply({
      card: agendaCard(meeting, { lang: turn.lang, timeZone: deps.timeZone, audience: audienceOf(turn), viewer: personal ? turn.member : undefined, headline: 'none', now, saltoReportUrl: saltoReportUrlOf(deps, meeting.id) }),
    });
  },
};
