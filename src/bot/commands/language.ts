import { parseLanguageChoice, setMemberLanguage } from '../../domain/preferences.js';
import { ROLES } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import type { Command } from './command.js';

/** /språk lets a member read the bot in Norwegian or English whatever language their Teams uses. */
export const languageCommand: Command = {
  name: 'språk',
  aliases: ['sprak', 'language'],
  english: 'language',
  description: 'command.språk',
  detail: 'help.detail.språk',
  topics: ['språk', 'språket', 'engelsk', 'norsk', 'bokmål', 'language', 'english', 'norwegian'],
  scopes: [],
  role: ROLES,
  async handle(turn, args, deps) {
    const member = turn.member;
    if (!member) return;
    const choice = parseLanguageChoice(args);
    if (args === '' || choice === undefined) {
      await turn.reply(messages(turn.lang)['language.usage']);
      return;
    }
    await deps.store.update((data) => setMemberLanguage(data, member.id, choice));
    const lang = choice === 'auto' ? turn.lang : choice;
    await turn.reply(messages(lang)[choice === 'auto' ? 'language.auto' : 'language.set']);
  },
};
