import { renderCard, type Card, type SaltoUnitFormCardModel } from '../../cards/render.js';
import { currentSaltoFocusAreas, unitCoordinators } from '../../domain/salto-rounds.js';
import { UNIT_KINDS } from '../../domain/salto-setup.js';
import type { Data, Lang } from '../../domain/schema.js';
import { messages } from '../../i18n/index.js';
import { Verb } from '../actions/verbs.js';

/** `/salto`: the focus areas new rounds ask about, and each reporting unit with who reports for it. */
export function setupCard(data: Readonly<Data>, lang: Lang, headline = ''): Card {
  const m = messages(lang);
  const areas = currentSaltoFocusAreas(data);
  // Units that still report first, in the data's order; retired ones after them.
  const units = [...data.reportingUnits].sort((a, b) => Number(a.retired) - Number(b.retired));
  return renderCard('salto-setup', {
    headline,
    title: m['saltoSetup.title'],
    intro: m['saltoSetup.intro'],
    areasHeading: m['saltoSetup.areasHeading']({ period: areas[0]?.period ?? '' }),
    areas: areas.length > 0 ? areas.map((a) => ({ text: `${a.number}. ${a.title}` })) : [{ text: m['saltoSetup.noAreas'] }],
    unitsHeading: m['saltoSetup.unitsHeading']({ count: units.filter((u) => !u.retired).length }),
    units: units.map((unit) => {
      const coordinators = unitCoordinators(data, unit.id)
        .map((c) => c.name)
        .sort((a, b) => a.localeCompare(b, 'nb'));
      return {
        name: unit.name,
        detail: [m[`saltoSetup.kind.${unit.kind}`], unit.retired ? m['saltoSetup.retired'] : coordinators.join(', ') || m['saltoSetup.noCoordinator']].join(' · '),
        detailColor: !unit.retired && coordinators.length === 0 ? ('Attention' as const) : ('Default' as const),
        retired: unit.retired,
        edit: { verb: Verb.UnitForm, unitId: unit.id },
      };
    }),
    editAreas: { verb: Verb.AreasForm },
    addUnit: { verb: Verb.UnitForm },
    labels: { editAreas: m['saltoSetup.editAreas'], editUnit: m['saltoSetup.editUnit'], addUnit: m['saltoSetup.addUnit'] },
  });
}

export type UnitFormValues = SaltoUnitFormCardModel['values'];

/** The unit's values as they are saved, for the form to start from; a new unit starts empty. */
export function unitFormValues(data: Readonly<Data>, unitId: string | undefined): UnitFormValues {
  const unit = unitId ? data.reportingUnits.find((u) => u.id === unitId) : undefined;
  return {
    name: unit?.name ?? '',
    kind: unit?.kind ?? 'bydel',
    coordinatorIds: unit ? unitCoordinators(data, unit.id).map((c) => c.id).join(',') : '',
    newName: '',
    newEmail: '',
    retired: unit?.retired ? 'true' : 'false',
  };
}

/**
 * A unit's form. `revision` is the unit's as the values were read, so a save over someone
 * else's later change is refused; after such a refusal the form comes back with what was typed.
 */
export function unitFormCard(data: Readonly<Data>, unit: { id: string; revision: number } | undefined, values: UnitFormValues, lang: Lang, problem = ''): Card {
  const m = messages(lang);
  const name = unit ? (data.reportingUnits.find((u) => u.id === unit.id)?.name ?? values.name) : '';
  return renderCard('salto-unit-form', {
    title: unit ? m['unitForm.titleEdit']({ unit: name }) : m['unitForm.titleNew'],
    problem,
    existing: unit !== undefined,
    values,
    kinds: UNIT_KINDS.map((kind) => ({ title: m[`saltoSetup.kind.${kind}`], value: kind })),
    members: [...data.members].sort((a, b) => a.name.localeCompare(b.name, 'nb')).map((member) => ({ title: member.name, value: member.id })),
    save: unit ? { verb: Verb.UnitSave, unitId: unit.id, revision: unit.revision } : { verb: Verb.UnitSave },
    back: { verb: Verb.SaltoSetupShow },
    labels: {
      name: m['unitForm.name'],
      nameError: m['unitForm.nameError'],
      kind: m['unitForm.kind'],
      kindError: m['unitForm.kindError'],
      coordinators: m['unitForm.coordinators'],
      newCoordinator: m['unitForm.newCoordinator'],
      newName: m['unitForm.newName'],
      newEmail: m['unitForm.newEmail'],
      retired: m['unitForm.retired'],
      save: m['unitForm.save'],
      back: m['unitForm.back'],
    },
  });
}
