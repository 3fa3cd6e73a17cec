import { z } from 'zod';
import { openMeeting } from '../../domain/meetings.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { roundOfMeeting } from '../../domain/salto-rounds.js';
import { saveUnit, UNIT_NAME_LIMIT } from '../../domain/salto-setup.js';
import { messages } from '../../i18n/index.js';
import { attempt, refuseTooLong } from '../meetings/handling.js';
import { setupCard, unitFormCard, unitFormValues, type UnitFormValues } from '../salto/setup-views.js';
import { roundFormCard } from '../salto/views.js';
import { showRound } from './salto.js';
import { defineAction, field, isOn } from './card-action.js';
import { Verb } from './verbs.js';

const { id, revision, typed, toggle } = field;

export const saltoSetupShowAction = defineAction({
  verb: Verb.SaltoSetupShow,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.SaltoSetupShow) }),
  async handle(turn, _data, deps) {
    await turn.respond(setupCard(deps.store.read(), turn.lang));
  },
});

export const unitFormAction = defineAction({
  verb: Verb.UnitForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.UnitForm), unitId: id.optional() }),
  async handle(turn, data, deps) {
    const store = deps.store.read();
    const unit = data.unitId ? store.reportingUnits.find((u) => u.id === data.unitId) : undefined;
    if (data.unitId && !unit) return turn.reply(messages(turn.lang)['problem.not-found']);
    await turn.respond(unitFormCard(store, unit, unitFormValues(store, unit?.id), turn.lang));
  },
});

export const unitSaveAction = defineAction({
  verb: Verb.UnitSave,
  role: SECRETARIAT,
  schema: z.object({
    verb: z.literal(Verb.UnitSave),
    unitId: id.optional(),
    revision: revision.optional(),
    name: typed.optional(),
    kind: z.string().max(50).optional(),
    coordinatorIds: typed.optional(),
    newName: typed.optional(),
    newEmail: typed.optional(),
    retired: toggle.optional(),
  }),
  async handle(turn, data, deps) {
    const m = messages(turn.lang);
    const values: UnitFormValues = {
      name: data.name ?? '',
      kind: data.kind ?? '',
      coordinatorIds: data.coordinatorIds ?? '',
      newName: data.newName ?? '',
      newEmail: data.newEmail ?? '',
      retired: isOn(data.retired) ? 'true' : 'false',
    };
    if (await refuseTooLong(turn, [[m['unitForm.name'], values.name, UNIT_NAME_LIMIT], [m['unitForm.newName'], values.newName, 200], [m['unitForm.newEmail'], values.newEmail, 320]])) return;
    const now = deps.clock.now();
    const saved = await attempt(
      turn,
      deps,
      () =>
        deps.store.update((draft) =>
          saveUnit(
            draft,
            {
              unitId: data.unitId,
              revision: data.revision,
              name: values.name,
              kind: values.kind,
              coordinatorIds: values.coordinatorIds.split(',').map((s) => s.trim()).filter(Boolean),
              newCoordinator: { name: values.newName, email: values.newEmail },
              retired: values.retired === 'true',
            },
            now,
            deps.timeZone,
          ),
        ),
      // Back to the form with everything typed; after a stale refusal it carries the unit's
      // current revision, so saving again is a deliberate choice.
      async (problem) => {
        const store = deps.store.read();
        const unit = data.unitId ? store.reportingUnits.find((u) => u.id === data.unitId) : undefined;
        await turn.respond(unitFormCard(store, unit, values, turn.lang, problem));
      },
    );
    if (!saved) return;
    if (saved.invited.length > 0) deps.notifier.kick();
    const headline = [
      saved.created ? m['saltoSetup.unitAdded']({ unit: saved.unit.name }) : m['saltoSetup.unitSaved']({ unit: saved.unit.name }),
      saved.added.length > 0 ? m['saltoSetup.coordinatorsAdded']({ names: saved.added.map((a) => a.name).join(', '), invited: saved.invited.length }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    await turn.respond(setupCard(deps.store.read(), turn.lang, headline));
  },
});

/** The agenda editor's button on the SaLTo item: open the meeting's round, or see it once opened. */
export const roundFormAction = defineAction({
  verb: Verb.RoundForm,
  role: SECRETARIAT,
  schema: z.object({ verb: z.literal(Verb.RoundForm), meetingId: id }),
  async handle(turn, data, deps) {
    const store = deps.store.read();
    const round = roundOfMeeting(store, data.meetingId);
    if (round) return showRound(turn, deps, round.id, 'respond');
    const now = deps.clock.now();
    const meeting = await attempt(turn, deps, async () => openMeeting(store, data.meetingId, now));
    if (!meeting) return;
    const card = roundFormCard(store, turn.lang, deps.timeZone, now, { meetingId: meeting.id });
    if (card) await turn.respond(card);
  },
});
