import { dayLabel } from '../follow-ups/views.js';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  renderCard,
  type ActionData,
  type AgendaCardModel,
  type Button,
  type Card,
} from '../../cards/render.js';
import { visibleItem, type Audience } from '../../domain/agenda.js';
import { attendanceOf, attendanceOverview, earlierAnswer, isAttendee } from '../../domain/attendance.js';
import { formatDate, formatDateTime, formatMonth, remembered } from '../../domain/dates.js';
import { meetingDate } from '../../domain/follow-up-dates.js';
import { isOpen } from '../../domain/follow-ups.js';
import { agendaSendTime, unansweredRecipients, undelivered, unreachableRecipients, type DispatchTiming } from '../../domain/deliveries.js';
import { DomainError, ErrorCode } from '../../domain/errors.js';
import { yearToPlan } from '../../domain/year-plan.js';
import { comingMeetings, meetingInputOf, meetingPhase, proposeYear, saltoItemId, type MeetingInput, type PlannedMeeting } from '../../domain/meetings.js';
import { COUNCIL, mayReadConfidential, mayUse, SECRETARIAT } from '../../domain/roles.js';
import type { AgendaItem, Data, Lang, Meeting, MeetingKind, Member, Proposal } from '../../domain/schema.js';
import { listOf, meetingHeading, messages, presentersText } from '../../i18n/index.js';
import { Verb } from '../actions/verbs.js';

const KINDS: readonly MeetingKind[] = ['ordinært', 'seminar', 'ekstraordinært'];

/** A time of day as each language writes it: "11.30" in Norwegian, "11:30" in English. */
const timeOf = remembered((instant: string, timeZone: string, lang: Lang): string => format(new TZDate(Date.parse(instant), timeZone), lang === 'nb' ? 'HH.mm' : 'HH:mm'));

/** The meeting's own title, or its kind: "Ordinært møte". */
export function meetingLabel(meeting: Pick<Meeting, 'title' | 'kind'>, lang: Lang): string {
  return meeting.title ?? messages(lang)[`kind.${meeting.kind}`];
}


/** "Ordinært møte torsdag 10. desember 2026 kl. 09.00", or the meeting's own title with the date. */
export function meetingName(meeting: Meeting, lang: Lang, timeZone: string): string {
  return `${meetingLabel(meeting, lang)} ${formatDateTime(meeting.start, timeZone, lang)}`;
}

/** When and where, under a card's title: "torsdag 10. desember 2026 kl. 09.00–11.30 · Oslo rådhus". */
export function meetingSubtitle(meeting: Meeting, lang: Lang, timeZone: string): string {
  return [meetingWhen(meeting, lang, timeZone), meeting.place].filter(Boolean).join(' · ');
}

export function meetingWhen(meeting: Meeting, lang: Lang, timeZone: string): string {
  return messages(lang)['meeting.timeRange']({ start: formatDateTime(meeting.start, timeZone, lang), end: timeOf(meeting.end, timeZone, lang) });
}

