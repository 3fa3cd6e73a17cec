import type { Access } from '../../domain/roles.js';
import type { MessageKey } from '../../i18n/index.js';
import type { BotDeps, Turn } from '../turn.js';

export type CommandScope = 'personal' | 'team' | 'groupChat';
export const ALL_SCOPES: readonly CommandScope[] = ['personal', 'team', 'groupChat'];

/** One chat command: its Norwegian name, English aliases, who may use it, and what it does. */
export interface Command {
  name: string;
  aliases: readonly string[];
  /** The name shown to those who read English, one of the aliases; without it, the name is shown to all. */
  english?: string;
  /** Catalog key of the one-line description shown in /hjelp and the Teams command menu. */
  description: MessageKey & `command.${string}`;
  /** Catalog key of what `/hjelp <command>` says: what it does, with examples. */
  detail: MessageKey & `help.detail.${string}`;
  /**
   * Words, in either language and lower-case, that a message written without a command uses when
   * it asks for this one ("når er neste møte?"): the reply to such a message points to it.
   */
  topics: readonly string[];
  role: Access;
  /** Where Teams offers the command in its menu; every command also works when typed anywhere. */
  scopes: readonly CommandScope[];
  handle(turn: Turn, args: string, deps: BotDeps): Promise<void>;
}

/** The command a word names, by its name or an alias. */
export function commandNamed(word: string, table: readonly Command[]): Command | undefined {
  return table.find((command) => command.name === word || command.aliases.includes(word));
}

/** The name a reader is shown: the English one in English, where the command has one. */
export function shownName(command: Pick<Command, 'name' | 'english'>, lang: 'nb' | 'en'): string {
  return `/${lang === 'en' && command.english ? command.english : command.name}`;
}

/** The command's other names, for "Også: …": its name and aliases less the one shown. */
export function otherNames(command: Pick<Command, 'name' | 'aliases' | 'english'>, lang: 'nb' | 'en'): string[] {
  const shown = shownName(command, lang);
  return [command.name, ...command.aliases].map((name) => `/${name}`).filter((name) => name !== shown);
}

/** Every word that names a command of the table: names and aliases. */
export function wordsOf(table: readonly Command[]): string[] {
  return table.flatMap((command) => [command.name, ...command.aliases]);
}

/**
 * The commands a message written as plain text seems to ask for, the likeliest first: those
 * whose topic words it uses most, in the table's order among equals. At most `limit`.
 */
export function commandsAbout(text: string, table: readonly Command[], limit = 2): Command[] {
  const words = new Set(text.toLocaleLowerCase('nb').split(/[^\p{L}\p{N}-]+/u));
  return table
    .map((command, index) => ({ command, index, hits: command.topics.filter((topic) => words.has(topic)).length }))
    .filter((scored) => scored.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.index - b.index)
    .slice(0, limit)
    .map((scored) => scored.command);
}
