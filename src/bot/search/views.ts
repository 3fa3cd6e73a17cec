import type { Audience } from '../../domain/agenda.js';
import { writesMinutes } from '../../domain/minutes.js';
import { markHit, type SearchHit, type SearchQuery } from '../../domain/search.js';
import type { Data, Lang, Member } from '../../domain/schema.js';
import { renderCard, type Button, type Card } from '../../cards/render.js';
import { messages } from '../../i18n/index.js';
import { Verb } from '../actions/verbs.js';
import { meetingName } from '../meetings/views.js';

/** Hits a page of `/søk` shows; each takes three or four lines. */
export const SEARCH_PAGE_SIZE = 8;

export interface SearchView {
  /** The words as typed, for the title and the page buttons. */
  typed: string;
  query: SearchQuery;
  hits: readonly SearchHit[];
  page: number;
  viewer: Member | undefined;
  audience: Audience;
}

/** The hits of one page, the newest first, each with where it is from and buttons to open it as a new message. */
export function searchCard(data: Readonly<Data>, view: SearchView, lang: Lang, timeZone: string): Card {
  const m = messages(lang);
  const pages = Math.max(1, Math.ceil(view.hits.length / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, view.page), pages);
  const shown = view.hits.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE);
  const writer = writesMinutes(view.viewer, view.audience);
  const pageButton = (title: string, to: number): Button => ({ title, data: { verb: Verb.SearchPage, text: view.typed, page: to } });
  return renderCard('search', {
    title: m['search.title']({ words: view.typed }),
    summary: m['search.summary']({ count: view.hits.length, page, pages }),
    hits: shown.map((hit) => {
      const marked = markHit(hit, view.query);
      if (hit.kind === 'point') {
        const owner = hit.point.ownerMemberId ? data.members.find((p) => p.id === hit.point.ownerMemberId)?.name : undefined;
        return {
          context: m['search.point']({ status: m[`followUp.status.${hit.point.status}`], owner }),
          title: marked.title,
          excerpt: marked.excerpt,
          buttons: [{ title: m['search.showPoint'], data: { verb: Verb.SearchOpen, show: 'punkt', id: hit.point.id } }],
        };
      }
      if (hit.kind === 'report') {
        return {
          context: m['search.report']({ meeting: hit.meeting ? meetingName(hit.meeting, lang, timeZone) : hit.round.meetingId }),
          title: marked.title,
          excerpt: marked.excerpt,
          buttons: [{ title: m['search.showReport'], data: { verb: Verb.SearchOpen, show: 'rapport', reportId: hit.report.id } }],
        };
      }
      const minutes: Button[] = hit.minutes
        ? [{ title: m['search.minutes'], data: writer ? { verb: Verb.MinutesForm, meetingId: hit.meeting.id } : { verb: Verb.SearchOpen, show: 'referat', meetingId: hit.meeting.id } }]
        : [];
      return {
        context: m['search.item']({ number: hit.number, meeting: meetingName(hit.meeting, lang, timeZone), inMinutes: marked.inMinutes }),
        title: marked.title,
        excerpt: marked.excerpt,
        buttons: [{ title: m['search.agenda'], data: { verb: Verb.SearchOpen, show: 'dagsorden', meetingId: hit.meeting.id } }, ...minutes],
      };
    }),
    pages: [...(page > 1 ? [pageButton(m['status.previous'], page - 1)] : []), ...(page < pages ? [pageButton(m['status.next'], page + 1)] : [])],
  });
}