/** A Norwegian (or English) sentence for a known domain error; undefined for anything else. */
export function problemText(error: unknown, lang: Lang, data: Readonly<Data>, timeZone: string): string | undefined {
  if (!(error instanceof DomainError)) return undefined;
  const m = messages(lang);
  switch (error.code) {
    case ErrorCode.MeetingClash: {
      const other = data.meetings.find((meeting) => meeting.id === error.details['meetingId']);
      return m['problem.meeting-clash']({ other: other ? meetingName(other, lang, timeZone) : String(error.details['start'] ?? '') });
    }
    case ErrorCode.RoundLocked:
      return m['problem.round-locked']({ deadline: dayLabel(String(error.details['deadline'] ?? ''), lang, timeZone) });
    case ErrorCode.AnswersMissing:
      return m['problem.answers-missing']({ count: Number(error.details['count'] ?? 0) });
    case ErrorCode.RoundExists:
    case ErrorCode.DeadlineAfterMeeting:
    case ErrorCode.NotYourUnit:
    case ErrorCode.ColleaguesDraft:
      return m[`problem.${error.code}`];
    case ErrorCode.InvalidDue:
      return m['problem.invalid-due']({ text: String(error.details['text'] ?? '') });
    case ErrorCode.NoSuchDay: {
      const { text, month, year, days } = error.details;
      if (typeof month !== 'number' || typeof days !== 'number') return m['problem.no-such-month']({ text: String(text ?? '') });
      return m['problem.no-such-day']({ text: String(text ?? ''), month: formatMonth(month, typeof year === 'number' ? year : undefined, lang), days });
    }
    case ErrorCode.AlreadyClosed:
      return m['problem.already-closed']({ status: m[`followUp.status.${error.details['status'] === 'avlyst' ? 'avlyst' : 'fullført'}`] });
    case ErrorCode.Stale: {
      const stale = {
        followUp: m['problem.staleFollowUp'],
        report: m['problem.staleReport'],
        unit: m['problem.staleUnit'],
        areas: m['problem.staleAreas'],
        member: m['problem.staleMember'],
        minutes: m['problem.staleMinutes'],
      } as Record<string, string>;
      return stale[String(error.details['what'])] ?? m['problem.stale'];
    }
    case ErrorCode.EmptyTitle: {
      const empty = { update: m['problem.emptyUpdate'], unit: m['unitForm.nameError'], areas: m['problem.emptyAreas'], coordinator: m['problem.emptyCoordinator'], member: m['memberForm.nameError'], attachment: m['files.titleError'] } as Record<string, string>;
      return empty[String(error.details['what'])] ?? m['problem.empty-title'];
    }
    case ErrorCode.NameTaken:
      return m[error.details['what'] === 'email' ? 'problem.emailTaken' : 'problem.name-taken']({ name: String(error.details['name'] ?? '') });
    case ErrorCode.LastSecretariat:
    case ErrorCode.OwnSecretariat:
    case ErrorCode.MinutesTooEarly:
      return m[`problem.${error.code}`];
    case ErrorCode.OlderPeriod:
      return m['problem.older-period']({ latest: String(error.details['latest'] ?? '') });
    case ErrorCode.AreaInUse: {
      if (typeof error.details['points'] === 'number') return m['problem.area-has-points']({ number: Number(error.details['number'] ?? 0), count: error.details['points'] });
      const meeting = data.meetings.find((x) => x.id === error.details['meetingId']);
      return m['problem.area-in-use']({ number: Number(error.details['number'] ?? 0), meeting: meeting ? meetingName(meeting, lang, timeZone) : String(error.details['meetingId'] ?? '') });
    }
    case ErrorCode.InvalidUrl:
      return typeof error.details['text'] === 'string' ? m['problem.invalid-attachment']({ text: error.details['text'] }) : m['problem.invalid-url'];
    case ErrorCode.TextTooLong:
      return m['problem.text-too-long']({ limit: Number(error.details['limit'] ?? 0) });
    case ErrorCode.InvalidEmail:
      return m[error.details['what'] === 'member' ? 'problem.memberEmail' : 'problem.invalid-email'];
    case ErrorCode.InvalidPeriod:
      return m[`problem.${error.code}`];
    case ErrorCode.DueInPast:
    case ErrorCode.NoMeetingPlanned:
    case ErrorCode.NotOwner:
    case ErrorCode.OwnerNeeded:
    case ErrorCode.DateInPast:
    case ErrorCode.EndBeforeStart:
    case ErrorCode.InvalidDate:
    case ErrorCode.NotFound:
    case ErrorCode.MeetingClosed:
    case ErrorCode.AlreadyDecided:
      return m[`problem.${error.code}`];
    default:
      return undefined;
  }
}

export type Headline = 'posted' | 'reminder' | 'attendanceReminder' | 'changed' | 'none';

export interface AgendaView {
  lang: Lang;
  timeZone: string;
  audience: Audience;
  /** The member looking at the card; their answer is shown. Absent for a card everyone sees. */
  viewer?: Member | undefined;
  headline: Headline;
  now: Date;
  /** Teams user ids that fetch their own view of the card (Universal Actions refresh, at most 60). */
  refreshUserIds?: readonly string[];
  /** The signed download link of the meeting's compiled SaLTo report, shown on its SaLTo item. */
  saltoReportUrl?: string | undefined;
}


