import { stat } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readSaved } from '../../src/store/file-store.js';
import { Verb } from '../../src/bot/actions/index.js';
import { botAdded, cardSubmit, installed, invoke, message, USERS } from '../helpers/activities.js';
import { cardText } from '../helpers/builders.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub.js';
import { startTestBot, type BotUnderTest } from '../helpers/running-bot.js';

let stub: ConnectorStub;
let bot: BotUnderTest;
const bots: BotUnderTest[] = [];

beforeAll(async () => {
  stub = await startConnectorStub();
});
afterAll(async () => {
  await stub.close();
});
async function start(env: Record<string, string> = {}, dataFile?: string) {
  bot = await startTestBot(env, dataFile);
  bots.push(bot);
  stub.sent.length = 0;
  return bot;
}
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.stop()));
});

const onDisk = () => readSaved(bot.dataFile);
const cardOf = (i: number) => stub.sent[i]?.body.attachments?.[0];
const personal = () => ({ serviceUrl: stub.url });
const channel = () => ({ serviceUrl: stub.url, conversationType: 'channel' as const, conversationId: '19:moter@thread.tacv2;messageid=1700000000000' });

describe('the bot over HTTP', () => {
  it('reports its health', async () => {
    await start();
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', mode: 'local' });
  });

  it('answers /hjelp with the help card as a reply to the message', async () => {
    await start();
    const activity = message(USERS.secretary, '/hjelp', personal());
    const res = await bot.post(activity);
    expect(res.status).toBe(200);
    expect(stub.sent).toHaveLength(1);
    expect(stub.sent[0]).toMatchObject({ method: 'POST', conversationId: activity.conversation.id, replyToId: activity.id });
    expect(cardOf(0)?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(cardOf(0)?.content)).toMatch(/Dette kan du gjøre[\s\S]*\/kanal/);
  });

  it('welcomes a user once on install, and keeps the conversation reference', async () => {
    await start();
    await bot.post(installed(USERS.member, personal()));
    await bot.post(botAdded(USERS.member, personal()));
    expect(stub.sent).toHaveLength(1);
    const welcome = cardText(cardOf(0)?.content);
    expect(welcome).toContain('Velkommen til Politirådsboten');
    expect(welcome).toContain('Du er registrert som Ola Hansen (medlem).');
    expect(welcome).toContain('Neste møte: torsdag 10. desember 2026 kl. 09.00');
    const record = (await onDisk()).conversations.find((c) => c.id === `a:personal-${USERS.member.id}`);
    expect(record).toMatchObject({ kind: 'personal', memberId: 'ola-hansen', installed: true, tenantId: expect.any(String) });
    expect(record?.reference).toMatchObject({ serviceUrl: stub.url, conversation: { id: `a:personal-${USERS.member.id}` }, user: { id: USERS.member.id } });
  });

  it('keeps conversations across a restart and does not welcome again', async () => {
    await start();
    await bot.post(installed(USERS.member, personal()));
    const { dataFile } = bot;
    await bot.stop();
    await start({}, dataFile);
    expect((await onDisk()).conversations).toHaveLength(1);
    await bot.post(installed(USERS.member, personal()));
    // Agendas queued at the first install may go out after the restart; a second welcome may not.
    expect(stub.sent.map((r) => cardText(r.body.attachments?.[0]?.content)).join('\n')).not.toContain('Velkommen til Politirådsboten');
  });

  it('records a channel it is added to, under the channel’s own id, and welcomes it', async () => {
    await start();
    await bot.post(botAdded(USERS.secretary, { ...channel(), conversationId: '19:moter@thread.tacv2' }));
    const welcome = cardText(cardOf(0)?.content);
    expect(welcome).toContain('Sekretariatet kan skrive /kanal her');
    // Everyone in the channel reads it: only what everyone may do there is listed.
    expect(welcome).toContain('/hjelp');
    expect(welcome).not.toContain('/meg');
    expect((await onDisk()).conversations[0]).toMatchObject({ id: '19:moter@thread.tacv2', kind: 'channel', teamId: '19:team@thread.tacv2', name: 'Møter' });
  });

  it('lets the secretary mark the council’s channel with an @mention in a thread', async () => {
    await start();
    await bot.post(message(USERS.secretary, '/kanal', channel()));
    expect(stub.sent[0]?.body.text).toBe('Kanalen «Møter» er nå Politirådets kanal. Dagsordener og påminnelser blir postet her.');
    expect((await onDisk()).settings.councilChannel).toMatchObject({ conversationId: '19:moter@thread.tacv2', markedBy: 'kari-nordmann' });
  });

  it('refuses /kanal from a member and writes nothing about the channel', async () => {
    await start();
    await bot.post(message(USERS.member, '/kanal', channel()));
    expect(stub.sent[0]?.body.text).toBe('Beklager, dette kan bare sekretariatet eller administrator gjøre. Ingenting er endret.');
    expect((await onDisk()).settings.councilChannel).toBeUndefined();
  });

  it('recognises a member seeded by email on first contact, through Teams’ member lookup', async () => {
    await start();
    stub.members.set(USERS.byradSet.id, { id: USERS.byradSet.id, name: 'Byråd SET', aadObjectId: USERS.byradSet.aadObjectId, email: 'byrad.set@oslo-kommune.example' });
    await bot.post(message(USERS.byradSet, '/meg', personal()));
    expect(cardText(cardOf(0)?.content)).toContain('Byråd for sosiale tjenester');
    const member = (await onDisk()).members.find((m) => m.id === 'byrad-set');
    expect(member?.aadObjectId).toBe(USERS.byradSet.aadObjectId);
  });

  it('recognises a person the secretary added with /medlemmer, also one who wrote before being added', async () => {
    await start();
    stub.members.set(USERS.stranger.id, { id: USERS.stranger.id, name: 'Nina Nilsen', aadObjectId: USERS.stranger.aadObjectId, email: 'Nina.Nilsen@oslo-kommune.example' });
    await bot.post(message(USERS.stranger, '/meg', personal()));
    expect(stub.sent[0]?.body.text).toMatch(/Jeg finner deg ikke blant Politirådets medlemmer/);
    const res = await bot.post(invoke(USERS.secretary, { verb: Verb.MemberSave, name: 'Nina Nilsen', title: 'Byråd for miljø', email: 'nina.nilsen@oslo-kommune.example', roles: 'medlem' }, personal()));
    expect(cardText(((await res.json()) as { value: unknown }).value)).toMatch(/^Nina Nilsen er lagt til\./);
    stub.sent.length = 0;
    await bot.post(message(USERS.stranger, '/meg', personal()));
    expect(cardText(cardOf(0)?.content)).toMatch(/Nina Nilsen, byråd for miljø[\s\S]*medlem/i);
    expect((await onDisk()).members.find((m) => m.id === 'nina-nilsen')).toMatchObject({ roles: ['medlem'], aadObjectId: USERS.stranger.aadObjectId });
  });

  it('treats a user Teams does not know as a stranger, politely', async () => {
    await start();
    await bot.post(message(USERS.stranger, '/meg', personal()));
    expect(stub.sent[0]?.body.text).toMatch(/Jeg finner deg ikke blant Politirådets medlemmer/);
  });

  it('answers a card button through its verb', async () => {
    await start();
    await bot.post(cardSubmit(USERS.member, { verb: Verb.ShowHelp }, personal()));
    expect(cardText(cardOf(0)?.content)).toContain('Dette kan du gjøre');
  });

  it('handles a resent activity only once', async () => {
    await start();
    const activity = message(USERS.member, '/hjelp', personal());
    await bot.post(activity);
    await bot.post(activity);
    expect(stub.sent).toHaveLength(1);
  });

  it('answers in English when Teams speaks English', async () => {
    await start();
    await bot.post(message(USERS.stranger, '/help', { ...personal(), locale: 'en-US' }));
    expect(cardText(cardOf(0)?.content)).toContain('What you can do');
  });

  it('refuses an over-long message politely', async () => {
    await start();
    const res = await bot.post(message(USERS.member, 'a'.repeat(4001), personal()));
    expect(res.status).toBe(200);
    expect(stub.sent[0]?.body.text).toMatch(/^Meldingen er for lang \(4001 tegn\)/);
  });
});

