import { dueDateOf, todayIn } from './follow-up-dates.js';
import { isOpen, latestPeriod, mayChangeFollowUp } from './follow-ups.js';
import { maySeeFollowUp, seesAllPoints } from './roles.js';
import type { Data, FocusArea, FollowUp, Member, Responsible } from './schema.js';
import { fold } from './text.js';

/**
 * One thing `/status` can be asked for: everything, the overdue, the viewer's own, one focus
 * area, owner or party, or the closed points instead of the open ones.
 */
export type SingleStatusFilter =
  | { kind: 'alle' }
  | { kind: 'forfalt' }
  | { kind: 'lukket' }
  | { kind: 'mine' }
  | { kind: 'focus'; focusAreaId: string }
  | { kind: 'owner'; memberId: string }
  | { kind: 'responsible'; responsible: Exclude<Responsible, 'medlem'> };

/** What `/status` was asked for: one filter, or several that a point must all pass ("forfalt politiet"). */
export type StatusFilter = SingleStatusFilter | { kind: 'all-of'; parts: SingleStatusFilter[] };


const RESPONSIBLE_WORDS: Record<string, Exclude<Responsible, 'medlem'>> = {
  kommunen: 'kommunen',
  'oslo kommune': 'kommunen',
  politiet: 'politiet',
  opd: 'politiet',
  'oslo politidistrikt': 'politiet',
  police: 'politiet',
  municipality: 'kommunen',
  begge: 'begge',
  both: 'begge',
};

/** Words after `/status` that fit several focus areas or owners equally well. */
export interface AmbiguousStatusFilter {
  kind: 'ambiguous';
  /** The words, as typed, that fit more than one. */
  words: string;
  focusAreaIds: string[];
  memberIds: string[];
}

/**
 * Reads the words after `/status`. A focus area is matched by its number ("3",
 * "innsatsområde 3", "3 2017" for that year's) or words of its title; an owner by name. Several filters may be combined
 * ("forfalt politiet", "mine og forfalt", "3 forfalt"). Undefined when anything does not match;
 * ambiguous when words fit several areas or owners equally well ("visepolitimester").
 */
export function parseStatusFilter(text: string, data: Readonly<Data>): StatusFilter | AmbiguousStatusFilter | undefined {
  const whole = parseSingleFilter(text, data);
  if (whole && whole.kind !== 'ambiguous') return whole;
  const words = text.trim().split(/\s+/);
  if (words.length > MAX_FILTER_WORDS) return whole;
  const split = splitFilters(words, data);
  if (!split.parts || split.parts.length === 0) return whole ?? split.ambiguous;
  return split.parts.length === 1 ? split.parts[0] : { kind: 'all-of', parts: split.parts };
}

/** Enough for "forfalt politiet ola hansen"; more words are not worth trying every split of. */
const MAX_FILTER_WORDS = 8;
/**
 * Small words between filters ("mine og forfalt", "forfalt i sentrum", "alle forfalte"), and the
 * word for what is listed, which says nothing more ("forfalte punkter for politiet"); folded, as
 * the words are compared.
 */
const JOINING_WORDS = new Set(['og', 'and', 'i', 'in', 'for', 'med', 'with', 'alle', 'all', '&', ',', '+', 'punkt', 'punkter', 'punktene', 'points', 'oppfolgingspunkter', 'oppfolgingspunktene']);

interface Split {
  parts?: SingleStatusFilter[];
  /** The first span that fitted several, to name when no split works. */
  ambiguous?: AmbiguousStatusFilter;
}

/** The words as consecutive filters, each as long as it can be (so "ola hansen" is one owner). */
function splitFilters(words: readonly string[], data: Readonly<Data>): Split {
  if (words.length === 0) return { parts: [] };
  const first = words[0] ?? '';
  if (JOINING_WORDS.has(fold(first))) return splitFilters(words.slice(1), data);
  let ambiguous: AmbiguousStatusFilter | undefined;
  for (let end = words.length; end > 0; end -= 1) {
    const filter = parseSingleFilter(words.slice(0, end).join(' '), data);
    if (!filter) continue;
    if (filter.kind === 'ambiguous') {
      ambiguous ??= filter;
      continue;
    }
    const rest = splitFilters(words.slice(end), data);
    if (rest.parts) return { parts: [filter, ...rest.parts] };
    ambiguous ??= rest.ambiguous;
  }
  return { ambiguous };
}

