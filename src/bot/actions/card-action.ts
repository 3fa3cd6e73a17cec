import type { z } from 'zod';
import type { Access } from '../../domain/roles.js';
import type { BotDeps, Turn } from '../turn.js';
import type { Verb } from './verbs.js';

/** A card button's handler: the role it needs and a schema its data must pass before use. */
export interface CardAction<S extends z.ZodType = z.ZodType> {
  verb: Verb;
  role: Access;
  schema: S;
  handle(turn: Turn, data: z.infer<S>, deps: BotDeps): Promise<void>;
}

export function defineAction<S extends z.ZodType>(action: CardAction<S>): CardAction<S> {
  return action;
}
