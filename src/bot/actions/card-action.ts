import { z } from 'zod';
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

/** Fields that many cards' data share, each checked before a handler runs. */
export const field = {
  /** An id from the data: a meeting, agenda item, proposal, point or unit. */
  id: z.string().min(1).max(200),
  /** The revision of a meeting or unit that the card was made from. */
  revision: z.coerce.number().int().nonnegative(),
  /** Typed text, checked against its own limit after parsing, so an over-long value gets a message saying so. */
  typed: z.string().max(20_000),
  /** An Input.Toggle's value: Teams sends "true" or "false". */
  toggle: z.union([z.string().max(10), z.boolean()]),
};

export function isOn(toggle: string | boolean | undefined): boolean {
  return toggle === true || toggle === 'true';
}
