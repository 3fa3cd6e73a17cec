import type { CardAction } from './card-action.js';
import { showHelpAction } from './show-help.js';

export { Verb } from './verbs.js';
export type { CardAction };

export const ACTIONS: readonly CardAction[] = [showHelpAction];

export function findAction(verb: string, table: readonly CardAction[] = ACTIONS): CardAction | undefined {
  return table.find((action) => action.verb === verb);
}
