import { z } from 'zod';
import { writesMinutes } from '../../domain/minutes.js';
import { ROLES } from '../../domain/roles.js';
import { mayReadMinutes, readSearchQuery, search } from '../../domain/search.js';
import { messages } from '../../i18n/index.js';
import { audienceOf, refuseTooLong, replyMeetingNotFound, saltoReportUrlOf } from '../meetings/handling.js';
import { agendaCard, meetingName } from '../meetings/views.js';
import { sentMinutesCard } from '../minutes/views.js';
import { reviewCard } from '../salto/views.js';
import { formatDate } from '../../domain/dates.js';
import { searchCard } from '../search/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field } from './card-action.js';
import { showHistory } from './follow-ups.js';
import { showMinutes } from './minutes.js';
import { Verb } from './verbs.js';

/** Longest search the bot takes: a few words, and what a page button carries. */
export const SEARCH_TEXT_LIMIT = 200;

/** `/søk` and its pages: what the viewer may read here that has every word, or why there is nothing. */
export async function showSearch(turn: Turn, deps: BotDeps, typed: string, page: number, how: 'reply' | 'respond'): Promise<void> {
  const m = messages(turn.lang);
  const text = typed.trim();
  if (await refuseTooLong(turn, [[m['search.words'], text, SEARCH_TEXT_LIMIT]])) return;
  const query = readSearchQuery(text);
  if (query.words.length === 0) return turn.reply(m['search.empty']);
  const data = deps.store.read();
  const audience = audienceOf(turn);
  const hits = search(data, query, turn.member, audience, deps.timeZone);
  if (hits.length === 0) return turn.reply(m['search.none']({ words: text }));
  const card = searchCard(data, { typed: text, query, hits, page, viewer: turn.member, audience }, turn.lang, deps.timeZone);
  await (how === 'reply' ? turn.reply({ card }) : turn.respond(card));
}

export const searchPageAction = defineAction({
  verb: Verb.SearchPage,
  role: ROLES,
  schema: z.object({ verb: z.literal(Verb.SearchPage), text: z.string().max(SEARCH_TEXT_LIMIT), page: z.coerce.number().int().min(1).max(100_000) }),
  async handle(turn, data, deps) {
    await showSearch(turn, deps, data.text, data.page, 'respond');
  },
});

/** A unit's SaLTo report as handed in, read-only; a draft is its author's, and not shown here. */
async function showHandedIn(turn: Turn, deps: BotDeps, reportId: string): Promise<void> {
  const m = messages(turn.lang);
  const data = deps.store.read();
  const report = data.saltoReports.find((r) => r.id === reportId && r.status === 'levert');
  const round = report && data.saltoRounds.find((r) => r.id === report.roundId);
  if (!report || !round) return turn.reply(m['problem.not-found']);
  const meeting = data.meetings.find((mt) => mt.id === round.meetingId);
  const unit = data.reportingUnits.find((u) => u.id === report.unitId)?.name ?? report.unitId;
  const title = m['search.reportTitle']({ unit, meeting: meeting ? meetingName(meeting, turn.lang, deps.timeZone) : round.meetingId });
  const headline = report.submittedAt ? m['search.reportSubmitted']({ date: formatDate(report.submittedAt, deps.timeZone, turn.lang) }) : '';
  await turn.respond(reviewCard(data, round, report, turn.lang, deps.timeZone, { editable: false, title, headline }));
}

/**
 * A hit's button, sent as Action.Submit so that what it opens comes as a new message and the
 * hits stay: the meeting's agenda, its minutes as sent, the point's history, or a unit's SaLTo
 * report as handed in. Each is checked
 * again here as the command that shows it would, whatever the card said.
 */
export const searchOpenAction = defineAction({
  verb: Verb.SearchOpen,
  role: ROLES,
  schema: z.discriminatedUnion('show', [
    z.object({ verb: z.literal(Verb.SearchOpen), show: z.literal('dagsorden'), meetingId: field.id }),
    z.object({ verb: z.literal(Verb.SearchOpen), show: z.literal('referat'), meetingId: field.id }),
    z.object({ verb: z.literal(Verb.SearchOpen), show: z.literal('punkt'), id: field.id }),
    z.object({ verb: z.literal(Verb.SearchOpen), show: z.literal('rapport'), reportId: field.id }),
  ]),
  async handle(turn, data, deps) {
    if (data.show === 'punkt') return showHistory(turn, deps, data.id, { filter: '', page: 1 });
    if (data.show === 'rapport') return showHandedIn(turn, deps, data.reportId);
    const meeting = deps.store.read().meetings.find((m) => m.id === data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    const audience = audienceOf(turn);
    if (data.show === 'dagsorden') {
      const viewer = turn.conversation.kind === 'personal' ? turn.member : undefined;
      const card = agendaCard(meeting, { lang: turn.lang, timeZone: deps.timeZone, audience, viewer, headline: 'none', now: deps.clock.now(), saltoReportUrl: saltoReportUrlOf(deps, meeting.id) });
      return turn.respond(card);
    }
    if (writesMinutes(turn.member, audience)) return showMinutes(turn, deps, meeting);
    if (!mayReadMinutes(meeting, turn.member, audience)) return turn.reply(messages(turn.lang)['minutes.notSent']({ meeting: meetingName(meeting, turn.lang, deps.timeZone) }));
    await turn.respond(sentMinutesCard(deps.store.read(), meeting, turn.lang, deps.timeZone));
  },
});