/** The agenda as members and the channel see it, with the answer buttons while the meeting is open. */
export function agendaCard(meeting: Meeting, view: AgendaView): Card {
  const { lang, timeZone, audience, viewer } = view;
  const m = messages(lang);
  const phase = meetingPhase(meeting, view.now);
  const cancelled = phase === 'cancelled';
  const open = phase === 'coming';
  const answer = attendanceOf(meeting, viewer?.id);
  // An answer given before the meeting moved to another day is shown, and asked for again.
  const earlier = earlierAnswer(meeting, viewer?.id);
  // Once the meeting has begun, that is the news, whatever the card was sent as.
  const held = phase === 'held';
  const started = phase === 'under-way';
  const headline = cancelled
    ? m['agenda.headline.cancelled']
    : held
      ? m['agenda.headline.held']
      : started
        ? m['agenda.headline.started']
        : view.headline === 'none'
      ? ''
      : view.headline === 'changed'
        ? m['agenda.headline.changed']({ when: formatDateTime(view.now, timeZone, lang) })
        : m[`agenda.headline.${view.headline}`];
  const hasHidden = audience === 'shared' && meeting.agenda.some((item) => item.confidential);
  const base = { meetingId: meeting.id, start: meeting.start };
  const model: AgendaCardModel = {
    headline,
    headlineStyle: cancelled ? 'attention' : held || started ? 'default' : view.headline === 'changed' ? 'accent' : view.headline === 'none' ? 'default' : 'good',
    title: meetingHeading(meeting, lang),
    facts: [
      { label: m['meeting.when'], value: meetingWhen(meeting, lang, timeZone) },
      ...(meeting.place ? [{ label: m['meeting.where'], value: meeting.place }] : []),
      ...(meeting.onlineUrl ? [{ label: m['meeting.online'], value: m['meeting.onlineYes'] }] : []),
    ],
    agendaLabel: m['agenda.label'],
    emptyAgenda: meeting.agenda.length === 0 ? m['agenda.empty'] : '',
    items: meeting.agenda.map((item, index) => {
      const shown = visibleItem(item, audience);
      return {
        number: `${index + 1}.`,
        title: shown.hidden ? m['agenda.confidential'] : shown.title,
        hidden: shown.hidden,
        presenters: presentersText(shown, lang),
        marker: item.confidential && !shown.hidden ? m['agenda.confidentialMarker'] : '',
        description: shown.description ?? '',
        attachments: [
          ...shown.attachments.map((a) => ({ title: a.title, url: a.url })),
          ...(item.id === saltoItemId(meeting.id) && view.saltoReportUrl ? [{ title: m['saltoReport.link'], url: view.saltoReportUrl }] : []),
        ],
      };
    }),
    answer: answer
      ? answer.answer === 'kommer'
        ? m['agenda.answer.kommer']
        : m['agenda.answer.forfall']({ substitute: answer.substitute })
      : earlier && open
        ? m['agenda.answer.earlier']({ answer: earlier.answer })
        : '',
    note: [answer && open ? m['agenda.answer.change'] : '', hasHidden ? m[viewer && !mayReadConfidential(viewer) ? 'agenda.councilOnlyNote' : 'agenda.sharedNote'] : ''].filter(Boolean).join(' '),
    onlineUrl: !cancelled && meeting.onlineUrl ? meeting.onlineUrl : '',
    canAnswer: open && (viewer === undefined || mayUse(viewer, COUNCIL)),
    canPropose: open && (viewer === undefined || mayUse(viewer, COUNCIL)),
    substitute: (answer ?? earlier)?.substitute ?? '',
    reason: (answer ?? earlier)?.reason ?? '',
    attend: { verb: Verb.Attend, ...base },
    apologies: { verb: Verb.Apologies, ...base },
    propose: { verb: Verb.Propose, ...base },
    labels: {
      join: m['agenda.join'],
      attend: m['agenda.attend'],
      apologies: m['agenda.apologies'],
      substitute: m['agenda.substitute'],
      substituteHint: m['agenda.substituteHint'],
      reason: m['agenda.reason'],
      sendApologies: m['agenda.sendApologies'],
      propose: m['agenda.propose'],
      proposalTitle: m['agenda.proposalTitle'],
      proposalTitleError: m['agenda.proposalTitleError'],
      proposalDescription: m['agenda.proposalDescription'],
      sendProposal: m['agenda.sendProposal'],
    },
  };
  const card = renderCard('agenda', model);
  const userIds = view.refreshUserIds?.slice(0, 60) ?? [];
  if (open && userIds.length > 0) {
    card['refresh'] = { action: { type: 'Action.Execute', verb: Verb.AgendaView, data: { verb: Verb.AgendaView, meetingId: meeting.id } }, userIds };
  }
  return card;
}

