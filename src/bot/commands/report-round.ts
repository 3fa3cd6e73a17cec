import { SECRETARIAT } from '../../domain/roles.js';
import type { Data, SaltoRound } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { showRound } from '../actions/salto.js';
import { roundFormCard } from '../salto/views.js';
import type { Command } from './command.js';

/** /rapportrunde: the form that opens a reporting round for a coming meeting. */
export const reportRoundCommand: Command = {
  name: 'rapportrunde',
  aliases: ['reportround'],
  description: 'command.rapportrunde',
  scopes: [],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    const card = roundFormCard(deps.store.read(), turn.lang, deps.timeZone, deps.clock.now());
    await turn.reply(card ? { card } : messages(turn.lang)['saltoRound.none']);
  },
};

/** The round the secretariat is most likely asking about: the newest one, or one named by meeting id. */
function chosenRound(data: Readonly<Data>, args: string): SaltoRound | undefined {
  const named = args.trim();
  if (named) return data.saltoRounds.find((r) => r.meetingId === named || r.id === named);
  return [...data.saltoRounds].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
}

/** /rapporter: each unit handed in, draft or not started, with unlock buttons and the compiled report. */
export const reportsCommand: Command = {
  name: 'rapporter',
  aliases: ['reports'],
  description: 'command.rapporter',
  scopes: ['personal'],
  role: SECRETARIAT,
  async handle(turn, args, deps) {
    const round = chosenRound(deps.store.read(), args);
    if (!round) return turn.reply(messages(turn.lang)['saltoOverview.noRound']);
    await showRound(turn, deps, round.id, 'reply');
  },
};
