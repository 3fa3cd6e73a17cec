import { z } from 'zod';
import { DomainError, ErrorCode, isDomainError } from '../../domain/errors.js';
import { meansNoDue, parseDue, type Due } from '../../domain/follow-up-dates.js';
import { queueAssignedNotice, queueRescheduledNotice } from '../../domain/follow-up-reminders.js';
import {
  addFollowUpUpdate,
  checkFollowUpInput,
  createFollowUp,
  editFollowUp,
  findFollowUp,
  followUpChanges,
  importFollowUps,
  isConfidentialPoint,
  isOpen,
  mayChangeFollowUp,
  postponeFollowUp,
  reopenFollowUp,
  setFollowUpStatus,
  type FollowUpInput,
} from '../../domain/follow-ups.js';
import { COUNCIL, maySeeFollowUp, SECRETARIAT } from '../../domain/roles.js';
import { nextMeeting } from '../../domain/meetings.js';
import { notePointChange } from '../../domain/minutes.js';
import { FollowUpStatusSchema, ResponsibleSchema, type Data, type FollowUp, type Member } from '../../domain/schema.js';
import { listOf, messages } from '../../i18n/index.js';
import {
  emptyFormValues,
  followUpConfirmCard,
  followUpFormCard,
  followUpListLink,
  historyCard,
  pointFormValues,
  postponeConfirmCard,
  statusCard,
  type FollowUpEditing,
  type FollowUpFormValues,
  type FollowUpSource,
  type StatusPlace,
} from '../follow-ups/views.js';
import { attempt, audienceOf, refuseOutsidePersonal, refuseTooLong, replyMeetingNotFound } from '../meetings/handling.js';
import { problemText } from '../meetings/views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field, isOn } from './card-action.js';
import { minutesFormData, saveMinutesForm, showSavedMinutes } from './minutes.js';
import { Verb } from './verbs.js';

const { id, typed } = field;
const place = { filter: z.string().max(200).default(''), page: z.number().int().min(1).max(100_000).default(1) };
const pointRef = { id, revision: z.number().int().nonnegative(), ...place };

/** Points in the seed that the data does not have: the secretary's import button shows the count. */
export function importableCount(deps: BotDeps, data: Readonly<Data> = deps.store.read()): number {
  const seed = deps.seedFollowUps?.();
  if (!seed) return 0;
  const have = pointIds(data.followUps);
  return seed.followUps.filter((p) => !have.has(p.id)).length;
}

/**
 * The ids of a list of points, made once per list when the list is a saved state's: those are
 * frozen and never change (a change makes a new list), and every `/status` of the secretary
 * asks, over all the council's points.
 */
const idsOfList = new WeakMap<readonly FollowUp[], ReadonlySet<string>>();
function pointIds(points: readonly FollowUp[]): ReadonlySet<string> {
  const known = idsOfList.get(points);
  if (known) return known;
  const ids = new Set(points.map((p) => p.id));
  if (Object.isFrozen(points)) idsOfList.set(points, ids);
  return ids;
}

/** The `/status` card for this user at a filter and page, replacing the card acted on. */
export async function showStatus(turn: Turn, deps: BotDeps, where: StatusPlace, headline?: string, how: 'respond' | 'reply' = 'respond', undo?: FollowUp): Promise<void> {
  const data = deps.store.read();
  const card = statusCard(data, {
    viewer: turn.member,
    place: where,
    lang: turn.lang,
    timeZone: deps.timeZone,
    now: deps.clock.now(),
    audience: audienceOf(turn),
    headline,
    importable: importableCount(deps, data),
    download: followUpListLink(nextMeeting(data, deps.clock.now()), turn.lang, deps.followUpListUrl),
    undo: undo && !isOpen(undo) ? { id: undo.id, revision: undo.revision } : undefined,
  });
  if (typeof card === 'string') await turn.reply(card);
  else if (how === 'respond') await turn.respond(card);
  else await turn.reply({ card });
}