/**
 * To a secretary: a member's proposal, to take onto the agenda at once or to open the agenda for.
 * In the tab, where the card has no buttons, its last line points to /dagsorden instead.
 */
export function proposalCard(data: Readonly<Data>, meeting: Meeting, proposal: Proposal, lang: Lang, timeZone: string, where: 'chat' | 'tab' = 'chat', carried = false): Card {
  const m = messages(lang);
  const by = data.members.find((member) => member.id === proposal.byMemberId)?.name ?? proposal.byMemberId;
  const context = { name: by, meeting: meetingName(meeting, lang, timeZone) };
  return renderCard('proposal', {
    headline: m[carried ? 'proposal.notice.carried' : 'proposal.notice.headline'],
    title: proposal.title,
    description: proposal.description ?? '',
    context: where === 'chat' ? m['proposal.notice.context'](context) : m['proposal.notice.contextTab'](context),
    accept: { verb: Verb.ProposalAccept, meetingId: meeting.id, proposalId: proposal.id },
    open: { verb: Verb.EditorShow, meetingId: meeting.id },
    labels: { accept: m['proposal.notice.accept'], open: m['proposal.notice.open'] },
  });
}

/**
 * The secretary's agenda editor: every item with its buttons, pending proposals, meeting actions.
 * Once the meeting has started, is held or is cancelled, the agenda is as it was: only the
 * attendance and making follow-up points from its items remain.
 */
