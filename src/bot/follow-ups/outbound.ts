import type { Clock } from '../../domain/clock.js';
import { todayIn } from '../../domain/follow-up-dates.js';
import { followUpSummary } from '../../domain/follow-up-reminders.js';
import { isOpen } from '../../domain/follow-ups.js';
import { COUNCIL, mayUse } from '../../domain/roles.js';
import { meetingDate } from '../../domain/follow-up-dates.js';
import type { Data, Delivery } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import type { Outgoing } from '../../notify/notifier.js';
import { cardActivity } from '../meetings/outbound.js';
import { dueLabel } from '../../i18n/points.js';
import { dayLabel, followUpListLink, passedOnCard, reminderCard, summaryCard } from './views.js';

export const FOLLOW_UP_KINDS: readonly Delivery['kind'][] = [
  'followup-due',
  'followup-overdue',
  'followup-briefing',
  'followup-assigned',
  'followup-unassigned',
  'followup-rescheduled',
  'followup-summary',
];

/**
 * Makes a follow-up message from the data as it is when it is sent: the owner's point with a
 * reminder headline, or the secretariat's summary before a meeting. A point closed meanwhile
 * needs no reminder, so nothing is sent for it.
 */
export function followUpComposer(options: { timeZone: string; clock: Clock; followUpListUrl?: ((meetingId: string) => string | undefined) | undefined }) {
  return (delivery: Delivery, data: Readonly<Data>): Outgoing | undefined => {
    const record = data.conversations.find((c) => c.id === delivery.conversationId);
    if (!record) return undefined;
    const member = delivery.memberId ? data.members.find((m) => m.id === delivery.memberId) : undefined;
    const lang = member?.lang ?? 'nb';
    const m = messages(lang);
    const now = options.clock.now();
    const context = { lang, timeZone: options.timeZone, today: todayIn(now, options.timeZone), now };
    const meeting = delivery.meetingId ? data.meetings.find((x) => x.id === delivery.meetingId) : undefined;
    const outgoing = (card: Record<string, unknown>, summary: string): Outgoing => ({
      reference: record.reference,
      tenantId: record.tenantId,
      activity: cardActivity(card, summary, lang),
      revision: undefined,
    });
    if (delivery.kind === 'followup-summary') {
      if (!meeting) return undefined;
      const title = m['summary.title']({ date: dayLabel(meetingDate(meeting, options.timeZone), lang, options.timeZone) });
      const download = followUpListLink(meeting, lang, options.followUpListUrl);
      return outgoing(summaryCard(data, followUpSummary(data, meeting, now, options.timeZone), meeting.start, member, { ...context, download }), title);
    }
    const point = data.followUps.find((p) => p.id === delivery.followUpId);
    if (!point || !isOpen(point)) return undefined;
    if (delivery.kind === 'followup-unassigned') {
      // Given back to them meanwhile: there is nothing to tell.
      if (point.ownerMemberId === delivery.memberId) return undefined;
      const { card, summary } = passedOnCard(data, point, member, delivery.note, lang);
      return outgoing(card, summary);
    }
    // An owner taken off the council meanwhile gets no more reminders of council points.
    if (!mayUse(member, COUNCIL)) return undefined;
    if (delivery.kind === 'followup-assigned' || delivery.kind === 'followup-rescheduled') {
      // Someone else may own the point by now: only its owner is told, as its owner.
      if (point.ownerMemberId !== delivery.memberId) return undefined;
      const by = data.members.find((x) => x.id === delivery.note)?.name ?? data.council.shortName;
      const dated = point.dueDate ?? point.dueMeetingId ?? point.dueText;
      const [withDue, withoutDue] = delivery.kind === 'followup-assigned' ? (['assigned', 'assignedNoDue'] as const) : (['rescheduled', 'rescheduledNoDue'] as const);
      const headline = dated ? m[`followUp.headline.${withDue}`]({ by, due: dueLabel(point, data, lang, options.timeZone) }) : m[`followUp.headline.${withoutDue}`]({ by });
      return outgoing(reminderCard(data, point, member, headline, context), headline);
    }
    const headline =
      delivery.kind === 'followup-briefing' && meeting
        ? m['followUp.headline.briefing']({ date: dayLabel(meetingDate(meeting, options.timeZone), lang, options.timeZone) })
        : delivery.kind === 'followup-overdue'
          ? m['followUp.headline.overdue']({ due: dueLabel(point, data, lang, options.timeZone) })
          : m['followUp.headline.due']({ due: dueLabel(point, data, lang, options.timeZone) });
    return outgoing(reminderCard(data, point, member, headline, context), headline);
  };
}
