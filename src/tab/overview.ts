import { renderCard, type Card } from '../cards/render.js';
import { attendanceOf } from '../domain/attendance.js';
import { statusView } from '../domain/follow-up-status.js';
import { formatDate } from '../domain/dates.js';
import { comingMeetings, nextMeeting } from '../domain/meetings.js';
import { lastSentMinutes } from '../domain/minutes.js';
import { audienceFor } from '../domain/agenda.js';
import { COUNCIL, isSecretariat, mayUse, ROLES, seesAllPoints } from '../domain/roles.js';
import { formQuestions } from '../domain/salto-form.js';
import { isColleaguesDraft, isLocked, reportOf, roundOfMeeting, roundOverview, unitsOf, type UnitState } from '../domain/salto-rounds.js';
import type { Data, Lang, Member, SaltoReport, SaltoRound } from '../domain/schema.js';
import { messages, roleNames } from '../i18n/index.js';
import { dayLabel, followUpListLink, statusCard } from '../bot/follow-ups/views.js';
import { agendaCard, meetingName, proposalCard } from '../bot/meetings/views.js';
import { sentMinutesCard } from '../bot/minutes/views.js';
import { reviewCard, roundCard, unitName } from '../bot/salto/views.js';
import { staticCard } from './static-card.js';

/** How many coming meetings the tab shows. */
const MEETINGS_SHOWN = 3;
/** Every open point on one page: the council has a few hundred at most. */
const ALL_POINTS = 10_000;

export interface PointSummary {
  id: string;
  title: string;
  status: string;
  due: string | undefined;
  overdue: boolean;
}

export interface FollowUpSection {
  heading: string;
  open: number;
  overdue: number;
  points: PointSummary[];
  card: Card;
}

/** What the personal tab shows one member: the same facts as the chat cards, as data and as cards. */
export interface TabOverview {
  lang: Lang;
  viewer: { id: string; name: string; roles: string[]; description: string; secretariat: boolean };
  meetings: {
    heading: string;
    empty: string;
    items: { id: string; start: string; name: string; answer: 'kommer' | 'forfall' | null; substitute: string | null; card: Card }[];
  };
  /** The minutes last sent to the council, as the chat card; for anyone with a role, as they are public. */
  minutes?: { heading: string; empty: string; item: { meetingId: string; name: string; sentAt: string; card: Card } | null };
  /** The member's own points; absent for those who are not on the council (as /status). */
  followUps?: FollowUpSection;
  /** For a SaLTo coordinator: the report of each of their units in the round they work towards. */
  reports?: {
    heading: string;
    empty: string;
    items: { roundId: string; meetingId: string; unitId: string; name: string; state: UnitState; deadline: string; card: Card }[];
  };
  /** Only for the secretariat. */
  secretariat?: {
    followUps: FollowUpSection;
    /** Members' proposals not yet taken or declined, for coming meetings, the nearest first. */
    proposals: { heading: string; empty: string; items: { meetingId: string; proposalId: string; title: string; card: Card }[] };
    salto: {
      heading: string;
      empty: string;
      round: { id: string; meetingId: string; deadline: string; units: { unitId: string; name: string; state: string }[]; card: Card } | null;
    };
  };
}

export interface OverviewContext {
  now: Date;
  timeZone: string;
  lang: Lang;
  reportUrl: (roundId: string) => string | undefined;
  /** The follow-up list for a meeting's papers as a Word file, offered to the secretariat. */
  followUpListUrl?: ((meetingId: string) => string | undefined) | undefined;
}

/** Rounds for coming meetings, the nearest meeting first. */
function roundsAhead(data: Readonly<Data>, now: Date): SaltoRound[] {
  const coming = new Map(comingMeetings(data, now).map((m, i) => [m.id, i]));
  return data.saltoRounds.filter((r) => coming.has(r.meetingId)).sort((a, b) => (coming.get(a.meetingId) ?? 0) - (coming.get(b.meetingId) ?? 0));
}