export function editorCard(data: Readonly<Data>, meeting: Meeting, lang: Lang, timeZone: string, timing: DispatchTiming, now: Date, agendaUrl?: string): Card {
  const m = messages(lang);
  const rev = { meetingId: meeting.id, revision: meeting.revision };
  const last = meeting.agenda.length - 1;
  const phase = meetingPhase(meeting, now);
  const open = phase === 'coming';
  const sendsAt = agendaSendTime(meeting, timing);
  const dueHere = open ? data.followUps.filter((p) => p.dueMeetingId === meeting.id && isOpen(p)).length : 0;
  const roundHere = open && data.saltoRounds.some((r) => r.meetingId === meeting.id);
  const sending = !meeting.agendaQueuedAt && sendsAt !== undefined && sendsAt <= now;
  // A cancelled meeting may be held after all, until its time comes.
  const reinstatable = phase === 'cancelled' && Date.parse(meeting.start) > now.getTime();
  const { pointIds = [], roundId, proposals = [] } = meeting.cancellation ?? {};
  const movedOn = [
    pointIds.length > 0 ? m['editor.reinstatePoints']({ count: pointIds.length }) : '',
    roundId ? m['editor.reinstateRound'] : '',
    proposals.length > 0 ? m['editor.reinstateProposals']({ count: proposals.length }) : '',
  ].filter(Boolean);
  return renderCard('agenda-editor', {
    title: m[open ? 'editor.title' : 'editor.titleClosed']({ meeting: meetingLabel(meeting, lang) }),
    subtitle: meetingSubtitle(meeting, lang, timeZone),
    status:
      phase === 'cancelled'
        ? m[reinstatable ? 'editor.status.cancelledReinstate' : 'editor.status.cancelled']
        : phase === 'held'
          ? m['editor.status.held']
          : phase === 'under-way'
            ? m['editor.status.started']
            : meeting.agendaQueuedAt
              ? m['editor.status.posted']
              : sending
                ? m['editor.status.sending']
                : sendsAt === undefined
                  ? m['editor.status.manual']
                  : meeting.agendaSendAt === undefined
                    ? m['editor.status.notPosted']({ when: formatDateTime(sendsAt, timeZone, lang) })
                    : m['editor.status.waiting']({ when: formatDateTime(sendsAt, timeZone, lang), days: timing.agendaLeadDays }),
    open,
    items: meeting.agenda.map((item, index) => ({
      number: `${index + 1}.`,
      title: item.title,
      presenters: presentersText(item, lang),
      marker: item.confidential ? m['agenda.confidentialMarker'] : '',
      edit: { verb: Verb.ItemForm, ...rev, itemId: item.id },
      up: index > 0 ? { verb: Verb.ItemMove, ...rev, itemId: item.id, direction: 'opp' } : null,
      down: index < last ? { verb: Verb.ItemMove, ...rev, itemId: item.id, direction: 'ned' } : null,
      remove: { verb: Verb.ItemRemove, ...rev, itemId: item.id },
      removeConfirm: m['editor.removeConfirm']({ number: index + 1, title: item.title }),
      followUp: { verb: Verb.FollowUpForm, meetingId: meeting.id, itemId: item.id },
      round: open && item.id === saltoItemId(meeting.id) ? { verb: Verb.RoundForm, meetingId: meeting.id } : null,
    })),
    proposals: meeting.proposals
      .filter((p) => open && p.status === 'foreslått')
      .map((p) => ({
        title: p.title,
        by: m['proposal.by']({ name: data.members.find((member) => member.id === p.byMemberId)?.name ?? p.byMemberId }),
        description: p.description ?? '',
        reasonId: `reason_${p.id}`,
        accept: { verb: Verb.ProposalAccept, meetingId: meeting.id, proposalId: p.id },
        decline: { verb: Verb.ProposalDecline, meetingId: meeting.id, proposalId: p.id },
      })),
    add: { verb: Verb.ItemForm, ...rev },
    editMeeting: { verb: Verb.MeetingForm, ...rev },
    attendance: { verb: Verb.AttendanceShow, meetingId: meeting.id },
    minutes: phase === 'held' || phase === 'under-way' ? { verb: Verb.MinutesForm, meetingId: meeting.id } : null,
    download: agendaUrl ? { title: m['agendaDoc.download'], url: agendaUrl } : null,
    sendNow: open && !meeting.agendaQueuedAt && !sending ? { verb: Verb.AgendaSend, ...rev } : null,
    cancel: { verb: Verb.MeetingCancel, ...rev },
    reinstate: reinstatable ? { verb: Verb.MeetingReinstate, ...rev } : null,
    labels: {
      edit: m['editor.edit'],
      up: m['editor.up'],
      down: m['editor.down'],
      remove: m['editor.remove'],
      removeSend: m['editor.removeSend'],
      followUp: m['editor.followUp'],
      round: m['editor.round'],
      proposals: m['editor.proposals'],
      accept: m['editor.accept'],
      decline: m['editor.decline'],
      declineReason: m['editor.declineReason'],
      declineSend: m['editor.declineSend'],
      add: m['editor.add'],
      editMeeting: m['editor.editMeeting'],
      attendance: m['editor.attendance'],
      minutes: m['editor.minutes'],
      cancel: m['editor.cancel'],
      cancelConfirm: [
        m['editor.cancelConfirm'],
        // What cancelling takes on to the next meeting, so it is no surprise.
        ...(dueHere > 0 ? [m['editor.cancelPoints']({ count: dueHere })] : []),
        ...(roundHere ? [m['editor.cancelRound']] : []),
      ].join(' '),
      cancelSend: m['editor.cancelSend'],
      reinstate: m['editor.reinstate'],
      reinstateConfirm: [m['editor.reinstateConfirm'], ...(movedOn.length > 0 ? [m['editor.reinstateBack']({ what: listOf(lang, movedOn) })] : [])].join(' '),
      reinstateSend: m['editor.reinstateSend'],
      sendNow: m['editor.sendNow'],
      sendNowConfirm: m['editor.sendNowConfirm'],
      sendNowButton: m['editor.sendNowButton'],
    },
  });
}

