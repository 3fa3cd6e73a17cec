/** Longest message the bot reads; Teams allows far more, but no command or answer needs it. */
export const MAX_MESSAGE_LENGTH = 4000;

export function isTooLong(text: string, limit = MAX_MESSAGE_LENGTH): boolean {
  return [...text].length > limit;
}