/** The round the council is working towards: the one for the next meeting, else the latest opened. */
export function currentRound(data: Readonly<Data>, now: Date): SaltoRound | undefined {
  return roundsAhead(data, now)[0] ?? [...data.saltoRounds].sort((a, b) => b.openedAt.localeCompare(a.openedAt))[0];
}

/** Where a unit's report stands, in a sentence that ends with what the coordinator can do. */
function reportState(data: Readonly<Data>, round: SaltoRound, unitId: string, report: SaltoReport | undefined, viewer: Member, ctx: OverviewContext): string {
  const m = messages(ctx.lang);
  const deadline = dayLabel(round.deadline, ctx.lang, ctx.timeZone);
  const submitted = report?.status === 'levert' ? m['tab.report.submitted']({ date: formatDate(report.submittedAt ?? report.updatedAt, ctx.timeZone, ctx.lang) }) : '';
  if (isLocked(round, unitId, ctx.now, ctx.timeZone)) return [submitted, m['problem.round-locked']({ deadline })].filter(Boolean).join(' ');
  if (!report) return m['tab.report.notStarted']({ deadline });
  if (submitted) return `${submitted} ${m['tab.report.amend']({ deadline })}`;
  if (isColleaguesDraft(data, report, viewer)) return m['tab.report.colleague']({ name: data.members.find((x) => x.id === report.authorMemberId)?.name ?? '', deadline });
  if ('review' in report.position) return m['tab.report.atReview']({ deadline });
  const questions = formQuestions(round);
  const at = questions.findIndex((q) => 'question' in report.position && q.key === report.position.question);
  return m['tab.report.draft']({ number: at + 1, total: questions.length, deadline });
}

/** A coordinator's units' reports in the round for the nearest coming meeting that has their units. */
function coordinatorReports(data: Readonly<Data>, viewer: Member, ctx: OverviewContext): NonNullable<TabOverview['reports']> {
  const m = messages(ctx.lang);
  const round = roundsAhead(data, ctx.now).find((r) => unitsOf(r, viewer).length > 0);
  const item = (round: SaltoRound, unitId: string) => {
    const report = reportOf(data, round.id, unitId);
    const headline = reportState(data, round, unitId, report, viewer, ctx);
    const name = unitName(data, unitId);
    // The answers so far, read-only, under the unit's name; or the state alone before any.
    const card = report ? reviewCard(data, round, report, ctx.lang, ctx.timeZone, { editable: false, headline, title: name }) : renderCard('notice', { headline, title: name, text: '', buttons: [] });
    return { roundId: round.id, meetingId: round.meetingId, unitId, name, state: report?.status ?? ('ikke startet' as const), deadline: round.deadline, card: staticCard(card) };
  };
  return { heading: m['tab.reports'], empty: m['tab.noReports'], items: round ? unitsOf(round, viewer).map((unitId) => item(round, unitId)) : [] };
}

function followUpSection(data: Readonly<Data>, viewer: Member, filter: 'mine' | 'alle', heading: string, ctx: OverviewContext): FollowUpSection {
  const view = statusView(data, { viewer, filter: { kind: filter }, now: ctx.now, timeZone: ctx.timeZone, page: 1, pageSize: ALL_POINTS });
  // The secretariat's list of all points links the Word file for the next meeting's papers, as /status does.
  const download = filter === 'alle' ? followUpListLink(nextMeeting(data, ctx.now), ctx.lang, ctx.followUpListUrl) : undefined;
  const card = statusCard(data, { viewer, place: { filter, page: 1 }, lang: ctx.lang, timeZone: ctx.timeZone, now: ctx.now, audience: audienceFor(true, viewer), pageSize: ALL_POINTS, download });
  const points = view.groups.flatMap((g) => g.points);
  return {
    heading,
    open: view.matched,
    overdue: points.filter((p) => p.overdue).length,
    points: points.map(({ point, due, overdue }) => ({ id: point.id, title: point.title, status: point.status, due, overdue })),
    // statusCard gives a sentence only for a filter it cannot read; these two it always reads.
    card: typeof card === 'string' ? {} : staticCard(card),
  };
}

