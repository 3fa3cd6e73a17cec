import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A document's download link: a compiled SaLTo report (`/rapport/<round>/…`), a meeting's
 * minutes (`/referat/<meeting>/…`), the follow-up list for a meeting's papers
 * (`/oppfolging/<meeting>/…`) or its notice with the agenda (`/innkalling/<meeting>/…`). It names the document and the moment it expires, signed with the
 * bot's link key: it cannot be guessed, stretched or pointed at another document, and changing
 * the key (settings.linkSecret) revokes every link at once.
 */
export type DocumentKind = 'report' | 'minutes' | 'followUps' | 'agenda';

/** The link's first path segment, in the council's language. */
export const DOCUMENT_PATH: Record<DocumentKind, string> = { report: 'rapport', minutes: 'referat', followUps: 'oppfolging', agenda: 'innkalling' };

export function documentToken(secret: string, kind: DocumentKind, id: string, expires: number): string {
  return createHmac('sha256', secret).update(`${kind}:${id}:${expires}`).digest('base64url').slice(0, 43);
}

export function documentUrl(baseUrl: string, secret: string, kind: DocumentKind, id: string, now: Date, hours: number): string {
  const expires = Math.floor(now.getTime() / 1000) + hours * 3600;
  return `${baseUrl.replace(/\/+$/, '')}/${DOCUMENT_PATH[kind]}/${encodeURIComponent(id)}/${expires}/${documentToken(secret, kind, id, expires)}.docx`;
}

/** True for an untampered link that has not expired. */
export function validDocumentLink(secret: string, kind: DocumentKind, id: string, expires: string, token: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(documentToken(secret, kind, id, Number(expires)));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
