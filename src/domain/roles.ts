import { RoleSchema, type Member, type Role } from './schema.js';

export const ROLES: readonly Role[] = RoleSchema.options;

/** Who may use a command or card action: anyone who can reach the bot, or one of some roles. */
export type Access = 'alle' | readonly Role[];

/** Everyone who sits on, observes or serves the council. */
export const COUNCIL: readonly Role[] = ['leder', 'nestleder', 'medlem', 'observator', 'sekretariat', 'admin'];
export const SECRETARIAT: readonly Role[] = ['sekretariat', 'admin'];
export const COORDINATORS: readonly Role[] = ['salto-koordinator', 'sekretariat', 'admin'];

export function rolesOf(member: Member | undefined): readonly Role[] {
  return member?.roles ?? [];
}

/** The secretariat (and administrators) may see and change everything the council keeps. */
export function isSecretariat(member: Member | undefined): boolean {
  return member?.roles.some((role) => SECRETARIAT.includes(role)) ?? false;
}

/** The council's chair and deputy chair: they lead the meetings where the follow-up list is gone through. */
export const CHAIRS: readonly Role[] = ['leder', 'nestleder'];

/**
 * Who sees every follow-up point, not only their own: the secretariat, and the chair and deputy
 * chair. Seeing is not changing: only the secretariat changes another owner's point.
 */
export function seesAllPoints(member: Member | undefined): boolean {
  return isSecretariat(member) || (member?.roles.some((role) => CHAIRS.includes(role)) ?? false);
}

/** A point its owner sees, and those who see them all. */
export function maySeeFollowUp(member: Member | undefined, point: { ownerMemberId?: string | undefined }): boolean {
  return seesAllPoints(member) || (member !== undefined && point.ownerMemberId === member.id);
}

/**
 * Who may read what is shared in confidence (unntatt offentlighet): those who sit on, observe or
 * serve the council. Not SaLTo coordinators, and not anyone else who finds the bot.
 */
export function mayReadConfidential(member: Member | undefined): boolean {
  return mayUse(member, COUNCIL);
}

export function mayUse(member: Member | undefined, access: Access): boolean {
  if (access === 'alle') return true;
  const roles = rolesOf(member);
  return access.some((role) => roles.includes(role));
}
