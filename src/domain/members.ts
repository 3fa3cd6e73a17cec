import type { Data, Member } from './schema.js';

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
