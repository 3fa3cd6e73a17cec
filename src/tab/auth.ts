import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Who a verified tab token says the user is; matched against the members like a chat user. */
export interface TabIdentity {
  aadObjectId?: string | undefined;
  email?: string | undefined;
  upn?: string | undefined;
  /** Set by the development sign-in: the member chosen on the page. */
  memberId?: string | undefined;
}

/** Why a token was refused. The API answers 401 for all of them and logs the reason. */
export class TokenRefused extends Error {
  constructor(readonly reason: string) {
    super(`token refused: ${reason}`);
  }
}

export interface TabAuthenticator {
  kind: 'entra' | 'development';
  verify(token: string): Promise<TabIdentity>;
}

export interface EntraOptions {
  /** The Entra app (client) id that the tab asks Teams for a token to. */
  appId: string;
  /** The app id URI exposed for Teams single sign-on, `api://<domain>/<appId>`, when known. */
  resource: string | undefined;
  /** Entra's published signing keys (a JWKS endpoint). */
  jwksUrl: string;
  /** Tenants whose users may sign in; empty means every tenant. */
  allowedTenantIds: readonly string[];
  /** Leeway for clocks that disagree a little, in seconds. */
  clockToleranceSeconds?: number;
  now: () => Date;
}

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The two issuers Entra uses for a tenant: v2.0 tokens and v1.0 tokens. */
function issuersOf(tenantId: string): string[] {
  return [`https://login.microsoftonline.com/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
}

const text = (value: unknown) => (typeof value === 'string' && value.length > 0 && value.length <= 320 ? value : undefined);

/**
 * Verifies a Teams single sign-on token as Entra issues it: an RS256 signature by one of Entra's
 * published keys, not expired, for this app (audience), issued by Entra for the token's own
 * tenant (issuer), from an allowed tenant, and with the `access_as_user` scope that Teams asks for.
 */
export function entraAuthenticator(options: EntraOptions, keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5000, cooldownDuration: 30_000 })): TabAuthenticator {
  const audience = [options.appId, ...(options.resource ? [options.resource] : [])];
  const allowed = new Set(options.allowedTenantIds.map((t) => t.toLowerCase()));
  return {
    kind: 'entra',
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          algorithms: ['RS256'],
          audience,
          requiredClaims: ['exp', 'iss', 'tid'],
          clockTolerance: options.clockToleranceSeconds ?? 60,
          currentDate: options.now(),
        }));
      } catch (error) {
        throw new TokenRefused(error instanceof errors.JOSEError ? error.code : 'unreadable');
      }
      const tenantId = text(payload['tid']);
      if (!tenantId || !TENANT_ID.test(tenantId)) throw new TokenRefused('no tenant');
      if (!issuersOf(tenantId).includes(String(payload.iss))) throw new TokenRefused('wrong issuer');
      if (allowed.size > 0 && !allowed.has(tenantId.toLowerCase())) throw new TokenRefused('tenant not allowed');
      const scopes = String(payload['scp'] ?? '').split(' ');
      if (!scopes.includes('access_as_user')) throw new TokenRefused('no access_as_user scope');
      const upn = text(payload['preferred_username']) ?? text(payload['upn']);
      return { aadObjectId: text(payload['oid']), email: text(payload['email']) ?? upn, upn };
    },
  };
}

const DEV_ISSUER = 'politiradsboten-development-sign-in';

/**
 * The development sign-in for local mode: the page picks a member and gets a short-lived token
 * signed with a key made at start and never stored. It only exists when the bot runs without
 * Teams credentials, which production refuses (see config.ts), so it cannot be switched on there.
 */
export function developmentAuthenticator(now: () => Date): TabAuthenticator & { issue(memberId: string): Promise<string> } {
  const key = randomBytes(32);
  return {
    kind: 'development',
    issue: (memberId) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(DEV_ISSUER)
        .setSubject(memberId)
        .setIssuedAt(Math.floor(now().getTime() / 1000))
        .setExpirationTime(Math.floor(now().getTime() / 1000) + 8 * 3600)
        .sign(key),
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: DEV_ISSUER, currentDate: now() });
        return { memberId: payload.sub };
      } catch (error) {
        throw new TokenRefused(error instanceof errors.JOSEError ? error.code : 'unreadable');
      }
    },
  };
}

/** The token from an `Authorization: Bearer …` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,8192})$/.exec(header ?? '');
  return match?.[1];
}