/** Inputs in a status card are named per point (`frist_<id>`), since one card holds many points. */
function input(data: Record<string, unknown>, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A change to a point; a stale or closed card is answered and replaced by the points as they are
 * now. A point the change closed can be opened again from the card that answers it ("Angre").
 */
async function changePoint(turn: Turn, deps: BotDeps, where: StatusPlace, run: () => Promise<FollowUp>, done: string): Promise<void> {
  const saved = await attempt(turn, deps, run, async (problem, error) => {
    await turn.reply(problem);
    if (isDomainError(error) && (error.code === ErrorCode.Stale || error.code === ErrorCode.AlreadyClosed || error.code === ErrorCode.NotFound)) {
      await showStatus(turn, deps, where);
    }
  });
  if (saved === undefined) return;
  // A briefing point may have moved on an agenda; the scheduler updates posted cards.
  deps.notifier.kick();
  await showStatus(turn, deps, where, done, 'respond', saved);
}

/**
 * Sent minutes list the points made from their items, except those cancelled: a point cancelled,
 * or opened again after it was, changes what they show, so they count as changed.
 */
function noteCancelling(draft: Data, before: Readonly<Data>, point: FollowUp, actor: Member | undefined, now: Date): FollowUp {
  const was = before.followUps.find((p) => p.id === point.id)?.status;
  if ((was === 'avlyst') !== (point.status === 'avlyst')) notePointChange(draft, point, actor?.id, now);
  return point;
}

export const statusShowAction = defineAction({
  verb: Verb.StatusShow,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.StatusShow), ...place }),
  async handle(turn, data, deps) {
    await showStatus(turn, deps, { filter: data.filter, page: data.page });
  },
});

export const followUpDoneAction = defineAction({
  verb: Verb.FollowUpDone,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.FollowUpDone), ...pointRef }),
  async handle(turn, data, deps) {
    const where = { filter: data.filter, page: data.page };
    await changePoint(
      turn,
      deps,
      where,
      () => deps.store.update((draft) => setFollowUpStatus(draft, data.id, turn.member, 'fullført', data.revision, deps.clock.now(), deps.timeZone)),
      messages(turn.lang)['followUp.headline.done'],
    );
  },
});

/** "Utsett": reads the new deadline and shows it back; nothing is saved until it is confirmed. */
export const followUpPostponeAction = defineAction({
  verb: Verb.FollowUpPostpone,
  role: COUNCIL,
  schema: z.looseObject({ verb: z.literal(Verb.FollowUpPostpone), ...pointRef }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const text = input(data, `frist_${data.id}`) ?? '';
    if (await refuseTooLong(turn, [[m['status.postponeField'], text, 200]])) return;
    const where = { filter: data.filter, page: data.page };
    const now = deps.clock.now();
    const current = deps.store.read();
    const understood = await attempt(
      turn,
      deps,
      async () => {
        const point = findFollowUp(current, data.id);
        if (!mayChangeFollowUp(turn.member, point)) throw new DomainError(ErrorCode.NotOwner, 'not the owner');
        if (!isOpen(point)) throw new DomainError(ErrorCode.AlreadyClosed, 'closed', { status: point.status });
        return { point, due: parseDue(text, current, now, deps.timeZone) };
      },
      // The card is left as it is, so what was typed stays there to correct.
      (problem) => turn.reply(problem),
    );
    if (!understood) return;
    await turn.respond(postponeConfirmCard(current, understood.point, understood.due, text.trim(), where, turn.lang, deps.timeZone));
  },
});

const dueData = { dueDate: z.iso.date().optional(), dueMeetingId: id.optional() };

function dueOf(data: { dueDate?: string | undefined; dueMeetingId?: string | undefined }): Due | undefined {
  if (data.dueMeetingId) return { dueMeetingId: data.dueMeetingId };
  if (data.dueDate) return { dueDate: data.dueDate };
  return undefined;
}

export const followUpPostponeConfirmAction = defineAction({
  verb: Verb.FollowUpPostponeConfirm,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.FollowUpPostponeConfirm), ...pointRef, ...dueData }),
  async handle(turn, data, deps) {
    const due = dueOf(data);
    if (!due) return turn.reply(messages(turn.lang)['input.invalid']);
    await changePoint(
      turn,
      deps,
      { filter: data.filter, page: data.page },
      () =>
        deps.store.update((draft) => {
          const now = deps.clock.now();
          const point = postponeFollowUp(draft, data.id, turn.member, due, data.revision, now, deps.timeZone);
          // The owner hears of a deadline someone else moved; sent minutes show the deadline.
          queueRescheduledNotice(draft, point, turn.member?.id, now);
          notePointChange(draft, point, turn.member?.id, now);
          return point;
        }),
      messages(turn.lang)['followUp.headline.postponed'],
    );
  },
});

