import { DomainError, ErrorCode } from './errors.js';
import { latestPeriod } from './follow-ups.js';
import type { Data, FocusArea } from './schema.js';
import { freshId, isTooLong, slug } from './text.js';

/*
 * The two lists of numbered focus areas per period: the council's own innsatsområder (for a
 * year of the collaboration document, which the seminar rolls forward) and the SaLTo
 * programme's (per programme period). Both are changed the same way: titles renamed, areas
 * added, or a new period started with areas of its own, while what was filed under an area
 * keeps it.
 */

export const AREA_TITLE_LIMIT = 200;
/** Both lists have had four or five areas; room for more. */
export const MAX_AREAS = 8;

export type AreaList = 'council' | 'salto';

interface ListRules {
  areas: (data: Readonly<Data>) => readonly FocusArea[];
  replace: (data: Data, areas: FocusArea[]) => void;
  /** Ids of new areas start so: `io-2027-1`, `salto-2026-2029-1`. */
  prefix: string;
  /** Throws when something still refers to an area that would go. */
  checkRemovable: (data: Readonly<Data>, area: FocusArea) => void;
}

const LISTS: Record<AreaList, ListRules> = {
  council: {
    areas: (data) => data.focusAreas,
    replace: (data, areas) => {
      data.focusAreas = areas;
    },
    prefix: 'io',
    checkRemovable: (data, area) => {
      const points = data.followUps.filter((p) => p.focusAreaId === area.id).length;
      if (points > 0) throw new DomainError(ErrorCode.AreaInUse, `${area.id} has ${points} follow-up points`, { number: area.number, points });
    },
  },
  salto: {
    areas: (data) => data.saltoFocusAreas,
    replace: (data, areas) => {
      data.saltoFocusAreas = areas;
    },
    prefix: 'salto',
    checkRemovable: (data, area) => {
      const round = data.saltoRounds.find((r) => r.focusAreaIds.includes(area.id));
      if (round) throw new DomainError(ErrorCode.AreaInUse, `${area.id} is used by ${round.id}`, { number: area.number, meetingId: round.meetingId });
    },
  },
};

/** The current period's areas of a list, in number order. */
export function currentAreas(data: Readonly<Data>, list: AreaList): FocusArea[] {
  return latestPeriod(LISTS[list].areas(data));
}

/** The current period's areas as the form shows them; a form made from other areas is stale. */
export function areasKeyOf(data: Readonly<Data>, list: AreaList): string {
  return currentAreas(data, list)
    .map((a) => `${a.id}=${a.title}`)
    .join('\n');
}

/** "2026-2029" and "2026 – 2029" read as "2026–2029", so periods compare and sort as text. */
export function normalisePeriod(text: string): string | undefined {
  const match = /^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$/.exec(text);
  if (!match) return undefined;
  const [, from, to] = match;
  if (to !== undefined && to < from!) return undefined;
  return to === undefined ? from : `${from}–${to}`;
}

export interface AreasInput {
  period: string;
  /** The titles in number order; empty ones are left out. */
  titles: readonly string[];
  /** `areasKeyOf` when the form was made. */
  key?: string | undefined;
}

export interface AreasSaved {
  period: string;
  areas: FocusArea[];
  /** True when the input started a new period. */
  newPeriod: boolean;
}

/**
 * Changes the areas of a list's current period, or starts a new period with its own. An area
 * something refers to (a SaLTo round, a follow-up point) cannot be removed, only renamed; the
 * areas of earlier periods stay, with what was filed under them.
 */
export function saveAreas(data: Data, list: AreaList, input: AreasInput): AreasSaved {
  const rules = LISTS[list];
  if (input.key !== undefined && input.key !== areasKeyOf(data, list)) throw new DomainError(ErrorCode.Stale, 'focus areas changed', { what: 'areas' });
  const period = normalisePeriod(input.period);
  if (!period) throw new DomainError(ErrorCode.InvalidPeriod, `unreadable period ${input.period}`, { text: input.period.trim().slice(0, 40) });
  const titles = input.titles.map((t) => t.trim().replace(/\s+/g, ' ')).filter(Boolean);
  if (titles.length === 0) throw new DomainError(ErrorCode.EmptyTitle, 'no focus areas', { what: 'areas' });
  if (titles.length > MAX_AREAS) throw new DomainError(ErrorCode.InvalidInput, 'too many focus areas');
  if (titles.some((t) => isTooLong(t, AREA_TITLE_LIMIT))) throw new DomainError(ErrorCode.TextTooLong, 'focus area title too long', { limit: AREA_TITLE_LIMIT });
  const lower = titles.map((t) => t.toLocaleLowerCase('nb'));
  const twin = titles.find((_, i) => lower.indexOf(lower[i]!) !== i);
  if (twin) throw new DomainError(ErrorCode.NameTaken, 'two focus areas with one title', { name: twin });

  const current = currentAreas(data, list);
  const latest = current[0]?.period ?? '';
  if (period < latest) throw new DomainError(ErrorCode.OlderPeriod, `${period} is before ${latest}`, { latest });
  const newPeriod = period !== latest;
  const existing = newPeriod ? [] : current;
  const gone = existing.filter((a) => a.number > titles.length);
  for (const area of gone) rules.checkRemovable(data, area);
  const kept = rules.areas(data).filter((a) => !gone.includes(a));
  const base = `${rules.prefix}-${slug(period)}`;
  const areas = titles.map((title, index) => {
    const number = index + 1;
    const area = existing.find((a) => a.number === number);
    if (area) {
      area.title = title;
      return area;
    }
    const made: FocusArea = { id: freshId(`${base}-${number}`, (id) => kept.some((a) => a.id === id)), period, number, title };
    kept.push(made);
    return made;
  });
  rules.replace(data, kept);
  return { period, areas, newPeriod };
}
