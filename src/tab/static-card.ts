import type { Card } from '../cards/render.js';

/** Actions that only mean something in a chat, where the bot receives them. */
const CHAT_ACTIONS = new Set(['Action.Submit', 'Action.Execute', 'Action.ShowCard', 'Action.ToggleVisibility']);

function isChatAction(value: unknown): boolean {
  return typeof value === 'object' && value !== null && CHAT_ACTIONS.has(String((value as { type?: unknown }).type));
}

function isInput(value: unknown): boolean {
  return typeof value === 'object' && value !== null && String((value as { type?: unknown }).type).startsWith('Input.');
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter((v) => !isChatAction(v) && !isInput(v)).map(strip).filter((v) => !isEmptyActionSet(v));
  }
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'refresh') continue;
    if (key === 'selectAction' && isChatAction(child)) continue;
    out[key] = strip(child);
  }
  return out;
}

function isEmptyActionSet(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'ActionSet' && ((value as { actions?: unknown[] }).actions ?? []).length === 0;
}

/**
 * A chat card made fit for a page: buttons and fields that send something to the bot are
 * removed (a page has no chat to send them to); links (Action.OpenUrl) stay. The look and the
 * text are the card's own, so the tab and the chat never disagree.
 */
export function staticCard(card: Card): Card {
  const out = strip(card) as Card;
  if (Array.isArray(out['actions']) && out['actions'].length === 0) delete out['actions'];
  return out;
}
