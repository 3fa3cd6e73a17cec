import { z } from 'zod';
import { AREA_TITLE_LIMIT, MAX_AREAS, saveAreas, type AreaList, type AreasSaved } from '../../domain/focus-areas.js';
import { COUNCIL, SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import { areaField, areasFormCard, areasFormValues, councilAreasCard, periodLabel, type AreasFormValues } from '../focus-areas/views.js';
import type { Card } from '../../cards/render.js';
import { attempt, refuseTooLong } from '../meetings/handling.js';
import { setupCard } from '../salto/setup-views.js';
import type { BotDeps, Turn } from '../turn.js';
import { defineAction, field } from './card-action.js';
import { Verb } from './verbs.js';

const { typed } = field;
const areaFields = Object.fromEntries(Array.from({ length: MAX_AREAS }, (_, index) => [areaField(index), typed.optional()]));

/** Where each list's form comes from and goes back to, with what was saved as the headline. */
const AFTER_SAVE: Record<AreaList, (turn: Turn, deps: BotDeps, saved: AreasSaved) => Card> = {
  council: (turn, deps, saved) => {
    const m = messages(turn.lang);
    return councilAreasCard(deps.store.read(), turn.member, turn.lang, saved.newPeriod ? m['areas.periodStarted']({ period: saved.period }) : m['areas.saved']({ period: saved.period }));
  },
  salto: (turn, deps, saved) => {
    const m = messages(turn.lang);
    return setupCard(deps.store.read(), turn.lang, saved.newPeriod ? m['saltoSetup.periodStarted']({ period: saved.period }) : m['saltoSetup.areasSaved']({ period: saved.period }));
  },
};

function formAction<V extends typeof Verb.AreasForm | typeof Verb.CouncilAreasForm>(verb: V, list: AreaList) {
  return defineAction({
    verb,
    role: SECRETARIAT,
    schema: z.object({ verb: z.literal(verb) }),
    async handle(turn, _data, deps) {
      const store = deps.store.read();
      await turn.respond(areasFormCard(store, list, areasFormValues(store, list), turn.lang));
    },
  });
}

/** Saves a list's areas; a refusal brings the form back with what was typed. */
function saveAction<V extends typeof Verb.AreasSave | typeof Verb.CouncilAreasSave>(verb: V, list: AreaList) {
  return defineAction({
    verb,
    role: SECRETARIAT,
    schema: z.object({ verb: z.literal(verb), formKey: typed, period: typed.optional(), ...areaFields }),
    async handle(turn, data, deps) {
      const m = messages(turn.lang);
      const fields = data as Record<string, unknown>;
      const values: AreasFormValues = {
        period: data.period ?? '',
        titles: Array.from({ length: MAX_AREAS }, (_, index) => {
          const value = fields[areaField(index)];
          return typeof value === 'string' ? value : '';
        }),
      };
      const limits = values.titles.map((title, index) => [m['areasForm.area']({ number: index + 1 }), title, AREA_TITLE_LIMIT] as [string, string, number]);
      if (await refuseTooLong(turn, [[periodLabel(list, turn.lang), values.period, 40], ...limits])) return;
      const saved = await attempt(
        turn,
        deps,
        () => deps.store.update((draft) => saveAreas(draft, list, { period: values.period, titles: values.titles, key: data.formKey })),
        // The form again with what was typed; its key is the areas' current one.
        async (problem) => {
          await turn.respond(areasFormCard(deps.store.read(), list, values, turn.lang, problem));
        },
      );
      if (!saved) return;
      await turn.respond(AFTER_SAVE[list](turn, deps, saved));
    },
  });
}

export const areasFormAction = formAction(Verb.AreasForm, 'salto');
export const areasSaveAction = saveAction(Verb.AreasSave, 'salto');
export const councilAreasFormAction = formAction(Verb.CouncilAreasForm, 'council');
export const councilAreasSaveAction = saveAction(Verb.CouncilAreasSave, 'council');

export const councilAreasShowAction = defineAction({
  verb: Verb.CouncilAreasShow,
  role: COUNCIL,
  schema: z.object({ verb: z.literal(Verb.CouncilAreasShow) }),
  async handle(turn, _data, deps) {
    await turn.respond(councilAreasCard(deps.store.read(), turn.member, turn.lang));
  },
});
