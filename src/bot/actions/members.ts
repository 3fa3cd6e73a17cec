import { z } from 'zod';
import { catchUpAgendas } from '../../domain/deliveries.js';
import { MEMBER_TEXT_LIMIT, memberKey, onCouncil, saveMember } from '../../domain/members.js';
import { isOpen } from '../../domain/follow-ups.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { attempt, refuseOutsidePersonal, refuseTooLong } from '../meetings/handling.js';
import { memberFormCard, memberFormValues, membersCard, type MemberFormValues } from '../members/views.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

const { id, typed } = field;

export const membersShowAction = defineAction({
  verb: Verb.MembersShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MembersShow) }),
  async handle(turn, _data, deps) {
    if (await refuseOutsidePersonal(turn, 'members.personalOnly')) return;
    await turn.respond(membersCard(deps.store.read(), turn.lang));
  },
});

export const memberFormAction = defineAction({
  verb: Verb.MemberForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.MemberForm), memberId: id.optional() }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'members.personalOnly')) return;
    const member = data.memberId ? deps.store.read().members.find((m) => m.id === data.memberId) : undefined;
    if (data.memberId && !member) return turn.reply(messages(turn.lang)['problem.not-found']);
    await turn.respond(memberFormCard(member, member && memberKey(member), memberFormValues(member), turn.lang));
  },
});

export const memberSaveAction = defineAction({
  verb: Verb.MemberSave,
  role: SECRETARIAT,
  schema: z.object({
    verb: z.literal(Verb.MemberSave),
    memberId: id.optional(),
    formKey: z.string().max(5_000).optional(),
    name: typed.optional(),
    title: typed.optional(),
    organisation: typed.optional(),
    email: typed.optional(),
    roles: typed.optional(),
  }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'members.personalOnly')) return;
    const m = messages(turn.lang);
    const values: MemberFormValues = { name: data.name ?? '', title: data.title ?? '', organisation: data.organisation ?? '', email: data.email ?? '', roles: data.roles ?? '' };
    const limits: [string, string, number][] = [
      [m['memberForm.name'], values.name, MEMBER_TEXT_LIMIT],
      [m['memberForm.personTitle'], values.title, MEMBER_TEXT_LIMIT],
      [m['memberForm.organisation'], values.organisation, MEMBER_TEXT_LIMIT],
      [m['memberForm.email'], values.email, 320],
    ];
    if (await refuseTooLong(turn, limits)) return;
    const now = deps.clock.now();
    const saved = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          const result = saveMember(draft, { ...values, byMemberId: turn.member?.id, memberId: data.memberId, key: data.formKey, roles: values.roles.split(',').map((r) => r.trim()).filter(Boolean) });
          // Someone who joins the council and already talks to the bot gets the agendas out now.
          const queued = result.joined ? catchUpAgendas(draft, result.member.id, now) : [];
          return { ...result, queued: queued.length };
        }),
      // Back to the form with everything typed; after a stale refusal it carries the member as
      // they are now, so saving again is a deliberate choice.
      async (problem) => {
        const member = data.memberId ? deps.store.read().members.find((x) => x.id === data.memberId) : undefined;
        await turn.respond(memberFormCard(member, member ? memberKey(member) : undefined, values, turn.lang, problem));
      },
    );
    if (!saved) return;
    if (saved.queued > 0) deps.notifier.kick();
    const name = saved.member.name;
    const owned = deps.store.read().followUps.filter((point) => point.ownerMemberId === saved.member.id && isOpen(point)).length;
    const left = owned > 0 ? `${m['members.left']({ name })} ${m['members.leftPoints']({ name, count: owned })}` : m['members.left']({ name });
    const headline = saved.created ? m['members.added']({ name }) : onCouncil(saved.member) ? m['members.saved']({ name }) : left;
    await turn.respond(membersCard(deps.store.read(), turn.lang, headline));
  },
});
