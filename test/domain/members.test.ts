import { describe, expect, it } from 'vitest';
import { findMember, linkIdentity } from '../../src/domain/members.js';
import { demoData } from '../helpers/builders.js';

describe('finding the member behind a Teams user', () => {
  it('matches by Entra object id first', () => {
    expect(findMember(demoData(), { aadObjectId: '00000000-0000-4000-8000-00000000a002' })?.id).toBe('ola-hansen');
  });

  it('matches a member seeded by email, ignoring case and spaces', () => {
    expect(findMember(demoData(), { aadObjectId: 'new-id', email: ' Byrad.SET@oslo-kommune.example ' })?.id).toBe('byrad-set');
  });

  it('matches by UPN when Teams gives no email', () => {
    expect(findMember(demoData(), { upn: 'tor.lund@politiet.example' })?.id).toBe('tor-lund');
  });

  it('does not hand a member already linked to one object id to another object id with the same email', () => {
    expect(findMember(demoData(), { aadObjectId: 'someone-else', email: 'ola.hansen@oslo-kommune.example' })).toBeUndefined();
  });

  it('links the object id on first contact so later turns match at once', () => {
    const data = demoData();
    linkIdentity(data, { aadObjectId: 'aad-byrad-set', email: 'byrad.set@oslo-kommune.example' });
    expect(findMember(data, { aadObjectId: 'aad-byrad-set' })?.id).toBe('byrad-set');
  });

  it('finds no one for a stranger', () => {
    expect(findMember(demoData(), { aadObjectId: 'x', email: 'x@example.com' })).toBeUndefined();
  });
});
