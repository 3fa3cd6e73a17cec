import { describe, expect, it } from 'vitest';
import { parseLanguageChoice, setMemberLanguage } from '../../src/domain/preferences.js';
import { COUNCIL, mayUse, SECRETARIAT } from '../../src/domain/roles.js';
import { demoData, memberOf } from '../helpers/builders.js';

describe('roles', () => {
  const data = demoData();
  it('lets anyone, even a stranger, use what is open to all', () => {
    expect(mayUse(undefined, 'alle')).toBe(true);
  });
  it('keeps secretariat work to the secretariat and admins', () => {
    expect(mayUse(memberOf(data, 'kari-nordmann'), SECRETARIAT)).toBe(true);
    expect(mayUse(memberOf(data, 'forvaltning'), SECRETARIAT)).toBe(true);
    expect(mayUse(memberOf(data, 'ingrid-berg'), SECRETARIAT)).toBe(false);
    expect(mayUse(undefined, SECRETARIAT)).toBe(false);
  });
  it('counts the observer as part of the council but not a coordinator', () => {
    expect(mayUse(memberOf(data, 'marianne-dahl'), COUNCIL)).toBe(true);
    expect(mayUse(memberOf(data, 'aisha-rahman'), COUNCIL)).toBe(false);
  });
});

describe('language choice', () => {
  it('reads Norwegian and English words for the languages', () => {
    expect(parseLanguageChoice('Norsk')).toBe('nb');
    expect(parseLanguageChoice('english')).toBe('en');
    expect(parseLanguageChoice('auto')).toBe('auto');
    expect(parseLanguageChoice('klingon')).toBeUndefined();
  });
  it('stores a choice and clears it again with auto', () => {
    const data = demoData();
    setMemberLanguage(data, 'byrad-set', 'en');
    expect(memberOf(data, 'byrad-set').lang).toBe('en');
    setMemberLanguage(data, 'byrad-set', 'auto');
    expect(memberOf(data, 'byrad-set').lang).toBeUndefined();
  });
});
