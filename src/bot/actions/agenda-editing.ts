import { z } from 'zod';
import { acceptProposal, addAgendaItem, declineProposal, editAgendaItem, moveAgendaItem, proposalMeeting, proposeItem, removeAgendaItem } from '../../domain/agenda.js';
import { enqueue, personalChatOf, personalRecipients } from '../../domain/deliveries.js';
import { COUNCIL, isSecretariat, SECRETARIAT } from '../../domain/roles.js';
import type { Data } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { attempt, meetingFor, refuseOutsidePersonal, refuseTooLong, replyMeetingNotFound } from '../meetings/handling.js';
import { editorCard, itemFormCard, itemValues, meetingName } from '../meetings/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

const { id, revision } = field;
const text = field.typed.optional();

/** The editor for a meeting as it is now (after a change, or to replace a stale card). */
export async function showEditor(turn: Turn, deps: BotDeps, meetingId: string | undefined): Promise<void> {
  if (await refuseOutsidePersonal(turn, 'agenda.editorPersonalOnly')) return;
  const meeting = meetingFor(deps, meetingId);
  if (!meeting) return replyMeetingNotFound(turn);
  await turn.respond(editorCard(deps.store.read(), meeting, turn.lang, deps.timeZone, deps.timing, deps.clock.now(), deps.agendaUrl?.(meeting.id)));
}

/**
 * Runs an agenda change; a problem is told and the editor is shown as the meeting is now. `said`
 * gives what to tell of the change's result once it is saved.
 */
async function changeAgenda<T>(turn: Turn, deps: BotDeps, meetingId: string, change: (draft: Data) => T, said?: (result: T) => string): Promise<void> {
  const done = await attempt(turn, deps, async () => ({ result: await deps.store.update(change) }));
  // Cards already posted show the old agenda; the notifier updates them in place.
  if (done) deps.notifier.kick();
  if (done && said) await turn.reply(said(done.result));
  await showEditor(turn, deps, meetingId);
}

export const editorShowAction = defineAction({
  verb: Verb.EditorShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.EditorShow), meetingId: id.optional() }),
  async handle(turn, data, deps) {
    await showEditor(turn, deps, data.meetingId);
  },
});

export const itemFormAction = defineAction({
  verb: Verb.ItemForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.ItemForm), meetingId: id, itemId: id.optional() }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'agenda.editorPersonalOnly')) return;
    const meeting = meetingFor(deps, data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    const item = data.itemId ? meeting.agenda.find((i) => i.id === data.itemId) : undefined;
    if (data.itemId && !item) {
      await turn.reply(messages(turn.lang)['problem.not-found']);
      return showEditor(turn, deps, meeting.id);
    }
    await turn.respond(itemFormCard(meeting, item?.id, itemValues(item), turn.lang, deps.timeZone));
  },
});

export const itemSaveAction = defineAction({
  verb: Verb.ItemSave,
  role: SECRETARIAT,
  schema: z.object({
    verb: z.literal(Verb.ItemSave),
    meetingId: id,
    revision,
    itemId: id.optional(),
    title: field.typed.default(''),
    presenters: text,
    description: text,
    attachments: text,
    confidential: z.enum(['true', 'false']).optional(),
  }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    if (await refuseTooLong(turn, [[m['item.title'], data.title, 300], [m['item.presenters'], data.presenters, 600], [m['item.description'], data.description, 4000], [m['item.attachments'], data.attachments, 4000]])) return;
    const input = { title: data.title, presenters: data.presenters, description: data.description, attachments: data.attachments, confidential: data.confidential === 'true' };
    const now = deps.clock.now();
    const saved = await attempt(
      turn,
      deps,
      () => deps.store.update((draft) => (data.itemId ? editAgendaItem(draft, data.meetingId, data.itemId, input, data.revision, now) : addAgendaItem(draft, data.meetingId, input, data.revision, now))),
      async (problem) => {
        // The form comes back with what was typed and the meeting's current revision, so nothing is lost.
        const meeting = deps.store.read().meetings.find((mt) => mt.id === data.meetingId);
        if (!meeting) return turn.reply(problem);
        await turn.respond(itemFormCard(meeting, data.itemId, { ...input, presenters: input.presenters ?? '', description: input.description ?? '', attachments: input.attachments ?? '' }, turn.lang, deps.timeZone, problem));
      },
    );
    if (!saved) return;
    deps.notifier.kick();
    await showEditor(turn, deps, data.meetingId);
  },
});

