import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installed, USERS } from '../helpers/activities.js';
import { APP_ID, startFakeEntra, type FakeEntra } from '../helpers/entra.js';
import { connectorSuite, onDisk, type BotUnderTest } from '../helpers/running-bot.js';

const suite = connectorSuite();
let entra: FakeEntra;
beforeAll(async () => {
  entra = await startFakeEntra();
});
afterAll(async () => {
  await entra.close();
});

const CREDENTIALS = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-here', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: '00000000-0000-4000-8000-0000000000aa' };
const start = () => suite.start(CREDENTIALS, undefined, { openIdMetadataUrl: entra.openIdUrl });

/** A token as the Bot Framework channel issues it for this bot, valid now (botbuilder checks against real time). */
function channelToken(claims: Record<string, unknown> = {}, options: { signer?: 'published' | 'unpublished' } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return entra.token({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: suite.stub.url, iat: now - 60, nbf: now - 60, exp: now + 3600, tid: undefined, oid: undefined, scp: undefined, ...claims }, options);
}

async function refused(bot: BotUnderTest, authorization: string | undefined) {
  const activity = installed(USERS.member, { serviceUrl: suite.stub.url });
  const res = await bot.post(activity, authorization ? { authorization } : {});
  return { status: res.status, recorded: (await onDisk(bot)).conversations.length };
}

describe('with MicrosoftAppId set, /api/messages', () => {
  it('lets a request with a valid channel token through to the bot', async () => {
    const bot = await start();
    const res = await bot.post(installed(USERS.member, { serviceUrl: suite.stub.url }), { authorization: `Bearer ${await channelToken()}` });
    // The handler ran: the chat is recorded. (Its reply needs a token from Entra, which tests cannot reach.)
    expect(res.status).not.toBe(401);
    expect((await onDisk(bot)).conversations.map((c) => c.memberId)).toEqual(['ola-hansen']);
  });

  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a token without a signature (alg none)', async () => `Bearer ${['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify({ aud: APP_ID, iss: 'https://api.botframework.com' })).toString('base64url'), ''].join('.')}`],
    ['a forged token (signed by a key that is not published)', async () => `Bearer ${await channelToken({}, { signer: 'unpublished' })}`],
    ['an expired token', async () => `Bearer ${await channelToken({ iat: Math.floor(Date.now() / 1000) - 7200, nbf: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['a token for another bot (wrong audience)', async () => `Bearer ${await channelToken({ aud: '99999999-9999-4999-8999-999999999999' })}`],
    ['a token from another issuer', async () => `Bearer ${await channelToken({ iss: 'https://evil.example' })}`],
    ['a token for another service URL', async () => `Bearer ${await channelToken({ serviceurl: 'https://smba.evil.example/' })}`],
    ['a token that is not a Bearer token', async () => `Basic ${Buffer.from('bot:password').toString('base64')}`],
  ];
  for (const [name, authorization] of cases) {
    it(`refuses ${name} with 401, before any handler runs`, async () => {
      const bot = await start();
      expect(await refused(bot, await authorization())).toEqual({ status: 401, recorded: 0 });
      expect(suite.stub.sent).toHaveLength(0);
    });
  }
});