/**
 * The overview for one member, showing what their role may see, as the chat does: the agendas
 * as in a personal chat (confidential items to the council only), their own points if they sit on the
 * council (every open point for the chairs), and for the secretariat every open point and the SaLTo round.
 */
export function tabOverview(data: Readonly<Data>, viewer: Member, ctx: OverviewContext): TabOverview {
  const m = messages(ctx.lang);
  const { now, timeZone, lang } = ctx;
  const meetings = mayUse(viewer, ROLES) ? comingMeetings(data, now).slice(0, MEETINGS_SHOWN) : [];
  const overview: TabOverview = {
    lang,
    viewer: { id: viewer.id, name: viewer.name, roles: [...viewer.roles], description: m['tab.viewer']({ name: viewer.name, roles: roleNames(lang, viewer.roles) }), secretariat: isSecretariat(viewer) },
    meetings: {
      heading: m['tab.meetings'],
      empty: m['tab.noMeetings'],
      items: meetings.map((meeting) => {
        const answer = attendanceOf(meeting, viewer.id);
        const round = roundOfMeeting(data, meeting.id);
        const saltoReportUrl = round ? ctx.reportUrl(round.id) : undefined;
        const card = agendaCard(meeting, { lang, timeZone, audience: audienceFor(true, viewer), viewer, headline: 'none', now, saltoReportUrl });
        return { id: meeting.id, start: meeting.start, name: meetingName(meeting, lang, timeZone), answer: answer?.answer ?? null, substitute: answer?.substitute ?? null, card: staticCard(card) };
      }),
    },
  };
  if (mayUse(viewer, ROLES)) {
    // The meeting whose minutes went out last: what the council has on record from its latest meeting.
    const sent = lastSentMinutes(data);
    overview.minutes = {
      heading: m['tab.minutes'],
      empty: m['tab.noMinutes'],
      item: sent
        ? { meetingId: sent.id, name: meetingName(sent, lang, timeZone), sentAt: sent.minutes!.sentAt!, card: staticCard(sentMinutesCard(data, sent, lang, timeZone)) }
        : null,
    };
  }
  if (mayUse(viewer, COUNCIL)) {
    // The chairs see every open point, as in /status; the secretariat has its own list of them all below.
    const all = seesAllPoints(viewer) && !isSecretariat(viewer);
    overview.followUps = all ? followUpSection(data, viewer, 'alle', m['tab.allFollowUps'], ctx) : followUpSection(data, viewer, 'mine', m['tab.myFollowUps'], ctx);
  }
  if (viewer.roles.includes('salto-koordinator')) overview.reports = coordinatorReports(data, viewer, ctx);
  if (isSecretariat(viewer)) {
    const round = currentRound(data, now);
    const units = round ? roundOverview(data, round, now, timeZone) : [];
    overview.secretariat = {
      followUps: followUpSection(data, viewer, 'alle', m['tab.allFollowUps'], ctx),
      proposals: {
        heading: m['tab.proposals'],
        empty: m['tab.noProposals'],
        items: comingMeetings(data, now).flatMap((meeting) =>
          meeting.proposals
            .filter((p) => p.status === 'foreslått')
            .map((p) => ({ meetingId: meeting.id, proposalId: p.id, title: p.title, card: staticCard(proposalCard(data, meeting, p, lang, timeZone, 'tab')) })),
        ),
      },
      salto: {
        heading: m['tab.salto'],
        empty: m['tab.noRound'],
        round: round
          ? {
              id: round.id,
              meetingId: round.meetingId,
              deadline: round.deadline,
              units: units.map((u) => ({ unitId: u.unitId, name: u.name, state: u.state })),
              card: staticCard(roundCard(data, round, units, lang, timeZone, ctx.reportUrl(round.id))),
            }
          : null,
      },
    };
  }
  return overview;
}
