import type { Access } from '../../domain/roles.js';
import type { MessageKey } from '../../i18n/index.js';
import type { BotDeps, Turn } from '../turn.js';

export type CommandScope = 'personal' | 'team' | 'groupChat';
export const ALL_SCOPES: readonly CommandScope[] = ['personal', 'team', 'groupChat'];

/** One chat command: its Norwegian name, English aliases, who may use it, and what it does. */
export interface Command {
  name: string;
  aliases: readonly string[];
  /** Catalog key of the one-line description shown in /hjelp and the Teams command menu. */
  description: MessageKey & `command.${string}`;
  /** Catalog key of what `/hjelp <command>` says: what it does, with examples. */
  detail: MessageKey & `help.detail.${string}`;
  role: Access;
  /** Where Teams offers the command in its menu; every command also works when typed anywhere. */
  scopes: readonly CommandScope[];
  handle(turn: Turn, args: string, deps: BotDeps): Promise<void>;
}

/** The command a word names, by its name or an alias. */
export function commandNamed(word: string, table: readonly Command[]): Command | undefined {
  return table.find((command) => command.name === word || command.aliases.includes(word));
}

/** Every word that names a command of the table: names and aliases. */
export function wordsOf(table: readonly Command[]): string[] {
  return table.flatMap((command) => [command.name, ...command.aliases]);
}
