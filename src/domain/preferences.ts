import type { Data, Lang } from './schema.js';

const WORDS: Record<string, Lang | 'auto'> = {
  nb: 'nb', norsk: 'nb', bokmål: 'nb', bokmal: 'nb', norwegian: 'nb',
  en: 'en', engelsk: 'en', english: 'en',
  auto: 'auto', teams: 'auto',
};

/** Reads "norsk", "en", "auto" …; undefined when the word names no language. */
export function parseLanguageChoice(word: string): Lang | 'auto' | undefined {
  return WORDS[word.trim().toLocaleLowerCase('nb')];
}

/** Sets a member's chosen language; "auto" returns them to the language their Teams reports. */
export function setMemberLanguage(data: Data, memberId: string, choice: Lang | 'auto'): void {
  const member = data.members.find((m) => m.id === memberId);
  if (!member) return;
  if (choice === 'auto') delete member.lang;
  else member.lang = choice;
}
