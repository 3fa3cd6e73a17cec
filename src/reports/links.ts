import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A compiled report's download link names the round and the moment it expires, signed with the
 * bot's link key: it cannot be guessed, stretched or pointed at another round, and changing
 * the key (settings.linkSecret) revokes every link at once.
 */
export function reportToken(secret: string, roundId: string, expires: number): string {
  return createHmac('sha256', secret).update(`report:${roundId}:${expires}`).digest('base64url').slice(0, 43);
}

export function reportUrl(baseUrl: string, secret: string, roundId: string, now: Date, hours: number): string {
  const expires = Math.floor(now.getTime() / 1000) + hours * 3600;
  return `${baseUrl.replace(/\/+$/, '')}/rapport/${encodeURIComponent(roundId)}/${expires}/${reportToken(secret, roundId, expires)}.docx`;
}

/** True for an untampered link that has not expired. */
export function validReportLink(secret: string, roundId: string, expires: string, token: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(expires) || Number(expires) * 1000 <= now.getTime()) return false;
  const expected = Buffer.from(reportToken(secret, roundId, Number(expires)));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
