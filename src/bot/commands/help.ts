import { renderHelp } from '../../cards/render.js';
import { mayUse, type Access } from '../../domain/roles.js';
import { accessNames, messages } from '../../i18n/index.js';
import { nearestWord, parseText } from '../command-parser.js';
import type { Turn } from '../turn.js';
import { ALL_SCOPES, commandNamed, otherNames, shownName, wordsOf, type Command } from './command.js';
import { commandsFor } from './visible.js';

/**
 * /hjelp lists only what this user's roles allow, so nobody is shown a door that is shut to them.
 * /hjelp <kommando> explains that one command, with examples.
 */
export function helpCommand(table: () => readonly Command[]): Command {
  return {
    name: 'hjelp',
    aliases: ['help'],
    english: 'help',
    description: 'command.hjelp',
    detail: 'help.detail.hjelp',
    topics: ['hjelp', 'kommando', 'kommandoer', 'kommandoene', 'help', 'command', 'commands'],
    scopes: ALL_SCOPES,
    role: 'alle',
    async handle(turn, args) {
      const m = messages(turn.lang);
      const { word } = parseText(args);
      const command = word ? commandNamed(word, table()) : undefined;
      if (!word) await turn.reply({ card: helpCard(turn, table()) });
      else if (!command) {
        const typed = `/${word}`.slice(0, 40);
        const near = word.length <= 40 ? nearestWord(word, wordsOf(commandsFor(turn.member, table()))) : undefined;
        await turn.reply(near ? m['input.unknownCommand']({ typed, suggestion: `/${turn.lang === 'nb' ? 'hjelp' : 'help'} ${near}` }) : m['input.unknownCommandNoSuggestion']({ typed }));
      }
      else if (!mayUse(turn.member, command.role)) await turn.reply(m['help.notYours']({ name: shownName(command, turn.lang), roles: whoMay(turn.lang, command.role) }));
      else await turn.reply({ card: commandHelpCard(turn, command) });
    },
  };
}

/** The roles that may use a command, as "sekretariatet eller administrator". */
const whoMay = (lang: Turn['lang'], access: Access) => (access === 'alle' ? '' : accessNames(lang, access));

function aliasesOf(turn: Pick<Turn, 'lang'>, command: Command): string {
  const others = otherNames(command, turn.lang);
  return others.length > 0 ? messages(turn.lang)['help.aliases']({ aliases: others.join(', ') }) : '';
}

export function helpCard(turn: Pick<Turn, 'lang' | 'member'>, table: readonly Command[]) {
  const m = messages(turn.lang);
  return renderHelp({
    title: m['help.title'],
    hint: m['help.hint'],
    commands: commandsFor(turn.member, table).map((command) => ({ name: shownName(command, turn.lang), description: m[command.description], aliases: aliasesOf(turn, command) })),
  });
}

function commandHelpCard(turn: Pick<Turn, 'lang'>, command: Command) {
  const m = messages(turn.lang);
  return renderHelp({
    title: m['help.oneTitle']({ name: shownName(command, turn.lang) }),
    hint: m['help.all'],
    commands: [{ name: shownName(command, turn.lang), description: m[command.detail], aliases: aliasesOf(turn, command) }],
  });
}
