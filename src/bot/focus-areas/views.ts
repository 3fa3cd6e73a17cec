import { renderCard, type Button, type Card } from '../../cards/render.js';
import { areasKeyOf, currentAreas, MAX_AREAS, type AreaList } from '../../domain/focus-areas.js';
import { isOpen } from '../../domain/follow-ups.js';
import { isSecretariat } from '../../domain/roles.js';
import type { Data, Lang, Member } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { Verb } from '../actions/verbs.js';

export interface AreasFormValues {
  period: string;
  titles: string[];
}

export function areasFormValues(data: Readonly<Data>, list: AreaList): AreasFormValues {
  const areas = currentAreas(data, list);
  return { period: areas[0]?.period ?? '', titles: areas.map((a) => a.title) };
}

/** Input ids of the focus area fields: `area1` … `area8`. */
export const areaField = (index: number) => `area${index + 1}`;

/** What differs between the two lists' forms: words, and where the buttons lead. */
const FORMS = {
  council: { title: 'areasForm.councilTitle', intro: 'areasForm.councilIntro', period: 'areasForm.councilPeriod', periodHint: 'areasForm.councilPeriodHint', periodError: 'areasForm.councilPeriodError', save: Verb.CouncilAreasSave, back: Verb.CouncilAreasShow },
  salto: { title: 'areasForm.title', intro: 'areasForm.intro', period: 'areasForm.period', periodHint: 'areasForm.periodHint', periodError: 'areasForm.periodError', save: Verb.AreasSave, back: Verb.SaltoSetupShow },
} as const;

/** The label of the period field, for a refusal that names it. */
export const periodLabel = (list: AreaList, lang: Lang) => messages(lang)[FORMS[list].period];

/** The current period's areas as fields to rename, add to, or replace with a new period's. */
export function areasFormCard(data: Readonly<Data>, list: AreaList, values: AreasFormValues, lang: Lang, problem = ''): Card {
  const m = messages(lang);
  const form = FORMS[list];
  return renderCard('areas-form', {
    title: m[form.title],
    intro: m[form.intro],
    problem,
    period: values.period,
    areas: Array.from({ length: MAX_AREAS }, (_, index) => ({ id: areaField(index), label: m['areasForm.area']({ number: index + 1 }), value: values.titles[index] ?? '' })),
    // The areas as they are now: a save made from other areas is refused as stale.
    save: { verb: form.save, formKey: areasKeyOf(data, list) },
    back: { verb: form.back },
    labels: { period: m[form.period], periodHint: m[form.periodHint], periodError: m[form.periodError], save: m['unitForm.save'], back: m['unitForm.back'] },
  });
}

/**
 * `/innsatsområder`: the council's focus areas of the current period, each with how many open
 * points are filed under it, and areas of earlier periods that still have open points. The
 * secretariat may change them.
 */
export function councilAreasCard(data: Readonly<Data>, viewer: Member | undefined, lang: Lang, headline = ''): Card {
  const m = messages(lang);
  const current = currentAreas(data, 'council');
  const open = new Map<string, number>();
  for (const point of data.followUps) if (isOpen(point)) open.set(point.focusAreaId, (open.get(point.focusAreaId) ?? 0) + 1);
  const earlier = data.focusAreas
    .filter((a) => !current.includes(a) && (open.get(a.id) ?? 0) > 0)
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : a.number - b.number));
  const actions: Button[] = isSecretariat(viewer) ? [{ title: m['areas.edit'], data: { verb: Verb.CouncilAreasForm } }] : [];
  return renderCard('focus-areas', {
    headline,
    title: current.length > 0 ? m['areas.title']({ period: current[0]!.period }) : m['areasForm.councilTitle'],
    intro: current.length > 0 ? m['areas.intro'] : m['areas.none'],
    areas: current.map((a) => {
      const count = open.get(a.id) ?? 0;
      return { text: `${a.number}. ${a.title}`, detail: m['areas.openPoints']({ count }), show: count > 0 ? { verb: Verb.StatusShow, filter: String(a.number), page: 1 } : null };
    }),
    earlierHeading: earlier.length > 0 ? m['areas.earlier'] : '',
    earlier: earlier.map((a) => ({
      text: m['areas.earlierArea']({ number: a.number, title: a.title, period: a.period }),
      detail: m['areas.openPoints']({ count: open.get(a.id) ?? 0 }),
      show: { verb: Verb.StatusShow, filter: `${a.number} ${a.period}`, page: 1 },
    })),
    actions,
    labels: { show: m['areas.show'] },
  });
}
