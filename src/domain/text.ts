/** Longest message the bot reads; Teams allows far more, but no command or answer needs it. */
export const MAX_MESSAGE_LENGTH = 4000;

export function isTooLong(text: string, limit = MAX_MESSAGE_LENGTH): boolean {
  return [...text].length > limit;
}

/** "Bydel Grünerløkka" → "bydel-grunerlokka": ids that read well in the data file. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/æ/g, 'ae')
      .replace(/ø/g, 'o')
      .replace(/å/g, 'a')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'x'
  );
}

/** Lower case without accents, "ø" as "o" and "æ" as "ae", so "Grünerløkka" and "grunerlokka" compare equal. */
export const fold = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/\s+/g, ' ')
    .trim();

/** `base` if it is free, else `base-2`, `base-3`, … */
export function freshId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A typed title with lines under it (Shift+Enter in Teams): the first line, and the rest as a description. */
export function titleAndDescription(text: string): { title: string; description: string } {
  const [title = '', ...rest] = text.split(/\r?\n/);
  return { title: title.trim(), description: rest.join('\n').trim() };
}