describe('tenants', () => {
  it('refuses activities from a tenant that is not allowed, and records nothing', async () => {
    await start({ ALLOWED_TENANT_IDS: 'only-this-tenant' });
    await bot.post(message(USERS.member, '/hjelp', personal()));
    expect(stub.sent[0]?.body.text).toBe('Beklager, denne boten er bare åpen for Oslo kommune og Oslo politidistrikt.');
    expect((await onDisk()).conversations).toEqual([]);
  });

  it('serves an allowed tenant', async () => {
    await start({ ALLOWED_TENANT_IDS: `other,${'00000000-0000-4000-8000-0000000000aa'}` });
    await bot.post(message(USERS.member, '/hjelp', personal()));
    expect(cardText(cardOf(0)?.content)).toContain('Dette kan du gjøre');
  });
});

describe('bad requests', () => {
  it('answers malformed JSON with 400 and keeps serving', async () => {
    await start();
    expect((await bot.post('{"type": "message", ')).status).toBe(400);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it.each([
    ['no type', { channelId: 'msteams' }],
    ['no conversation', (s: string) => ({ ...message(USERS.member, 'x', { serviceUrl: s }), conversation: undefined })],
    ['no serviceUrl', (s: string) => ({ ...message(USERS.member, 'x', { serviceUrl: s }), serviceUrl: 'javascript:alert(1)' })],
    ['a number for text', (s: string) => ({ ...message(USERS.member, 'x', { serviceUrl: s }), text: 42 })],
    ['an array', []],
  ])('answers an activity with %s with 400, not a crash', async (_what, body) => {
    await start();
    const res = await bot.post(typeof body === 'function' ? body(stub.url) : body);
    expect(res.status).toBe(400);
    expect(stub.sent).toHaveLength(0);
  });
});

describe('with Bot Framework credentials', () => {
  it('refuses a request without a token with 401, before any handler runs', async () => {
    await start({ MicrosoftAppId: '11111111-1111-4111-8111-111111111111', MicrosoftAppPassword: 'not-used', MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222' });
    const res = await bot.post(message(USERS.secretary, '/kanal', channel()));
    expect(res.status).toBe(401);
    expect(stub.sent).toHaveLength(0);
    expect((await onDisk()).conversations).toEqual([]);
  });

  it('refuses a forged token with 401', async () => {
    await start({ MicrosoftAppId: '11111111-1111-4111-8111-111111111111', MicrosoftAppPassword: 'not-used', MicrosoftAppTenantId: '22222222-2222-4222-8222-222222222222' });
    const forged = ['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify({ aud: '11111111-1111-4111-8111-111111111111' })).toString('base64url'), ''].join('.');
    const res = await bot.post(message(USERS.secretary, '/hjelp', personal()), { authorization: `Bearer ${forged}` });
    expect(res.status).toBe(401);
    expect(stub.sent).toHaveLength(0);
  });
});

describe('writing only what changed', () => {
  it('does not write to the data file or its journal for a second message in the same chat', async () => {
    await start();
    await bot.post(message(USERS.member, '/hjelp', personal()));
    const saved = async () => Promise.all([bot.dataFile, `${bot.dataFile}.journal.1`].map(async (f) => (await stat(f)).size + ':' + (await stat(f)).mtimeMs));
    const before = await saved();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await bot.post(message(USERS.member, '/meg', personal()));
    expect(await saved()).toEqual(before);
    expect(stub.sent).toHaveLength(2);
  });
});
