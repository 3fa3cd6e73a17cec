import { fitCard } from '../../cards/fit.js';
import type { Card } from '../../cards/render.js';
import type { Clock } from '../../domain/clock.js';
import { formatDateTime } from '../../domain/dates.js';
import { audienceFor, PROPOSAL_BACK, PROPOSAL_UNDECIDED } from '../../domain/agenda.js';
import { isAgendaRecipient } from '../../domain/deliveries.js';
import { resentMinutes } from '../../domain/minutes.js';
import { lastPlannedMeeting } from '../../domain/year-plan.js';
import type { ConversationRecord, Data, Delivery, Lang, Meeting, Proposal } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import type { Compose } from '../../notify/notifier.js';
import { minutesCard, minutesReminderCard } from '../minutes/views.js';
import { agendaCard, meetingLabel, meetingName, proposalCard, yearPlanReminderCard, type Headline } from './views.js';

const HEADLINES: Partial<Record<Delivery['kind'], Headline>> = {
  agenda: 'posted',
  reminder: 'reminder',
  'attendance-reminder': 'attendanceReminder',
};

/** A proactive card message, its long texts shortened if Teams would refuse it whole. */
export function cardActivity(card: Card, summary: string, lang: Lang): Record<string, unknown> {
  return { type: 'message', summary, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: fitCard(card, lang) }] };
}

function textActivity(text: string): Record<string, unknown> {
  return { type: 'message', text, textFormat: 'plain' };
}

