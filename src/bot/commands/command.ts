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
  role: Access;
  /** Where Teams offers the command in its menu; every command also works when typed anywhere. */
  scopes: readonly CommandScope[];
  handle(turn: Turn, args: string, deps: BotDeps): Promise<void>;
}
