import { z } from 'zod';
import { DomainError, ErrorCode } from './errors.js';
import { COUNCIL, SECRETARIAT } from './roles.js';
import type { Data, Member, Role } from './schema.js';
import { freshId, isTooLong, slug } from './text.js';

/** What Teams tells us about a user; email and UPN come from a member lookup on first contact. */
export interface Identity {
  aadObjectId?: string | undefined;
  email?: string | undefined;
  upn?: string | undefined;
}

const same = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

export function findMemberByAadId(data: Readonly<Data>, aadObjectId: string | undefined): Member | undefined {
  if (!aadObjectId) return undefined;
  return data.members.find((m) => same(m.aadObjectId, aadObjectId));
}

/** Object id first (it never changes); email or UPN only for members not yet linked to another id. */
export function findMember(data: Readonly<Data>, who: Identity): Member | undefined {
  const byId = findMemberByAadId(data, who.aadObjectId);
  if (byId) return byId;
  return data.members.find(
    (m) =>
      (m.aadObjectId === undefined || !who.aadObjectId) &&
      [who.email, who.upn].some((address) => same(m.email, address) || same(m.upn, address)),
  );
}

/**
 * Records the object id of a member first recognised by email or UPN, so later turns need no
 * lookup. Returns the member, or undefined when the identity matches no one.
 */
export function linkIdentity(data: Data, who: Identity): Member | undefined {
  const member = findMember(data, who);
  if (member && who.aadObjectId && member.aadObjectId === undefined) member.aadObjectId = who.aadObjectId;
  return member;
}

/** The longest name, title or organisation a member may have. */
export const MEMBER_TEXT_LIMIT = 200;

/** What the secretary fills in for a person on the council; coordinators are set under /salto. */
export interface MemberInput {
  /** The secretary making the change. */
  byMemberId?: string | undefined;
  /** Absent for a new person. */
  memberId?: string | undefined;
  /** `memberKey` of the member when the form was made; a change by someone else since is refused. */
  key?: string | undefined;
  name: string;
  title: string;
  organisation: string;
  email: string;
  /** Their roles on the council; none means they are no longer on it. */
  roles: readonly string[];
}

export interface MemberSaved {
  member: Member;
  created: boolean;
  /** True when the person had no role on the council before and has one now. */
  joined: boolean;
}

/** What the member form shows of a member, to tell whether it changed after the form was made. */
export function memberKey(member: Member): string {
  return JSON.stringify([member.name, member.title ?? '', member.organisation ?? '', member.email ?? '', [...member.roles].sort()]);
}

export const onCouncil = (member: Member) => member.roles.some((role) => COUNCIL.includes(role));

/**
 * Adds a person to the council or changes one: name, title, organisation, email and council
 * roles. A new person needs the email they use in Teams, so they are recognised when they first
 * write. Their SaLTo coordinator role is left as it is. No change may leave the secretariat
 * empty, and no secretary takes themself out of it. Everything is checked before anything is
 * changed.
 */
export function saveMember(data: Data, input: MemberInput): MemberSaved {
  const existing = input.memberId === undefined ? undefined : data.members.find((m) => m.id === input.memberId);
  if (input.memberId !== undefined && !existing) throw new DomainError(ErrorCode.NotFound, `no member ${input.memberId}`);
  if (existing && input.key !== undefined && input.key !== memberKey(existing)) throw new DomainError(ErrorCode.Stale, `${existing.id} changed`, { what: 'member' });
  const [name, title, organisation] = [input.name, input.title, input.organisation].map((text) => text.trim().replace(/\s+/g, ' ')) as [string, string, string];
  if (!name) throw new DomainError(ErrorCode.EmptyTitle, 'a member needs a name', { what: 'member' });
  if ([name, title, organisation].some((text) => isTooLong(text, MEMBER_TEXT_LIMIT))) throw new DomainError(ErrorCode.TextTooLong, 'member text too long', { limit: MEMBER_TEXT_LIMIT });
  const email = input.email.trim();
  if ((email || !existing) && !z.email().safeParse(email).success) throw new DomainError(ErrorCode.InvalidEmail, 'not an email address', { what: 'member', email });
  const twin = email ? data.members.find((m) => m !== existing && (same(m.email, email) || same(m.upn, email))) : undefined;
  if (twin) throw new DomainError(ErrorCode.NameTaken, `${email} is ${twin.id}'s`, { what: 'email', name: twin.name });
  const unknown = input.roles.find((role) => !COUNCIL.includes(role as Role));
  if (unknown !== undefined) throw new DomainError(ErrorCode.InvalidInput, `not a council role: ${unknown}`);
  const roles = [...COUNCIL.filter((role) => input.roles.includes(role)), ...(existing?.roles ?? []).filter((role) => !COUNCIL.includes(role))];
  const inSecretariat = (list: readonly Role[]) => list.some((role) => SECRETARIAT.includes(role));
  if (existing && existing.id === input.byMemberId && inSecretariat(existing.roles) && !inSecretariat(roles)) {
    throw new DomainError(ErrorCode.OwnSecretariat, 'a secretary cannot take away their own role');
  }
  const secretariatLeft = roles.some((role) => SECRETARIAT.includes(role)) || data.members.some((m) => m !== existing && m.roles.some((role) => SECRETARIAT.includes(role)));
  if (!secretariatLeft) throw new DomainError(ErrorCode.LastSecretariat, 'no one would be left in the secretariat');

  // Checked; from here on nothing throws.
  const wasOnCouncil = existing ? onCouncil(existing) : false;
  const member: Member = existing ?? { id: freshId(slug(name), (id) => data.members.some((m) => m.id === id)), name, roles: [], unitIds: [] };
  member.name = name;
  member.roles = roles;
  for (const [key, value] of [['title', title], ['organisation', organisation], ['email', email]] as const) {
    if (value) member[key] = value;
    else delete member[key];
  }
  if (!existing) data.members.push(member);
  return { member, created: !existing, joined: !wasOnCouncil && onCouncil(member) };
}