/**
 * "Legg til oppdatering". Text alone is kept even on an out-of-date card, so two people writing
 * at once both keep theirs. On a refusal the card is left as it is, with what was typed.
 */
export const followUpUpdateAction = defineAction({
  verb: Verb.FollowUpUpdate,
  role: COUNCIL,
  schema: z.looseObject({ verb: z.literal(Verb.FollowUpUpdate), id, revision: z.number().int().nonnegative().optional(), ...place }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const text = input(data, `tekst_${data.id}`) ?? '';
    if (await refuseTooLong(turn, [[m['status.updateField'], text, 4000]])) return;
    const chosen = FollowUpStatusSchema.safeParse(input(data, `status_${data.id}`));
    const status = chosen.success ? chosen.data : undefined;
    const saved = await attempt(
      turn,
      deps,
      () => deps.store.update((draft, before) => noteCancelling(draft, before, addFollowUpUpdate(draft, data.id, turn.member, text, status, deps.clock.now(), deps.timeZone), turn.member, deps.clock.now())),
      (problem) => turn.reply(problem),
    );
    if (saved === undefined) return;
    deps.notifier.kick();
    await showStatus(turn, deps, { filter: data.filter, page: data.page }, m['followUp.headline.updated'], 'respond', saved);
  },
});

/** "Angre" on the card that answered a closing: the point is open again, as it was. */
export const followUpReopenAction = defineAction({
  verb: Verb.FollowUpReopen,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.FollowUpReopen), ...pointRef }),
  async handle(turn, data, deps) {
    await changePoint(
      turn,
      deps,
      { filter: data.filter, page: data.page },
      () => deps.store.update((draft, before) => noteCancelling(draft, before, reopenFollowUp(draft, data.id, turn.member, data.revision, deps.clock.now(), deps.timeZone), turn.member, deps.clock.now())),
      messages(turn.lang)['followUp.headline.reopened'],
    );
  },
});

const formFields = {
  title: typed.optional(),
  description: typed.optional(),
  focusAreaId: z.string().max(200).optional(),
  responsible: z.string().max(50).optional(),
  ownerMemberId: z.string().max(200).optional(),
  due: typed.optional(),
  briefing: field.toggle.optional(),
  meetingId: id.optional(),
  itemId: id.optional(),
  fromMinutes: field.toggle.optional(),
  // A change to an existing point: which, at what revision, and the status card's place to return to.
  pointId: id.optional(),
  revision: z.number().int().nonnegative().optional(),
  filter: z.string().max(200).optional(),
  page: z.number().int().min(1).max(100_000).optional(),
};

function formValues(data: Readonly<Data>, fields: FormFields): FollowUpFormValues {
  const empty = emptyFormValues(data);
  return {
    title: fields.title ?? '',
    description: fields.description ?? '',
    focusAreaId: fields.focusAreaId ?? empty.focusAreaId,
    responsible: fields.responsible ?? empty.responsible,
    ownerMemberId: fields.ownerMemberId ?? '',
    due: fields.due ?? '',
    briefing: isOn(fields.briefing) ? 'true' : 'false',
  };
}

function sourceOf(fields: { meetingId?: string | undefined; itemId?: string | undefined; fromMinutes?: string | boolean | undefined }): FollowUpSource | undefined {
  if (!fields.meetingId || !fields.itemId) return undefined;
  return { meetingId: fields.meetingId, itemId: fields.itemId, ...(isOn(fields.fromMinutes) ? { fromMinutes: true as const } : {}) };
}

function editingOf(fields: { pointId?: string | undefined; revision?: number | undefined; filter?: string | undefined; page?: number | undefined }): FollowUpEditing | undefined {
  if (!fields.pointId || fields.revision === undefined) return undefined;
  return { pointId: fields.pointId, revision: fields.revision, filter: fields.filter ?? '', page: fields.page ?? 1 };
}