export interface ItemFormValues {
  title: string;
  presenters: string;
  description: string;
  attachments: string;
  confidential: boolean;
}

export function itemValues(item: AgendaItem | undefined): ItemFormValues {
  return {
    title: item?.title ?? '',
    presenters: item?.presenters.join(', ') ?? '',
    description: item?.description ?? '',
    attachments: item?.attachments.map((a) => (a.title && a.title !== a.url ? `${a.title} | ${a.url}` : a.url)).join('\n') ?? '',
    confidential: item?.confidential ?? false,
  };
}

/** Add or edit one agenda item; shown again with the problem and what was typed when saving fails. */
export function itemFormCard(meeting: Meeting, itemId: string | undefined, values: ItemFormValues, lang: Lang, timeZone: string, problem = ''): Card {
  const m = messages(lang);
  const rev = { meetingId: meeting.id, revision: meeting.revision };
  return renderCard('agenda-item-form', {
    title: itemId ? m['item.editTitle'] : m['item.newTitle'],
    subtitle: meetingName(meeting, lang, timeZone),
    problem,
    values: { ...values, confidential: values.confidential ? 'true' : 'false' },
    save: { verb: Verb.ItemSave, ...rev, ...(itemId ? { itemId } : {}) },
    back: { verb: Verb.EditorShow, meetingId: meeting.id },
    labels: {
      title: m['item.title'],
      titleError: m['item.titleError'],
      presenters: m['item.presenters'],
      presentersHint: m['item.presentersHint'],
      description: m['item.description'],
      attachments: m['item.attachments'],
      attachmentsHint: m['item.attachmentsHint'],
      confidential: m['item.confidential'],
      save: m['item.save'],
      back: m['item.back'],
    },
  });
}

/** The date, time and place labels the meeting form and the year plan share. */
function whenLabels(lang: Lang) {
  const m = messages(lang);
  return {
    date: m['meetingForm.date'],
    dateError: m['meetingForm.dateError'],
    startTime: m['meetingForm.startTime'],
    endTime: m['meetingForm.endTime'],
    timeError: m['meetingForm.timeError'],
    place: m['meetingForm.place'],
  };
}

/** New meeting or change of one; `values` keeps what the secretary typed when saving failed. */
export function meetingFormCard(meeting: Meeting | undefined, values: Partial<MeetingInput> | undefined, lang: Lang, timeZone: string, now: Date, problem = ''): Card {
  const m = messages(lang);
  const v = values ?? (meeting ? meetingInputOf(meeting, timeZone) : { kind: 'ordinært' as const, startTime: '09:00', endTime: '11:30' });
  return renderCard('meeting-form', {
    title: meeting ? m['meetingForm.editTitle'] : m['meetingForm.newTitle'],
    problem,
    kinds: KINDS.map((kind) => ({ title: m[`kind.${kind}`], value: kind })),
    minDate: format(new TZDate(now.getTime(), timeZone), 'yyyy-MM-dd'),
    values: {
      kind: v.kind ?? 'ordinært',
      title: v.title ?? '',
      date: v.date ?? '',
      startTime: v.startTime ?? '',
      endTime: v.endTime ?? '',
      place: v.place ?? '',
      onlineUrl: v.onlineUrl ?? '',
    },
    save: meeting ? { verb: Verb.MeetingSave, meetingId: meeting.id, revision: meeting.revision } : { verb: Verb.MeetingSave },
    back: meeting ? { verb: Verb.EditorShow, meetingId: meeting.id } : { verb: Verb.EditorShow },
    labels: {
      kind: m['meetingForm.kind'],
      kindError: m['meetingForm.kindError'],
      title: m['meetingForm.title'],
      titleHint: m['meetingForm.titleHint'],
      ...whenLabels(lang),
      onlineUrl: m['meetingForm.onlineUrl'],
      onlineUrlError: m['meetingForm.onlineUrlError'],
      save: m['meetingForm.save'],
      back: m['meetingForm.back'],
    },
  });
}

