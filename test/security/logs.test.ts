import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { startBot, type RunningBot } from '../../src/index.js';
import { createLogger } from '../../src/logger.js';
import { documentToken } from '../../src/reports/links.js';
import { installed, message, USERS } from '../helpers/activities.js';
import { NOW } from '../helpers/builders.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub.js';
import { APP_ID, startFakeEntra, type FakeEntra, withTeamsCredentials } from '../helpers/entra.js';

const PASSWORD = 'Pa55word-that-must-never-be-logged-9f8e7d';
let entra: FakeEntra;
let stub: ConnectorStub;
let bot: RunningBot;
let url: string;
let log = '';

beforeAll(async () => {
  entra = await startFakeEntra();
  stub = await startConnectorStub();
  const dataFile = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-logs-')), 'politirad.json');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_FILE: dataFile, ...withTeamsCredentials({ MicrosoftAppPassword: PASSWORD, ENTRA_JWKS_URL: entra.jwksUrl }), LOG_LEVEL: 'trace' });
  const sink = new Writable({
    write(chunk, _encoding, done) {
      log += chunk.toString();
      done();
    },
  });
  bot = await startBot(config, createLogger('trace', sink), { clock: fixedClock(NOW), openIdMetadataUrl: entra.openIdUrl });
  url = `http://127.0.0.1:${bot.port}`;
});
afterAll(async () => {
  await bot.stop();
  await stub.close();
  await entra.close();
});

describe('the logs', () => {
  it('never hold the app password, a token, or the key that signs links, whatever requests came in', async () => {
    const now = Math.floor(Date.now() / 1000);
    const channelToken = await entra.token({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: stub.url, iat: now - 60, nbf: now - 60, exp: now + 3600 });
    const forged = await entra.token({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: stub.url }, { signer: 'unpublished' });
    const ssoToken = await entra.token();
    const post = (activity: unknown, authorization?: string) =>
      fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: JSON.stringify(activity) });
    // Accepted, refused, forged and malformed requests, to the bot and to the tab.
    await post(installed(USERS.member, { serviceUrl: stub.url }), `Bearer ${channelToken}`);
    await post(message(USERS.member, '/hjelp', { serviceUrl: stub.url }), `Bearer ${forged}`);
    await post(message(USERS.member, '/hjelp', { serviceUrl: stub.url }), `Basic ${Buffer.from(`${APP_ID}:${PASSWORD}`).toString('base64')}`);
    await post({ type: 'message' }, `Bearer ${channelToken}`);
    await fetch(`${url}/api/tab/overview`, { headers: { authorization: `Bearer ${ssoToken}` } });
    await fetch(`${url}/api/tab/overview`, { headers: { authorization: `Bearer ${forged}` } });
    const secret = bot.store.read().settings.linkSecret!;
    const expires = Math.floor(Date.parse(NOW) / 1000) + 3600;
    await fetch(`${url}/rapport/runde-x/${expires}/${documentToken(secret, 'report', 'runde-x', expires)}.docx`);
    await fetch(`${url}/kalender/ola-hansen/${documentToken(secret, 'report', 'ola-hansen', 0)}.ics`);
    await bot.scheduler.idle();
    await bot.notifier.idle();

    expect(log.length).toBeGreaterThan(1000);
    for (const [what, value] of [
      ['the app password', PASSWORD],
      ['a channel token', channelToken],
      ['a forged token', forged],
      ['a Teams SSO token', ssoToken],
      ['the link key', secret],
    ] as const) {
      expect(log.includes(value), what).toBe(false);
      // Nor the part of a token that makes it usable: its signature.
      const signature = value.split('.')[2];
      if (signature) expect(log.includes(signature), `${what}'s signature`).toBe(false);
    }
    expect(log).not.toMatch(/Bearer ey/);
    expect(log).not.toContain(Buffer.from(`${APP_ID}:${PASSWORD}`).toString('base64'));
  });
});
