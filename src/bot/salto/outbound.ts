import type { Clock } from '../../domain/clock.js';
import { awaitsRound, reportOf, unitsOf } from '../../domain/salto-rounds.js';
import type { Data, Delivery } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import type { Outgoing } from '../../notify/notifier.js';
import { dayLabel } from '../follow-ups/views.js';
import { cardActivity } from '../meetings/outbound.js';
import { inviteCard, roundMissingCard } from './views.js';

export const SALTO_KINDS: readonly Delivery['kind'][] = ['salto-invite', 'salto-reminder', 'salto-deadline', 'salto-deadline-moved', 'salto-round-missing'];

const HEADLINES = { 'salto-invite': 'salto.invite.headline', 'salto-deadline': 'salto.deadline.headline' } as const;

/**
 * The invitation or reminder for a coordinator, made when it is sent: a start button for each of
 * their units that has not handed in. A reminder for units that have all handed in meanwhile is
 * not sent. The secretaries' reminder of a round not opened is not sent once it is, or once the
 * meeting no longer awaits it.
 */
export function saltoComposer(options: { timeZone: string; clock: Clock }) {
  return (delivery: Delivery, data: Readonly<Data>): Outgoing | undefined => {
    const record = data.conversations.find((c) => c.id === delivery.conversationId);
    const member = data.members.find((m) => m.id === delivery.memberId);
    if (!record || !member) return undefined;
    if (delivery.kind === 'salto-round-missing') {
      const meeting = data.meetings.find((m) => m.id === delivery.meetingId);
      const now = options.clock.now();
      if (!meeting || !awaitsRound(data, meeting, now)) return undefined;
      const lang = member.lang ?? 'nb';
      const card = roundMissingCard(data, meeting, lang, options.timeZone, now);
      return { reference: record.reference, tenantId: record.tenantId, activity: cardActivity(card, messages(lang)['salto.missing.headline'], lang), revision: undefined };
    }
    const round = data.saltoRounds.find((r) => r.id === delivery.roundId);
    if (!round) return undefined;
    // A notice of a deadline the secretary has moved again since says what no longer holds.
    if (delivery.kind === 'salto-deadline-moved' && delivery.note !== round.deadline) return undefined;
    const lang = member.lang ?? 'nb';
    const m = messages(lang);
    const units = unitsOf(round, member).filter((u) => reportOf(data, round.id, u)?.status !== 'levert');
    if (units.length === 0) return undefined;
    const deadline = dayLabel(round.deadline, lang, options.timeZone);
    const headline =
      delivery.kind === 'salto-invite' || delivery.kind === 'salto-deadline'
        ? m[HEADLINES[delivery.kind]]
        : m[delivery.kind === 'salto-deadline-moved' ? 'salto.moved.headline' : 'salto.reminder.headline']({ deadline });
    return { reference: record.reference, tenantId: record.tenantId, activity: cardActivity(inviteCard(data, round, units, lang, options.timeZone, headline), headline, lang), revision: undefined };
  };
}