/** /møteplan: the coming meetings; the secretary also gets buttons to edit and plan. */
/**
 * /møteplan: the coming meetings, or with a year every meeting of it, held and cancelled ones
 * marked. The secretary gets each meeting's agenda and attendance, and buttons to plan.
 */
export function scheduleCard(data: Readonly<Data>, viewer: Member | undefined, lang: Lang, timeZone: string, now: Date, calendarUrl: string | undefined, inYear?: number): Card {
  const m = messages(lang);
  const secretary = mayUse(viewer, SECRETARIAT);
  const year = new TZDate(now.getTime(), timeZone).getFullYear() + 1;
  const meetings =
    inYear === undefined
      ? comingMeetings(data, now, { includeCancelled: true })
      : data.meetings.filter((meeting) => meetingDate(meeting, timeZone).startsWith(`${inYear}-`)).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return renderCard('schedule', {
    title: inYear === undefined ? m['schedule.title'] : m['schedule.titleYear']({ year: inYear }),
    empty: inYear === undefined ? m['meeting.noneComing'] : m['schedule.noneInYear']({ year: inYear }),
    meetings: meetings.map((meeting) => {
      const phase = meetingPhase(meeting, now);
      const held = phase === 'held';
      // A cancelled meeting still to come: its editor, where it can be held after all.
      const actions: Button[] = !secretary
        ? []
        : phase === 'cancelled'
          ? Date.parse(meeting.start) > now.getTime()
            ? [{ title: m['schedule.agenda'], data: { verb: Verb.EditorShow, meetingId: meeting.id } }]
            : []
          : [
            { title: held ? m['schedule.agenda'] : m['schedule.edit'], data: { verb: Verb.EditorShow, meetingId: meeting.id } },
            { title: m['schedule.attendance'], data: { verb: Verb.AttendanceShow, meetingId: meeting.id } },
            ...(held ? [{ title: m['editor.minutes'], data: { verb: Verb.MinutesForm, meetingId: meeting.id } }] : []),
          ];
      return {
        when: meetingWhen(meeting, lang, timeZone),
        status: meeting.status === 'avlyst' ? m['meeting.cancelled'] : held ? m['schedule.held'] : '',
        statusColor: meeting.status === 'avlyst' ? ('Attention' as const) : ('Default' as const),
        what: `${meetingHeading(meeting, lang)} · ${m['schedule.agendaItems']({ count: meeting.agenda.length })}`,
        where: meeting.place ?? '',
        actions,
      };
    }),
    calendarHint: calendarUrl ? m['schedule.calendarHint'] : '',
    calendarUrl: calendarUrl ?? '',
    mainActions: secretary
      ? [
          { title: m['schedule.new'], data: { verb: Verb.MeetingForm } },
          { title: m['schedule.year']({ year }), data: { verb: Verb.YearPlanShow, year } },
        ]
      : [],
    labels: { calendar: m['schedule.calendar'] },
  });
}

/** To the secretaries some weeks before the last meeting planned: nothing comes after it, with buttons to plan more. */
export function yearPlanReminderCard(meeting: Meeting, lang: Lang, timeZone: string): Card {
  const m = messages(lang);
  const year = yearToPlan(meeting, timeZone);
  return renderCard('notice', {
    headline: m['yearPlan.reminder.headline'],
    title: m['yearPlan.title']({ year }),
    text: m['yearPlan.reminder.text']({ meeting: meetingName(meeting, lang, timeZone) }),
    buttons: [
      { title: m['schedule.year']({ year }), data: { verb: Verb.YearPlanShow, year } },
      { title: m['schedule.new'], data: { verb: Verb.MeetingForm } },
    ],
  });
}

