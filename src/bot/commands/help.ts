import { renderHelp } from '../../cards/render.js';
import { messages } from '../../i18n/index.js';
import type { Turn } from '../turn.js';
import { ALL_SCOPES, type Command } from './command.js';
import { commandsFor } from './visible.js';

/** /hjelp lists only what this user's roles allow, so nobody is shown a door that is shut to them. */
export function helpCommand(table: () => readonly Command[]): Command {
  return {
    name: 'hjelp',
    aliases: ['help'],
    description: 'command.hjelp',
    scopes: ALL_SCOPES,
    role: 'alle',
    async handle(turn) {
      await turn.reply({ card: helpCard(turn, table()) });
    },
  };
}

export function helpCard(turn: Pick<Turn, 'lang' | 'member'>, table: readonly Command[]) {
  const m = messages(turn.lang);
  return renderHelp({
    title: m['help.title'],
    hint: m['help.hint'],
    commands: commandsFor(turn.member, table).map((command) => ({
      name: `/${command.name}`,
      description: m[command.description],
      aliases: command.aliases.length > 0 ? m['help.aliases']({ aliases: command.aliases.map((a) => `/${a}`).join(', ') }) : '',
    })),
  });
}
