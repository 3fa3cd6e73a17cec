import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import { findMember, linkIdentity, memberKey, saveMember, type MemberInput } from '../../src/domain/members.js';
import { codeOf, demoData } from '../helpers/builders.js';

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

describe('keeping the council\'s members', () => {
  const person = (extra: Partial<MemberInput> = {}): MemberInput => ({ name: 'Per Olsen', title: 'Byråd for miljø', organisation: 'Oslo kommune', email: 'per.olsen@oslo.kommune.no', roles: ['medlem'], byMemberId: 'kari-nordmann', ...extra });

  it('adds a person by name and email, recognised by that email when they first write', () => {
    const data = demoData();
    const saved = saveMember(data, person({ name: '  Per   Olsen ' }));
    expect(saved).toMatchObject({ created: true, joined: true, member: { id: 'per-olsen', name: 'Per Olsen', title: 'Byråd for miljø', email: 'per.olsen@oslo.kommune.no', roles: ['medlem'] } });
    expect(findMember(data, { aadObjectId: 'new-object-id', email: 'PER.OLSEN@oslo.kommune.no' })?.id).toBe('per-olsen');
    // A second Per Olsen gets an id of their own.
    expect(saveMember(data, person({ email: 'per.olsen2@oslo.kommune.no' })).member.id).toBe('per-olsen-2');
  });

  it('changes a member\'s details and council roles, keeping their SaLTo role, and takes them off the council with no roles', () => {
    const data = demoData();
    const aisha = data.members.find((m) => m.id === 'aisha-rahman')!;
    const joined = saveMember(data, { ...person({ name: 'Aisha Rahman', email: aisha.email ?? '', roles: ['observator'] }), memberId: aisha.id, key: memberKey(aisha) });
    expect(joined).toMatchObject({ created: false, joined: true });
    expect(aisha.roles).toEqual(['observator', 'salto-koordinator']);
    const ola = data.members.find((m) => m.id === 'ola-hansen')!;
    const left = saveMember(data, { memberId: ola.id, key: memberKey(ola), name: 'Ola Hansen', title: '', organisation: '', email: ola.email ?? '', roles: [], byMemberId: 'kari-nordmann' });
    expect(left).toMatchObject({ joined: false, member: { id: 'ola-hansen', roles: [] } });
    expect(ola.title).toBeUndefined();
  });

  it('refuses what would be wrong, and changes nothing', () => {
    const data = demoData();
    const before = structuredClone(data);
    const kari = data.members.find((m) => m.id === 'kari-nordmann')!;
    const tor = data.members.find((m) => m.id === 'tor-lund')!;
    const cases: [MemberInput, string][] = [
      [person({ name: '  ' }), ErrorCode.EmptyTitle],
      [person({ name: 'x'.repeat(201) }), ErrorCode.TextTooLong],
      [person({ email: '' }), ErrorCode.InvalidEmail],
      [person({ email: 'per.olsen' }), ErrorCode.InvalidEmail],
      [person({ email: ' Tor.Lund@politiet.example' }), ErrorCode.NameTaken],
      [person({ roles: ['salto-koordinator'] }), ErrorCode.InvalidInput],
      [person({ roles: ['konge'] }), ErrorCode.InvalidInput],
      [{ ...person({ name: 'Tor Lund', email: '' }), memberId: tor.id, key: 'an older key' }, ErrorCode.Stale],
      [{ ...person(), memberId: 'no-such-member' }, ErrorCode.NotFound],
      // Kari may not take herself out of the secretariat; another may, while someone is left in it.
      [{ ...person({ name: 'Kari Nordmann', email: '', roles: ['medlem'] }), memberId: kari.id, key: memberKey(kari) }, ErrorCode.OwnSecretariat],
    ];
    for (const [input, code] of cases) expect(codeOf(() => saveMember(data, input)), JSON.stringify(input)).toBe(code);
    expect(data).toEqual(before);

    const admin = data.members.find((m) => m.id === 'forvaltning')!;
    saveMember(data, { ...person({ name: 'Kari Nordmann', email: '', roles: ['medlem'], byMemberId: 'forvaltning' }), memberId: kari.id, key: memberKey(kari) });
    const lastOne = { ...person({ name: admin.name, email: '', roles: ['medlem'], byMemberId: 'kari-nordmann' }), memberId: admin.id, key: memberKey(admin) };
    expect(codeOf(() => saveMember(data, lastOne))).toBe(ErrorCode.LastSecretariat);
    expect(admin.roles).toEqual(['admin']);
  });
});
