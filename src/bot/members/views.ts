import { renderCard, type Card, type MemberFormCardModel } from '../../cards/render.js';
import { onCouncil } from '../../domain/members.js';
import { COUNCIL } from '../../domain/roles.js';
import type { Data, Lang, Member } from '../../domain/schema.js';
import { listOf, messages, roleNames } from '../../i18n/index.js';
import { unitName } from '../salto/views.js';
import { Verb } from '../actions/verbs.js';

/** The council first, then SaLTo coordinators, then those with no role; by name within each. */
const rank = (member: Member) => (onCouncil(member) ? 0 : member.roles.length > 0 ? 1 : 2);

/**
 * `/medlemmer`: everyone the bot knows, each with a button to change them. A coordinator is here
 * too, so they can be given a council role; their units are changed under /salto.
 */
export function membersCard(data: Readonly<Data>, lang: Lang, headline = ''): Card {
  const m = messages(lang);
  const people = [...data.members].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'nb'));
  return renderCard('members', {
    headline,
    title: m['members.title'],
    intro: m['members.intro'],
    people: people.map((member) => ({
      name: member.name,
      detail: withoutRepeats([
        member.title,
        member.organisation,
        onCouncil(member) ? roleNames(lang, member.roles.filter((role) => COUNCIL.includes(role))) : undefined,
        member.roles.includes('salto-koordinator') ? m['members.coordinator']({ units: listOf(lang, member.unitIds.map((id) => unitName(data, id))) }) : undefined,
        member.roles.length === 0 ? m['members.noRole'] : undefined,
        member.aadObjectId ? undefined : m['members.notLinked'],
      ]).join(' · '),
      edit: { verb: Verb.MemberForm, memberId: member.id },
    })),
    add: { verb: Verb.MemberForm },
    labels: { edit: m['members.edit'], add: m['members.add'] },
  });
}

/** The parts that say something: a title "SaLTo-koordinator" goes when a later part says "SaLTo-koordinator for …". */
function withoutRepeats(parts: readonly (string | undefined)[]): string[] {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.filter((part, i) => !present.slice(i + 1).some((later) => later.toLocaleLowerCase('nb').includes(part.toLocaleLowerCase('nb'))));
}

export type MemberFormValues = MemberFormCardModel['values'];

/** A member's values as they are saved, for the form to start from; a new person starts empty. */
export function memberFormValues(member: Member | undefined): MemberFormValues {
  return {
    name: member?.name ?? '',
    title: member?.title ?? '',
    organisation: member?.organisation ?? '',
    email: member?.email ?? '',
    roles: (member?.roles ?? []).filter((role) => COUNCIL.includes(role)).join(','),
  };
}

/**
 * A person's form. `key` is the member as the values were read, so a save over someone else's
 * later change is refused; after any refusal the form comes back with what was typed.
 */
export function memberFormCard(member: Member | undefined, key: string | undefined, values: MemberFormValues, lang: Lang, problem = ''): Card {
  const m = messages(lang);
  const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return renderCard('member-form', {
    title: member ? m['memberForm.titleEdit']({ name: member.name }) : m['memberForm.titleNew'],
    problem,
    values,
    roles: COUNCIL.map((role) => ({ title: capitalised(m[`role.${role}`]), value: role })),
    save: member ? { verb: Verb.MemberSave, memberId: member.id, formKey: key ?? '' } : { verb: Verb.MemberSave },
    back: { verb: Verb.MembersShow },
    labels: {
      name: m['memberForm.name'],
      nameError: m['memberForm.nameError'],
      personTitle: m['memberForm.personTitle'],
      personTitleHint: m['memberForm.personTitleHint'],
      organisation: m['memberForm.organisation'],
      email: m['memberForm.email'],
      emailHint: m['memberForm.emailHint'],
      roles: m['memberForm.roles'],
      rolesHint: m['memberForm.rolesHint'],
      save: m['memberForm.save'],
      back: m['memberForm.back'],
    },
  });
}
