import { formatDate } from '../../domain/dates.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { roundOfMeeting } from '../../domain/salto-rounds.js';
import { messages } from '../../i18n/index.js';
import { showRound } from '../actions/salto.js';
import { namedMeetingOrSay } from '../meetings/handling.js';
import { roundFormCard } from '../salto/views.js';
import type { Command } from './command.js';

/** /rapportrunde: the form that opens a reporting round for a coming meeting. */
export const reportRoundCommand: Command = {
  name: 'rapportrunde',
  aliases: ['reportround'],
  english: 'reportround',
  description: 'command.rapportrunde',
  detail: 'help.detail.rapportrunde',
  topics: ['rapportrunde', 'rapportrunden', 'runde', 'runden', 'salto', 'round', 'open'],
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    const card = roundFormCard(deps.store.read(), turn.lang, deps.timeZone, deps.clock.now());
    await turn.reply(card ? { card } : messages(turn.lang)['saltoRound.none']);
  },
};

/** /rapporter [møte]: each unit handed in, draft or not started, with unlock buttons and the compiled report. */
export const reportsCommand: Command = {
  name: 'rapporter',
  aliases: ['reports'],
  english: 'reports',
  description: 'command.rapporter',
  detail: 'help.detail.rapporter',
  topics: ['rapporter', 'rapportene', 'levert', 'samlet', 'samlede', 'salto', 'reports', 'compiled', 'submitted'],
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const data = deps.store.read();
    const m = messages(turn.lang);
    const named = args.trim();
    if (!named) {
      // The round the secretariat is most likely asking about: the newest one.
      const newest = [...data.saltoRounds].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
      return newest ? showRound(turn, deps, newest.id, 'reply') : turn.reply(m['saltoOverview.noRound']);
    }
    const byId = data.saltoRounds.find((r) => r.id === named);
    if (byId) return showRound(turn, deps, byId.id, 'reply');
    const meeting = await namedMeetingOrSay(turn, deps, named);
    if (!meeting) return;
    const round = roundOfMeeting(data, meeting.id);
    if (!round) return turn.reply(m['saltoOverview.noRoundFor']({ date: formatDate(meeting.start, deps.timeZone, turn.lang) }));
    await showRound(turn, deps, round.id, 'reply');
  },
};
