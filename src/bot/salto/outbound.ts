import type { Card } from '../../cards/render.js';
import type { Clock } from '../../domain/clock.js';
import { meetingPhase } from '../../domain/meetings.js';
import { awaitsRound, reportOf, unitsOf } from '../../domain/salto-rounds.js';
import type { Data, Delivery } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import type { Outgoing } from '../../notify/notifier.js';
import { dayLabel } from '../follow-ups/views.js';
import { cardActivity } from '../meetings/outbound.js';
import { inviteCard, roundMissingCard, roundSummaryCard } from './views.js';

export const SALTO_KINDS: readonly Delivery['kind'][] = ['salto-invite', 'salto-reminder', 'salto-deadline', 'salto-deadline-moved', 'salto-round-missing', 'salto-round-summary'];

const HEADLINES = { 'salto-invite': 'salto.invite.headline', 'salto-deadline': 'salto.deadline.headline' } as const;

/**
 * The invitation or reminder for a coordinator, made when it is sent: a start button for each of
 * their units that has not handed in. A reminder for units that have all handed in meanwhile is
 * not sent. The secretaries' messages are not sent once they no longer hold: the reminder of a
 * round not opened once it is (or the meeting no longer awaits it), the summary after a deadline
 * once the deadline has moved or the meeting has begun.
 */
export function saltoComposer(options: { timeZone: string; clock: Clock }) {
  return (delivery: Delivery, data: Readonly<Data>): Outgoing | undefined => {
    const record = data.conversations.find((c) => c.id === delivery.conversationId);
    const member = data.members.find((m) => m.id === delivery.memberId);
    if (!record || !member) return undefined;
    const lang = member.lang ?? 'nb';
    const m = messages(lang);
    const now = options.clock.now();
    const send = (card: Card, summary: string): Outgoing => ({ reference: record.reference, tenantId: record.tenantId, activity: cardActivity(card, summary, lang), revision: undefined });
    if (delivery.kind === 'salto-round-missing') {
      const meeting = data.meetings.find((x) => x.id === delivery.meetingId);
      return meeting && awaitsRound(data, meeting, now) ? send(roundMissingCard(data, meeting, lang, options.timeZone, now), m['salto.missing.headline']) : undefined;
    }
    const round = data.saltoRounds.find((r) => r.id === delivery.roundId);
    if (!round) return undefined;
    // A notice of a deadline the secretary has moved again since says what no longer holds.
    if ((delivery.kind === 'salto-deadline-moved' || delivery.kind === 'salto-round-summary') && delivery.note !== round.deadline) return undefined;
    const deadline = dayLabel(round.deadline, lang, options.timeZone);
    if (delivery.kind === 'salto-round-summary') {
      const meeting = data.meetings.find((x) => x.id === round.meetingId);
      return meeting && meetingPhase(meeting, now) === 'coming' ? send(roundSummaryCard(data, round, lang, options.timeZone, now), m['salto.summary.headline']({ deadline })) : undefined;
    }
    const units = unitsOf(round, member).filter((u) => reportOf(data, round.id, u)?.status !== 'levert');
    if (units.length === 0) return undefined;
    const headline =
      delivery.kind === 'salto-invite' || delivery.kind === 'salto-deadline'
        ? m[HEADLINES[delivery.kind]]
        : m[delivery.kind === 'salto-deadline-moved' ? 'salto.moved.headline' : 'salto.reminder.headline']({ deadline });
    return send(inviteCard(data, round, units, lang, options.timeZone, headline), headline);
  };
}