/** The Teams user id a saved conversation reference was made with. */
function userIdOf(record: ConversationRecord): string | undefined {
  const id = (record.reference['user'] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

/** Teams user ids of the council's members the bot has met, so they each see their own answer. */
export function memberUserIds(data: Readonly<Data>): string[] {
  const ids: string[] = [];
  for (const record of data.conversations) {
    if (record.kind !== 'personal' || !record.memberId) continue;
    const member = data.members.find((m) => m.id === record.memberId);
    const userId = userIdOf(record);
    if (member && isAgendaRecipient(member) && userId && !ids.includes(userId)) ids.push(userId);
  }
  return ids;
}

/** The note on a move's notice when the meeting moved to another day, so the answers given are asked for again. */
export const ASK_AGAIN = 'svar-igjen';

/**
 * Makes each outbox message from the data as it is when it is sent: the agenda card in the
 * member's language (confidential items hidden outside personal chat), or a short notice.
 */
export function meetingComposer(options: { timeZone: string; clock: Clock; reportUrl?: ((roundId: string) => string | undefined) | undefined }): Compose {
  return (delivery, data, mode) => {
    const record = data.conversations.find((c) => c.id === delivery.conversationId);
    const meeting = data.meetings.find((m) => m.id === delivery.meetingId);
    if (!record || !meeting) return undefined;
    const member = delivery.memberId ? data.members.find((m) => m.id === delivery.memberId) : undefined;
    const lang = member?.lang ?? 'nb';
    const personal = record.kind === 'personal';
    const userId = userIdOf(record);
    const activity = (() => {
      const headline = HEADLINES[delivery.kind];
      if (delivery.kind === 'minutes-reminder') {
        // Sent meanwhile: nothing to remind of.
        return meeting.minutes?.sentAt ? undefined : cardActivity(minutesReminderCard(meeting, lang, options.timeZone), messages(lang)['minutes.reminder.headline'], lang);
      }
      if (delivery.kind === 'year-plan-reminder') {
        // Planned meanwhile: the meeting is no longer the last.
        return lastPlannedMeeting(data)?.id === meeting.id ? cardActivity(yearPlanReminderCard(meeting, lang, options.timeZone), messages(lang)['yearPlan.reminder.headline'], lang) : undefined;
      }
      if (delivery.kind === 'minutes') {
        if (!meeting.minutes) return undefined;
        // A second sending, after the minutes changed, says so.
        const card = minutesCard(data, meeting, lang, options.timeZone, messages(lang)[resentMinutes(data, delivery) ? 'minutes.cardChanged' : 'minutes.cardReady']);
        return cardActivity(card, messages(lang)['minutes.title']({ meeting: meetingLabel(meeting, lang) }), lang);
      }
      if (delivery.kind === 'proposal') {
        // A proposal decided before the message went out needs no word to the secretariat.
        const proposal = proposalOf(delivery, meeting);
        const card = proposal?.status === 'foreslått' ? proposalCard(data, meeting, proposal, lang, options.timeZone, 'chat', delivery.note === PROPOSAL_UNDECIDED) : undefined;
        return card && proposal ? cardActivity(card, proposal.title, lang) : undefined;
      }
      if (headline) {
        const card = agendaCard(meeting, {
          lang,
          timeZone: options.timeZone,
          audience: audienceFor(personal, member),
          viewer: member,
          headline: mode === 'update' ? 'changed' : headline,
          now: options.clock.now(),
          refreshUserIds: personal ? (userId ? [userId] : []) : memberUserIds(data),
          saltoReportUrl: ((round) => (round ? options.reportUrl?.(round.id) : undefined))(data.saltoRounds.find((r) => r.meetingId === meeting.id)),
        });
        return cardActivity(card, meetingName(meeting, lang, options.timeZone), lang);
      }
      if (!stillHolds(delivery, data, meeting)) return undefined;
      return textActivity(noticeText(delivery, data, meeting, lang, options.timeZone));
    })();
    if (!activity) return undefined;
    return { reference: record.reference, tenantId: record.tenantId, activity, revision: meeting.revision };
  };
}

function noticeText(delivery: Delivery, data: Readonly<Data>, meeting: Meeting, lang: 'nb' | 'en', timeZone: string): string {
  const m = messages(lang);
  const name = meetingName(meeting, lang, timeZone);
  switch (delivery.kind) {
    case 'moved': {
      const moved = m['notice.moved']({ meeting: meetingLabel(meeting, lang), when: formatDateTime(meeting.start, timeZone, lang) });
      return delivery.note === ASK_AGAIN ? `${moved} ${m['notice.movedAskAgain']}` : moved;
    }
    case 'cancelled':
      return m['notice.cancelled']({ meeting: name });
    case 'reinstated':
      return m['notice.reinstated']({ meeting: name });
    case 'proposal-moved': {
      const title = proposalOf(delivery, meeting)?.title ?? '';
      const text = delivery.note === PROPOSAL_BACK ? 'notice.proposalBack' : delivery.note === PROPOSAL_UNDECIDED ? 'notice.proposalUndecided' : 'notice.proposalMoved';
      return m[text]({ title, meeting: name });
    }
    default: {
      const proposal = proposalOf(delivery, meeting);
      const title = proposal?.title ?? '';
      return proposal?.status === 'godtatt'
        ? m['proposal.accepted']({ title, meeting: name })
        : m['proposal.declined']({ title, meeting: name, reason: proposal?.reason ?? delivery.note });
    }
  }
}

/**
 * A cancellation held back by the meeting being held after all is not sent, and the word that it
 * is held goes only where the cancellation went; a proposer hears where their proposal went only
 * while it is still there.
 */
function stillHolds(delivery: Delivery, data: Readonly<Data>, meeting: Meeting): boolean {
  if (delivery.kind === 'cancelled') return meeting.status === 'avlyst';
  // Where the proposal is now, still waiting: decided or moved on since, its later message says so.
  if (delivery.kind === 'proposal-moved') return proposalOf(delivery, meeting)?.status === 'foreslått';
  if (delivery.kind !== 'reinstated') return true;
  return meeting.status !== 'avlyst' && data.deliveries.some((d) => d.kind === 'cancelled' && d.meetingId === meeting.id && d.conversationId === delivery.conversationId && d.status === 'sent');
}

/** The proposal a message about one is for: its id is the batch in the delivery's id. */
function proposalOf(delivery: Delivery, meeting: Meeting): Proposal | undefined {
  return meeting.proposals.find((p) => delivery.id.includes(`|${p.id}|`));
}
