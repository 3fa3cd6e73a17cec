import { z } from 'zod';
import { DomainError, ErrorCode } from './errors.js';
import { findMember } from './members.js';
import { catchUpInvites } from './salto-rounds.js';
import { ReportingUnitSchema, type Data, type Delivery, type Member, type ReportingUnit } from './schema.js';
import { areasKeyOf, saveAreas, type AreasInput, type AreasSaved } from './focus-areas.js';
import { freshId, isTooLong, slug } from './text.js';

/* What the secretary may change of the SaLTo data: the units, who reports for them, and the focus areas per period. */

export const UNIT_NAME_LIMIT = 120;
export { AREA_TITLE_LIMIT, MAX_AREAS, normalisePeriod } from './focus-areas.js';

export const UNIT_KINDS = ReportingUnitSchema.shape.kind.options;

const COORDINATOR = 'salto-koordinator';

export function findUnit(data: Readonly<Data>, unitId: string): ReportingUnit {
  const unit = data.reportingUnits.find((u) => u.id === unitId);
  if (!unit) throw new DomainError(ErrorCode.NotFound, `no unit ${unitId}`);
  return unit;
}

export interface NewCoordinator {
  name: string;
  email: string;
}

export interface UnitInput {
  /** Absent for a new unit. */
  unitId?: string | undefined;
  /** The unit's revision the form was made from; a change by someone else since is refused as stale. */
  revision?: number | undefined;
  name: string;
  kind: string;
  /** Every member who should report for the unit; the others lose it. */
  coordinatorIds: readonly string[];
  /** Someone not yet known to the bot, added as a member by email and matched when they first write. */
  newCoordinator?: NewCoordinator | undefined;
  retired: boolean;
}

export interface UnitSaved {
  unit: ReportingUnit;
  created: boolean;
  /** Members who report for the unit now and did not before. */
  added: Member[];
  removed: Member[];
  /** Round invitations queued for the added coordinators (open rounds that ask for the unit). */
  invited: Delivery[];
}

function checkUnitInput(data: Readonly<Data>, input: UnitInput): { name: string; kind: ReportingUnit['kind'] } {
  const name = input.name.trim().replace(/\s+/g, ' ');
  if (!name) throw new DomainError(ErrorCode.EmptyTitle, 'empty unit name', { what: 'unit' });
  if (isTooLong(name, UNIT_NAME_LIMIT)) throw new DomainError(ErrorCode.TextTooLong, 'unit name too long', { limit: UNIT_NAME_LIMIT });
  const kind = UNIT_KINDS.find((k) => k === input.kind);
  if (!kind) throw new DomainError(ErrorCode.InvalidInput, `unknown unit kind ${input.kind}`);
  const twin = data.reportingUnits.find((u) => u.id !== input.unitId && u.name.toLocaleLowerCase('nb') === name.toLocaleLowerCase('nb'));
  if (twin) throw new DomainError(ErrorCode.NameTaken, `a unit is called ${name}`, { name: twin.name });
  for (const id of input.coordinatorIds) {
    if (!data.members.some((m) => m.id === id)) throw new DomainError(ErrorCode.NotFound, `no member ${id}`);
  }
  return { name, kind };
}

/**
 * The member the new coordinator is: one already known by that email, or a new member (not yet
 * added). Everything is checked before anything is changed.
 */
function coordinatorMember(data: Readonly<Data>, person: NewCoordinator): { member: Member; known: boolean } {
  const name = person.name.trim().replace(/\s+/g, ' ');
  const email = person.email.trim();
  if (!z.email().safeParse(email).success) throw new DomainError(ErrorCode.InvalidEmail, 'not an email address', { email });
  const known = findMember(data, { email, upn: email });
  if (known) return { member: known, known: true };
  if (!name) throw new DomainError(ErrorCode.EmptyTitle, 'a new coordinator needs a name', { what: 'coordinator' });
  if (isTooLong(name, 200)) throw new DomainError(ErrorCode.TextTooLong, 'name too long', { limit: 200 });
  return { member: { id: freshId(slug(name), (id) => data.members.some((m) => m.id === id)), name, email, roles: [], unitIds: [] }, known: false };
}

/**
 * Adds or changes a reporting unit and sets who reports for it. A member who no longer reports
 * for any unit stops being a coordinator; one who newly does is invited to the open rounds that
 * ask for the unit. Rounds already opened keep their units, so retiring a unit affects only
 * rounds to come.
 */
export function saveUnit(data: Data, input: UnitInput, now: Date, timeZone: string): UnitSaved {
  // Staleness first: any other refusal then means the form's values are still the latest.
  const existing = input.unitId === undefined ? undefined : findUnit(data, input.unitId);
  if (existing && input.revision !== undefined && input.revision !== existing.revision) throw new DomainError(ErrorCode.Stale, `${existing.id} changed`, { what: 'unit' });
  const { name, kind } = checkUnitInput(data, input);
  const person = input.newCoordinator;
  const newcomer = person && (person.name.trim() || person.email.trim()) ? coordinatorMember(data, person) : undefined;

  // Checked; from here on nothing throws.
  const unit: ReportingUnit = existing ?? { id: freshId(slug(name), (id) => data.reportingUnits.some((u) => u.id === id)), name, kind, retired: input.retired, revision: 0 };
  if (existing) Object.assign(unit, { name, kind, retired: input.retired, revision: unit.revision + 1 });
  else data.reportingUnits.push(unit);
  if (newcomer && !newcomer.known) data.members.push(newcomer.member);
  const wanted = new Set(input.coordinatorIds);
  if (newcomer) wanted.add(newcomer.member.id);

  const added: Member[] = [];
  const removed: Member[] = [];
  for (const member of data.members) {
    const had = member.roles.includes(COORDINATOR) && member.unitIds.includes(unit.id);
    if (wanted.has(member.id) && !had) {
      if (!member.unitIds.includes(unit.id)) member.unitIds.push(unit.id);
      if (!member.roles.includes(COORDINATOR)) member.roles.push(COORDINATOR);
      added.push(member);
    } else if (!wanted.has(member.id) && member.unitIds.includes(unit.id)) {
      member.unitIds = member.unitIds.filter((u) => u !== unit.id);
      if (member.unitIds.length === 0) member.roles = member.roles.filter((r) => r !== COORDINATOR);
      if (had) removed.push(member);
    }
  }
  const invited = added.flatMap((member) => catchUpInvites(data, member.id, now, timeZone));
  return { unit, created: existing === undefined, added, removed, invited };
}

/** The current programme period's areas as the form shows them; a form made from other areas is stale. */
export const areasKey = (data: Readonly<Data>): string => areasKeyOf(data, 'salto');

/**
 * Changes the focus areas of the current programme period, or starts a new period with its own.
 * Rounds keep the areas they were opened with: an area an existing round asks about cannot be
 * removed, only renamed; a new period is used from the next round on.
 */
export const saveFocusAreas = (data: Data, input: AreasInput): AreasSaved => saveAreas(data, 'salto', input);