function parseSingleFilter(text: string, data: Readonly<Data>): SingleStatusFilter | AmbiguousStatusFilter | undefined {
  const words = fold(text);
  if (!words || words === 'alle' || words === 'all') return { kind: 'alle' };
  if (/^(forfalt|forfalte|overdue)$/.test(words)) return { kind: 'forfalt' };
  if (/^(mine|min|mitt|my|mine punkter)$/.test(words)) return { kind: 'mine' };
  if (/^(lukket|lukkede|fullfort|fullforte|avsluttet|avsluttede|closed|done)$/.test(words)) return { kind: 'lukket' };
  const responsible = RESPONSIBLE_WORDS[words];
  if (responsible) return { kind: 'responsible', responsible };
  const areas = data.focusAreas.filter((a) => data.followUps.some((p) => p.focusAreaId === a.id));
  const number = /^(?:innsatsomrade |io |focus area )?(\d{1,2})(?: \(?(\d{4})[^)]*\)?)?$/.exec(words);
  if (number) {
    // The same number in several periods: the one whose period starts with the year given ("3 2017"), else the latest.
    const year = number[2];
    const area = latestPeriod(areas.filter((a) => a.number === Number(number[1]) && (year === undefined || a.period.startsWith(year))))[0];
    return area ? { kind: 'focus', focusAreaId: area.id } : undefined;
  }
  const byId = data.members.find((m) => m.id === text.trim());
  if (byId) return { kind: 'owner', memberId: byId.id };
  return byName(words, text.trim(), areas, data.members);
}

/**
 * How well typed words fit a title or name: 3 when they are a run of its words as written
 * ("sentrum for alle"), 2 when each is one of its words, 1 when each begins one, 0 otherwise.
 */
function fit(typed: readonly string[], phrase: string, name: string): number {
  const own = fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (` ${own.join(' ')} `.includes(` ${phrase} `)) return 3;
  let score = 2;
  for (const word of typed) {
    if (own.includes(word)) continue;
    // A beginning of three letters or more: "hat" for "hatkriminalitet", "visepol" for "visepolitimester".
    if (word.length >= 3 && own.some((w) => w.startsWith(word))) score = 1;
    else return 0;
  }
  return score;
}

/**
 * The focus area or owner the words name. Whole words beat beginnings of words; small joining
 * words say nothing ("og" is in most titles). Several that fit equally well are ambiguous, but
 * of areas that recur in several plans only the latest counts.
 */
function byName(words: string, asTyped: string, areas: readonly FocusArea[], members: readonly Member[]): SingleStatusFilter | AmbiguousStatusFilter | undefined {
  const all = words.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const typed = all.filter((w) => !JOINING_WORDS.has(w));
  if (typed.length === 0) return undefined;
  const phrase = all.join(' ');
  const areaFits = areas.map((a) => ({ area: a, score: fit(typed, phrase, a.title) }));
  const memberFits = members.map((m) => ({ member: m, score: fit(typed, phrase, m.name) }));
  const best = Math.max(0, ...areaFits.map((f) => f.score), ...memberFits.map((f) => f.score));
  if (best === 0) return undefined;
  const fittingAreas = latestPeriod(areaFits.filter((f) => f.score === best).map((f) => f.area));
  const fittingMembers = memberFits.filter((f) => f.score === best).map((f) => f.member);
  if (fittingAreas.length + fittingMembers.length > 1) {
    return { kind: 'ambiguous', words: asTyped, focusAreaIds: fittingAreas.map((a) => a.id), memberIds: fittingMembers.map((m) => m.id) };
  }
  if (fittingAreas[0]) return { kind: 'focus', focusAreaId: fittingAreas[0].id };
  if (fittingMembers[0]) return { kind: 'owner', memberId: fittingMembers[0].id };
  return undefined;
}

export interface StatusPoint {
  point: FollowUp;
  due: string | undefined;
  overdue: boolean;
  canChange: boolean;
}

/** A point with its due date and whether it is overdue: open, and due before today (in the council's zone). */
export function statusPoint(data: Readonly<Data>, point: FollowUp, today: string, timeZone: string, canChange: boolean): StatusPoint {
  const due = dueDateOf(point, data, timeZone);
  return { point, due, overdue: isOpen(point) && due !== undefined && due < today, canChange };
}