/** The form's values as a point, with the due date read; throws a coded error for the form to show. */
function inputOf(values: FollowUpFormValues, source: FollowUpSource | undefined, due: Due | undefined): FollowUpInput {
  const responsible = ResponsibleSchema.safeParse(values.responsible);
  if (!responsible.success) throw new DomainError(ErrorCode.NotFound, 'unknown responsible party');
  return {
    title: values.title,
    description: values.description,
    focusAreaId: values.focusAreaId,
    responsible: responsible.data,
    ownerMemberId: values.ownerMemberId || undefined,
    due,
    dropDue: meansNoDue(values.due),
    briefing: values.briefing === 'true',
    source: source && { meetingId: source.meetingId, itemId: source.itemId },
  };
}

async function refuseLongFields(turn: Turn, values: FollowUpFormValues): Promise<boolean> {
  const m = messages(turn.lang);
  return refuseTooLong(turn, [
    [m['followUpForm.titleLabel'], values.title, 500],
    [m['followUpForm.description'], values.description, 4000],
    [m['followUpForm.due'], values.due, 200],
  ]);
}

type FormFields = { [K in keyof typeof formFields]?: z.infer<(typeof formFields)[K]> };

/** The form: empty, from an agenda item (titled after it), or with the values to change. */
async function showFollowUpForm(turn: Turn, deps: BotDeps, fields: FormFields): Promise<void> {
  const store = deps.store.read();
  const editing = editingOf(fields);
  if (editing) {
    if (await refuseOutsidePersonal(turn, 'followUpForm.personalOnly')) return;
    return turn.respond(followUpFormCard(store, formValues(store, fields), undefined, turn.lang, deps.timeZone, '', editing));
  }
  const source = sourceOf(fields);
  const item = source ? store.meetings.find((x) => x.id === source.meetingId)?.agenda.find((i) => i.id === source.itemId) : undefined;
  if (source && !item) return turn.reply(messages(turn.lang)['problem.not-found']);
  const values = formValues(store, { ...fields, title: fields.title ?? item?.title.replace(/^Oppfølging: /, '') });
  await turn.respond(followUpFormCard(store, values, source, turn.lang, deps.timeZone));
}

export const followUpFormAction = defineAction({
  verb: Verb.FollowUpForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.FollowUpForm), ...formFields }),
  handle: (turn, data, deps) => showFollowUpForm(turn, deps, data),
});

/**
 * "Historikk" on a point: everything written and changed on it. Members see their own points'
 * history, the secretariat and the chairs any; a point from a confidential item only in personal chat.
 */
export const followUpHistoryAction = defineAction({
  verb: Verb.FollowUpHistory,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.FollowUpHistory), id, ...place }),
  async handle(turn, data, deps) {
    await showHistory(turn, deps, data.id, { filter: data.filter, page: data.page });
  },
});

/** A point's history, to its owner, the secretariat and the chairs; a point from a confidential item in personal chat only. */
export async function showHistory(turn: Turn, deps: BotDeps, pointId: string, place: StatusPlace): Promise<void> {
  const m = messages(turn.lang);
  const store = deps.store.read();
  const point = store.followUps.find((p) => p.id === pointId);
  if (!point) return turn.reply(m['problem.not-found']);
  if (!maySeeFollowUp(turn.member, point)) return turn.reply(m['history.notYours']);
  if (audienceOf(turn) === 'shared' && isConfidentialPoint(store, point)) return turn.reply(m['history.personalOnly']);
  await turn.respond(historyCard(store, point, place, turn.lang, deps.timeZone));
}