/** /årsplan: a proposed year to confirm or edit; `plan` keeps the secretary's edits after a problem. */
export function yearPlanCard(data: Readonly<Data>, year: number, lang: Lang, timeZone: string, problem = '', plan?: PlannedMeeting[]): Card {
  const m = messages(lang);
  const proposed = plan ?? proposeYear(data, year, timeZone);
  const existing = data.meetings.filter((meeting) => meeting.status !== 'avlyst' && new TZDate(Date.parse(meeting.start), timeZone).getFullYear() === year);
  return renderCard('year-plan', {
    title: m['yearPlan.title']({ year }),
    intro: proposed.length > 0 ? m['yearPlan.intro'] : m['yearPlan.nothing']({ year }),
    problem,
    meetings: proposed.map((p) => ({
      key: p.key,
      label: meetingLabel(p, lang),
      date: p.date,
      startTime: p.startTime,
      endTime: p.endTime,
      place: p.place ?? '',
    })),
    existing: existing.length > 0 ? m['yearPlan.existing']({ list: existing.map((e) => `${meetingLabel(e, lang)} ${formatDate(e.start, timeZone, lang)}`).join('; ') }) : '',
    confirm: { verb: Verb.YearPlanConfirm, year, keys: proposed.map((p) => `${p.key}:${p.kind}`).join(',') },
    labels: { ...whenLabels(lang), confirm: m['yearPlan.confirm'] },
  });
}

/** Who comes, who sent apologies (with substitute), who has not answered, and who did not get the agenda. */
export function attendanceCard(data: Readonly<Data>, meeting: Meeting, lang: Lang, timeZone: string, now: Date): Card {
  const m = messages(lang);
  const overview = attendanceOverview(data, meeting);
  // Who did not get the agenda: other messages about the meeting (the minutes, a proposal's
  // answer) are told where they belong.
  const problems = undelivered(data, meeting.id).filter((d) => d.memberId && (d.kind === 'agenda' || d.kind === 'reminder'));
  const nameOf = (id: string | undefined) => data.members.find((member) => member.id === id)?.name ?? id ?? '';
  const unreachable = unreachableRecipients(data).filter(isAttendee);
  const agendaDeliveries = data.deliveries.filter((d) => d.meetingId === meeting.id && d.kind === 'agenda');
  const notReached = [
    ...problems.map((d) => ({ name: nameOf(d.memberId), detail: d.status === 'undeliverable' ? m['delivery.undeliverable'] : m['delivery.failed']({ error: d.error ?? '' }) })),
    ...(meeting.agendaQueuedAt ? unreachable.filter((u) => !problems.some((d) => d.memberId === u.id)).map((u) => ({ name: u.name, detail: m['attendance.unreachable'] })) : []),
  ];
  const open = meetingPhase(meeting, now) === 'coming';
  const remindable = unansweredRecipients(data, meeting).length > 0;
  return renderCard('attendance', {
    title: m['attendance.title']({ meeting: meetingLabel(meeting, lang) }),
    subtitle: meetingWhen(meeting, lang, timeZone),
    groups: [
      { heading: m['attendance.coming']({ count: overview.coming.length }), people: overview.coming.map((p) => ({ name: p.name, detail: '' })) },
      {
        heading: m['attendance.apologies']({ count: overview.apologies.length }),
        people: overview.apologies.map((a) => ({
          name: a.member.name,
          detail: [a.substitute ? m['attendance.substitute']({ name: a.substitute }) : '', a.reason ?? ''].filter(Boolean).join('; '),
        })),
      },
      { heading: m[open ? 'attendance.unanswered' : 'attendance.unansweredClosed']({ count: overview.unanswered.length }), people: overview.unanswered.map((p) => ({ name: p.name, detail: '' })) },
      ...(notReached.length > 0 ? [{ heading: m['attendance.undelivered']({ count: notReached.length }), people: notReached }] : []),
    ],
    sent: [
      meeting.status === 'avlyst' ? m['attendance.cancelled'] : '',
      meeting.agendaQueuedAt
        ? m['attendance.agendaSent']({ sent: agendaDeliveries.filter((d) => d.status === 'sent').length, pending: agendaDeliveries.filter((d) => d.status === 'pending').length })
        : m[open ? 'attendance.agendaNotSent' : 'attendance.agendaNeverSent'],
    ]
      .filter(Boolean)
      .join(' '),
    remind: open && remindable ? ({ verb: Verb.AttendanceRemind, meetingId: meeting.id } satisfies ActionData) : null,
    refresh: { verb: Verb.AttendanceShow, meetingId: meeting.id },
    labels: { nobody: m['attendance.nobody'], remind: m['attendance.remind'], refresh: m['attendance.refresh'] },
  });
}