export const itemMoveAction = defineAction({
  verb: Verb.ItemMove,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.ItemMove), meetingId: id, revision, itemId: id, direction: z.enum(['opp', 'ned']) }),
  async handle(turn, data, deps) {
    await changeAgenda(turn, deps, data.meetingId, (draft) => moveAgendaItem(draft, data.meetingId, data.itemId, data.direction, data.revision, deps.clock.now()));
  },
});

export const itemRemoveAction = defineAction({
  verb: Verb.ItemRemove,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.ItemRemove), meetingId: id, revision, itemId: id }),
  async handle(turn, data, deps) {
    await changeAgenda(
      turn,
      deps,
      data.meetingId,
      (draft) => removeAgendaItem(draft, data.meetingId, data.itemId, data.revision, deps.clock.now()),
      (removed) => messages(turn.lang)['editor.removed']({ title: removed.title }),
    );
  },
});

/** Tells the proposer what became of their proposal, in their personal chat. */
function queueDecision(draft: Data, meetingId: string, proposalId: string, memberId: string, now: Date): void {
  const chat = personalChatOf(draft, memberId);
  if (chat) enqueue(draft, 'decision', meetingId, proposalId, [{ conversationId: chat.id, memberId }], now);
}

export const proposalAcceptAction = defineAction({
  verb: Verb.ProposalAccept,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.ProposalAccept), meetingId: id, proposalId: id }),
  async handle(turn, data, deps) {
    const by = turn.member?.id ?? turn.user.id;
    await changeAgenda(turn, deps, data.meetingId, (draft) => {
      const { proposal } = acceptProposal(draft, data.meetingId, data.proposalId, by, deps.clock.now());
      queueDecision(draft, data.meetingId, proposal.id, proposal.byMemberId, deps.clock.now());
    });
  },
});

export const proposalDeclineAction = defineAction({
  verb: Verb.ProposalDecline,
  role: SECRETARIAT,
  // The reason's input id carries the proposal id, so each proposal on the card has its own field.
  schema: z.looseObject({ verb: z.literal(Verb.ProposalDecline), meetingId: id, proposalId: id }),
  async handle(turn, data, deps) {
    const raw = data[`reason_${data.proposalId}`];
    const reason = typeof raw === 'string' ? raw : undefined;
    if (await refuseTooLong(turn, [[messages(turn.lang)['editor.declineReason'], reason, 500]])) return;
    const by = turn.member?.id ?? turn.user.id;
    await changeAgenda(turn, deps, data.meetingId, (draft) => {
      const proposal = declineProposal(draft, data.meetingId, data.proposalId, reason, by, deps.clock.now());
      queueDecision(draft, data.meetingId, proposal.id, proposal.byMemberId, deps.clock.now());
    });
  },
});

/** "Foreslå sak" on the agenda card (and /foreslå): the proposal waits for the secretary, who is told in personal chat. */
export async function propose(turn: Turn, deps: BotDeps, meetingId: string, title: string, description: string | undefined): Promise<void> {
  const m = messages(turn.lang);
  if (await refuseTooLong(turn, [[m['agenda.proposalTitle'], title, 300], [m['agenda.proposalDescription'], description, 2000]])) return;
  const memberId = turn.member?.id;
  if (!memberId) return;
  const proposal = await attempt(turn, deps, () =>
    deps.store.update((draft) => {
      const made = proposeItem(draft, meetingId, memberId, { title, description }, deps.clock.now());
      const secretariat = draft.members.filter((member) => isSecretariat(member) && member.id !== memberId);
      enqueue(draft, 'proposal', meetingId, made.id, personalRecipients(draft, secretariat), deps.clock.now());
      return made;
    }),
  );
  if (!proposal) return;
  deps.notifier.kick();
  const meeting = deps.store.read().meetings.find((mt) => mt.id === meetingId);
  await turn.reply(m['proposal.saved']({ title: proposal.title, meeting: meeting ? meetingName(meeting, turn.lang, deps.timeZone) : meetingId }));
}

export const proposeAction = defineAction({
  verb: Verb.Propose,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.Propose), meetingId: id, proposalTitle: field.typed.default(''), proposalDescription: text }),
  async handle(turn, data, deps) {
    // A card from before its meeting began, or was cancelled: the proposal goes on to the next meeting, as the waiting ones did.
    const meeting = proposalMeeting(deps.store.read(), data.meetingId, deps.clock.now());
    await propose(turn, deps, meeting?.id ?? data.meetingId, data.proposalTitle, data.proposalDescription);
  },
});