/** "Endre" on a point: the form with the point as it is now, for the secretariat in personal chat. */
export const followUpEditAction = defineAction({
  verb: Verb.FollowUpEdit,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.FollowUpEdit), ...pointRef }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'followUpForm.personalOnly')) return;
    const m = messages(turn.lang);
    const store = deps.store.read();
    const point = store.followUps.find((p) => p.id === data.id);
    const where = { filter: data.filter, page: data.page };
    if (!point || !isOpen(point)) {
      await turn.reply(point ? m['problem.already-closed']({ status: m[`followUp.status.${point.status}`] }) : m['problem.not-found']);
      return showStatus(turn, deps, where);
    }
    // The form is made from the point as it is now, whatever the card showed.
    await turn.respond(followUpFormCard(store, pointFormValues(point), undefined, turn.lang, deps.timeZone, '', { pointId: point.id, revision: point.revision, ...where }));
  },
});

/**
 * "Nytt oppfølgingspunkt" under an item of the minutes: what is typed in the minutes is saved
 * first, so nothing written is lost, then the follow-up form opens for a point made from that
 * item. Saving the point, or «Tilbake til referatet», brings the secretary back to the minutes.
 */
export const minutesFollowUpAction = defineAction({
  verb: Verb.MinutesFollowUp,
  role: SECRETARIAT,
  schema: minutesFormData.extend({ verb: z.literal(Verb.MinutesFollowUp), itemId: id }),
  async handle(turn, data, deps) {
    if (await refuseOutsidePersonal(turn, 'minutes.personalOnly')) return;
    const meeting = deps.store.read().meetings.find((m) => m.id === data.meetingId);
    if (!meeting) return replyMeetingNotFound(turn);
    if (!meeting.agenda.some((item) => item.id === data.itemId)) return turn.reply(messages(turn.lang)['problem.not-found']);
    if (!(await saveMinutesForm(turn, deps, data, meeting, false))) return;
    await showFollowUpForm(turn, deps, { meetingId: meeting.id, itemId: data.itemId, fromMinutes: true });
  },
});

/** Checks the form and reads the due date; what was understood is shown back before saving. */
export const followUpCheckAction = defineAction({
  verb: Verb.FollowUpCheck,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.FollowUpCheck), ...formFields }),
  async handle(turn, data, deps) {
    const store = deps.store.read();
    const values = formValues(store, data);
    const editing = editingOf(data);
    if (editing && (await refuseOutsidePersonal(turn, 'followUpForm.personalOnly'))) return;
    if (await refuseLongFields(turn, values)) return;
    const source = editing ? undefined : sourceOf(data);
    const now = deps.clock.now();
    try {
      const due = values.due.trim() && !meansNoDue(values.due) ? parseDue(values.due, store, now, deps.timeZone) : undefined;
      const input = checkFollowUpInput(store, inputOf(values, source, due), now, deps.timeZone);
      const key = turn.activityId ?? `${turn.user.id}|${now.toISOString()}`;
      if (!editing) return await turn.respond(followUpConfirmCard(store, input, values, source, turn.lang, deps.timeZone, now, key));
      const point = findFollowUp(store, editing.pointId);
      if (!isOpen(point)) throw new DomainError(ErrorCode.AlreadyClosed, `${point.id} is ${point.status}`, { status: point.status });
      const changed = followUpChanges(point, input);
      if (changed.length === 0) return await turn.respond(followUpFormCard(store, values, undefined, turn.lang, deps.timeZone, messages(turn.lang)['followUpForm.nothingChanged'], editing));
      await turn.respond(followUpConfirmCard(store, input, values, undefined, turn.lang, deps.timeZone, now, key, { target: editing, point, changed }));
    } catch (error) {
      const problem = problemText(error, turn.lang, store, deps.timeZone);
      if (problem === undefined) throw error;
      await turn.respond(followUpFormCard(store, values, source, turn.lang, deps.timeZone, problem, editing));
    }
  },
});

