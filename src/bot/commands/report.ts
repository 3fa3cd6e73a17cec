import { todayIn } from '../../domain/follow-up-dates.js';
import { reportOf, unitsOf } from '../../domain/salto-rounds.js';
import type { Data, Member, SaltoRound } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { COORDINATOR, startOrContinue } from '../actions/salto.js';
import { dayLabel } from '../follow-ups/views.js';
import { chooseUnitCard } from '../salto/views.js';
import type { Command } from './command.js';

/** The newest round this coordinator reports in that is open for them (before its deadline, or unlocked). */
function openRoundFor(data: Readonly<Data>, member: Member | undefined, today: string): SaltoRound | undefined {
  const rounds = data.saltoRounds
    .filter((r) => unitsOf(r, member).some((u) => today <= r.deadline || r.unlockedUnitIds.includes(u)))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  return rounds[0];
}

/** /rapport: start the unit's report, or continue exactly where it was left (also after a restart). */
export const reportCommand: Command = {
  name: 'rapport',
  aliases: ['report'],
  english: 'report',
  description: 'command.rapport',
  detail: 'help.detail.rapport',
  topics: ['rapport', 'rapporten', 'salto', 'svare', 'svar', 'levere', 'skjema', 'skjemaet', 'report', 'answer', 'submit', 'form'],
  scopes: ['personal'],
  role: COORDINATOR,
  async handle(turn, _args, deps) {
    const data = deps.store.read();
    const round = openRoundFor(data, turn.member, todayIn(deps.clock.now(), deps.timeZone));
    if (!round) {
      // A round for a coming meeting whose deadline has passed: say it is locked, not that there is none.
      const late = data.saltoRounds.find((r) => unitsOf(r, turn.member).length > 0 && data.meetings.some((x) => x.id === r.meetingId && new Date(x.start) > deps.clock.now()));
      return turn.reply(late ? messages(turn.lang)['problem.round-locked']({ deadline: dayLabel(late.deadline, turn.lang, deps.timeZone) }) : messages(turn.lang)['salto.noRound']);
    }
    const units = unitsOf(round, turn.member);
    // With several units, a draft going is the one to continue; otherwise the coordinator chooses.
    const draft = units.find((u) => reportOf(data, round.id, u)?.status === 'utkast' && reportOf(data, round.id, u)?.authorMemberId === turn.member?.id);
    const unit = draft ?? (units.length === 1 ? units[0] : undefined);
    if (unit) return startOrContinue(turn, deps, round.id, unit, 'reply');
    if (units.length === 0) return turn.reply(messages(turn.lang)['salto.noUnit']);
    await turn.reply({ card: chooseUnitCard(data, round, units, turn.lang) });
  },
};