export interface StatusView {
  /** Over every open point the viewer may see, whatever the filter and page. */
  counts: { open: number; overdue: number; inProgress: number };
  /** How many open points the filter matched. */
  matched: number;
  groups: { focusArea: FocusArea | undefined; points: StatusPoint[] }[];
  page: number;
  pages: number;
}

/** Members and observers see their own points; the secretariat and the chairs see all. */
function seesFollowUp(viewer: Member | undefined): (point: FollowUp) => boolean {
  // Asked once per card rather than per point: /status walks every point there is.
  return seesAllPoints(viewer) ? () => true : (point) => maySeeFollowUp(viewer, point);
}

function matches(filter: StatusFilter, item: StatusPoint, viewer: Member | undefined): boolean {
  switch (filter.kind) {
    case 'alle':
      return true;
    case 'forfalt':
      return item.overdue;
    case 'lukket':
      return !isOpen(item.point);
    case 'mine':
      return item.point.ownerMemberId !== undefined && item.point.ownerMemberId === viewer?.id;
    case 'focus':
      return item.point.focusAreaId === filter.focusAreaId;
    case 'owner':
      return item.point.ownerMemberId === filter.memberId;
    case 'responsible':
      return item.point.responsible === filter.responsible || (filter.responsible !== 'begge' && item.point.responsible === 'begge');
    case 'all-of':
      return filter.parts.every((part) => matches(part, item, viewer));
  }
}

/** True when the filter asks for the closed points ("lukket"), alone or with others. */
const asksClosed = (filter: StatusFilter): boolean => filter.kind === 'lukket' || (filter.kind === 'all-of' && filter.parts.some((part) => part.kind === 'lukket'));

/**
 * The open points a viewer asked for, grouped by focus area (in number order), overdue first
 * and then by due date within each group, one page at a time. Asked for the closed ones, those
 * instead, the latest closed first within each group; the counts are the open points' always.
 */
export function statusView(
  data: Readonly<Data>,
  options: { viewer: Member | undefined; filter: StatusFilter; now: Date; timeZone: string; page: number; pageSize: number },
): StatusView {
  const today = todayIn(options.now, options.timeZone);
  const sees = seesFollowUp(options.viewer);
  const open: StatusPoint[] = [];
  const closed: StatusPoint[] = [];
  const wantsClosed = asksClosed(options.filter);
  for (const point of data.followUps) {
    if (isOpen(point)) {
      if (sees(point)) open.push(statusPoint(data, point, today, options.timeZone, mayChangeFollowUp(options.viewer, point)));
    } else if (wantsClosed && sees(point)) closed.push(statusPoint(data, point, today, options.timeZone, mayChangeFollowUp(options.viewer, point)));
  }
  let overdue = 0;
  let inProgress = 0;
  for (const item of open) {
    if (item.overdue) overdue += 1;
    if (item.point.status === 'pågår') inProgress += 1;
  }
  const counts = { open: open.length, overdue, inProgress };
  const areaOrder = new Map(
    [...data.focusAreas].sort((a, b) => ordinal(a.period, b.period) || a.number - b.number).map((a, i) => [a.id, i]),
  );
  // By code unit, not by locale: due dates are yyyy-MM-dd, periods compare so everywhere (see
  // latestPeriod) and ids only break ties. A locale comparison is a collator call, thousands a view.
  const chosen = (wantsClosed ? closed : open)
    .filter((item) => matches(options.filter, item, options.viewer))
    .sort(
      (a, b) =>
        (areaOrder.get(a.point.focusAreaId) ?? 1e9) - (areaOrder.get(b.point.focusAreaId) ?? 1e9) ||
        ordinal(b.point.closedAt ?? '', a.point.closedAt ?? '') ||
        Number(b.overdue) - Number(a.overdue) ||
        ordinal(a.due ?? '9999', b.due ?? '9999') ||
        ordinal(a.point.id, b.point.id),
    );
  const pages = Math.max(1, Math.ceil(chosen.length / options.pageSize));
  const page = Math.min(Math.max(1, Math.trunc(options.page)), pages);
  const slice = chosen.slice((page - 1) * options.pageSize, page * options.pageSize);
  const groups: StatusView['groups'] = [];
  for (const item of slice) {
    const last = groups.at(-1);
    if (last && last.points[0]?.point.focusAreaId === item.point.focusAreaId) last.points.push(item);
    else groups.push({ focusArea: data.focusAreas.find((a) => a.id === item.point.focusAreaId), points: [item] });
  }
  return { counts, matched: chosen.length, groups, page, pages };
}

const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
