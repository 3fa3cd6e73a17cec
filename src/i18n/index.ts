import { COUNCIL, ROLES } from '../domain/roles.js';
import type { AgendaItem, Lang, Meeting, Role } from '../domain/schema.js';
import { en } from './en.js';
import { nb, type Messages } from './nb.js';

export type { Messages };
export type MessageKey = keyof Messages;

const CATALOGS: Record<Lang, Messages> = { nb, en };

export function messages(lang: Lang): Messages {
  return CATALOGS[lang];
}

/** Norwegian unless the user's Teams speaks English; other languages get the default. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

export function roleNames(lang: Lang, roles: readonly Role[], joiner: 'and' | 'or' = 'and'): string {
  return listOf(lang, roles.map((role) => CATALOGS[lang][`role.${role}`]), joiner);
}

/**
 * Who may use something, for a refusal or a help line: the council and everyone with a role by
 * name ("medlemmene i Politirådet og sekretariatet"), smaller groups as their roles.
 */
export function accessNames(lang: Lang, roles: readonly Role[]): string {
  const same = (group: readonly Role[]) => group.length === roles.length && group.every((role) => roles.includes(role));
  if (same(COUNCIL)) return CATALOGS[lang]['access.council'];
  if (same(ROLES)) return CATALOGS[lang]['access.registered'];
  return roleNames(lang, roles, 'or');
}

/** A meeting's heading on cards and in the council's papers: its own title, or "Ordinært møte i Politirådet". */
export function meetingHeading(meeting: Pick<Meeting, 'kind' | 'title'>, lang: Lang): string {
  const m = CATALOGS[lang];
  return m['meeting.title']({ kind: m[`kind.${meeting.kind}`], title: meeting.title });
}

/** "v/ Politimester, Bydel Grorud", or nothing for an item without presenters. */
export function presentersText(item: Pick<AgendaItem, 'presenters'>, lang: Lang): string {
  return item.presenters.length > 0 ? CATALOGS[lang]['agenda.presenters']({ names: item.presenters.join(', ') }) : '';
}

/** "A, B og C" (or "A, B eller C") in the user's language. */
export function listOf(lang: Lang, names: readonly string[], joiner: 'and' | 'or' = 'and'): string {
  return new Intl.ListFormat(lang === 'nb' ? 'nb' : 'en', { type: joiner === 'or' ? 'disjunction' : 'conjunction' }).format(names);
}
