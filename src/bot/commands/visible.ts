import { mayUse } from '../../domain/roles.js';
import type { Member } from '../../domain/schema.js';
import type { Command } from './command.js';

export function commandsFor(member: Member | undefined, table: readonly Command[]): Command[] {
  return table.filter((command) => mayUse(member, command.role));
}