export const followUpSaveAction = defineAction({
  verb: Verb.FollowUpSave,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.FollowUpSave), ...formFields, ...dueData, requestKey: z.string().min(1).max(500) }),
  async handle(turn, data, deps) {
    const memberId = turn.member?.id;
    if (!memberId) return;
    const values = formValues(deps.store.read(), data);
    const editing = editingOf(data);
    if (editing) return saveChanges(turn, deps, values, editing, dueOf(data));
    if (await refuseLongFields(turn, values)) return;
    const source = sourceOf(data);
    const saved = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) => {
          const now = deps.clock.now();
          const point = createFollowUp(draft, inputOf(values, source, dueOf(data)), memberId, now, deps.timeZone, data.requestKey);
          queueAssignedNotice(draft, point, memberId, now);
          notePointChange(draft, point, memberId, now);
          return point;
        }),
      // Back to the form with everything that was typed and the problem stated.
      (problem) => turn.respond(followUpFormCard(deps.store.read(), values, source, turn.lang, deps.timeZone, problem)),
    );
    if (!saved) return;
    deps.notifier.kick();
    if (source?.fromMinutes) {
      const number = deps.store.read().meetings.find((x) => x.id === source.meetingId)?.agenda.findIndex((i) => i.id === source.itemId) ?? -1;
      return showSavedMinutes(turn, deps, source.meetingId, messages(turn.lang)['minutes.pointSaved']({ title: saved.title, number: number + 1 }));
    }
    await showStatus(turn, deps, { filter: '', page: 1 }, messages(turn.lang)['followUp.headline.created']);
  },
});

/**
 * Saves the secretariat's change to a point. A form made before someone else's change comes back
 * with what was typed and the point's new revision, so it can be saved again after a look; a
 * point closed or gone in the meantime is said so, with the points as they are now.
 */
async function saveChanges(turn: Turn, deps: BotDeps, values: FollowUpFormValues, editing: FollowUpEditing, due: Due | undefined): Promise<void> {
  if (await refuseOutsidePersonal(turn, 'followUpForm.personalOnly')) return;
  if (await refuseLongFields(turn, values)) return;
  const m = messages(turn.lang);
  const where = { filter: editing.filter, page: editing.page };
  const saved = await attempt(
    turn,
    deps,
    () =>
      deps.store.update((draft) => {
        const now = deps.clock.now();
        const formerOwner = draft.followUps.find((p) => p.id === editing.pointId)?.ownerMemberId;
        const edited = editFollowUp(draft, editing.pointId, inputOf(values, undefined, due), turn.member, editing.revision, now, deps.timeZone);
        if (edited.changed.includes('owner')) queueAssignedNotice(draft, edited.point, turn.member?.id, now, formerOwner);
        // A new owner hears the deadline with the point; the same owner hears that it moved.
        else if (edited.changed.includes('due')) queueRescheduledNotice(draft, edited.point, turn.member?.id, now);
        // What the minutes show of a point: its title, who answers for it and its deadline.
        if (edited.changed.some((f) => f === 'title' || f === 'responsible' || f === 'owner' || f === 'due')) notePointChange(draft, edited.point, turn.member?.id, now);
        return edited;
      }),
    async (problem, error) => {
      const code = isDomainError(error) ? error.code : undefined;
      if (code === ErrorCode.AlreadyClosed || (code === ErrorCode.NotFound && !deps.store.read().followUps.some((p) => p.id === editing.pointId))) {
        await turn.reply(problem);
        return showStatus(turn, deps, where);
      }
      const now = deps.store.read().followUps.find((p) => p.id === editing.pointId);
      const text = code === ErrorCode.Stale ? m['followUpForm.stale'] : problem;
      await turn.respond(followUpFormCard(deps.store.read(), values, undefined, turn.lang, deps.timeZone, text, { ...editing, revision: now?.revision ?? editing.revision }));
    },
  );
  if (!saved) return;
  deps.notifier.kick();
  const headline = saved.changed.length > 0 ? m['followUp.headline.edited']({ changes: listOf(turn.lang, saved.changed.map((f) => m[`followUp.field.${f}`])) }) : m['problem.nothingChanged'];
  await showStatus(turn, deps, where, headline);
}

export const followUpImportAction = defineAction({
  verb: Verb.FollowUpImport,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.FollowUpImport), ...place }),
  async handle(turn, data, deps) {
    const seed = deps.seedFollowUps?.();
    const added = seed ? await attempt(turn, deps, () => deps.store.update((draft) => importFollowUps(draft, seed, deps.clock.now(), deps.timeZone))) : [];
    if (added === undefined) return;
    deps.notifier.kick();
    await showStatus(turn, deps, { filter: data.filter, page: data.page }, messages(turn.lang)['followUp.imported']({ count: added.length }));
  },
});
