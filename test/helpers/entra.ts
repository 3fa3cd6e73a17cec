import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { NOW } from './builders.js';

/** The test tenant and app: the same ids the Playground's configuration uses. */
export const TENANT = '00000000-0000-4000-8000-0000000000aa';
export const OTHER_TENANT = '11111111-1111-4111-8111-111111111111';
export const APP_ID = '00000000-0000-4000-8000-0000000000b0';
export const TEAMS_APP_ID = '5b2b9d0e-3c1a-4f7e-9a51-0c7d2e8f4a11';
export const PUBLIC_HOST = 'politirad.example.no';
export const OIDS = {
  kari: '00000000-0000-4000-8000-00000000a001',
  ola: '00000000-0000-4000-8000-00000000a002',
  aisha: '00000000-0000-4000-8000-00000000a003',
  tor: '00000000-0000-4000-8000-00000000a005',
} as const;

/** The environment of a bot with Teams credentials for the test app (local mode is off). */
export function withTeamsCredentials(extra: Record<string, string> = {}): Record<string, string> {
  return {
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'test-secret-not-used',
    MicrosoftAppTenantId: TENANT,
    PUBLIC_BASE_URL: `https://${PUBLIC_HOST}`,
    TEAMS_APP_ID,
    ...extra,
  };
}

/**
 * Entra as far as the tab's sign-in is concerned: a key endpoint (JWKS) on loopback that
 * publishes one test key, and tokens signed by it, or by a key it does not publish.
 */
export interface FakeEntra {
  jwksUrl: string;
  /** OpenID metadata for Bot Framework tokens, signed by the same key. */
  openIdUrl: string;
  /** Requests the key endpoint has had. */
  keyFetches: number;
  token(claims?: JWTPayload, options?: { signer?: 'published' | 'unpublished'; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeEntra(): Promise<FakeEntra> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const unpublished = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let keyFetches = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === '/openid') {
      // The Bot Framework's OpenID metadata, pointing at the same keys.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `http://127.0.0.1:${(server.address() as AddressInfo).port}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      return;
    }
    if (req.url !== '/keys') {
      res.writeHead(404);
      res.end();
      return;
    }
    keyFetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const seconds = Math.floor(Date.parse(NOW) / 1000);
  return {
    jwksUrl: `http://127.0.0.1:${port}/keys`,
    openIdUrl: `http://127.0.0.1:${port}/openid`,
    get keyFetches() {
      return keyFetches;
    },
    token(claims = {}, options = {}) {
      const key: CryptoKey = options.signer === 'unpublished' ? unpublished.privateKey : published.privateKey;
      // A Teams SSO token as Entra issues it (v2.0), valid for an hour around the bot's clock.
      return new SignJWT({
        iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        aud: APP_ID,
        tid: TENANT,
        oid: OIDS.kari,
        scp: 'access_as_user',
        iat: seconds - 300,
        nbf: seconds - 300,
        exp: seconds + 3600,
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key' })
        .sign(key);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
