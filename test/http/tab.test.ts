import { readFile } from 'node:fs/promises';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposeItem } from '../../src/domain/agenda.js';
import { openRound } from '../../src/domain/salto-rounds.js';
import type { TabOverview } from '../../src/tab/overview.js';
import { cardProblems } from '../helpers/adaptive-cards.js';
import { cardText, NOW } from '../helpers/builders.js';
import { APP_ID, OIDS, OTHER_TENANT, PUBLIC_HOST, startFakeEntra, TEAMS_APP_ID, TENANT, type FakeEntra, withTeamsCredentials } from '../helpers/entra.js';
import { startTestBot, type BotUnderTest } from '../helpers/running-bot.js';

let entra: FakeEntra;
let bot: BotUnderTest;

beforeAll(async () => {
  entra = await startFakeEntra();
  bot = await startTestBot(withTeamsCredentials({ ENTRA_JWKS_URL: entra.jwksUrl }));
});
afterAll(async () => {
  await bot?.stop();
  await entra?.close();
});

async function overview(token: string | undefined, authorization = token ? `Bearer ${token}` : undefined) {
  const response = await fetch(`${bot.url}/api/tab/overview`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, body: (await response.json()) as TabOverview & { error?: string } };
}

const cardsOf = (o: TabOverview) => [
  ...o.meetings.items.map((m) => m.card),
  ...(o.followUps ? [o.followUps.card] : []),
  ...(o.minutes?.item ? [o.minutes.item.card] : []),
  ...(o.reports ? o.reports.items.map((r) => r.card) : []),
  ...(o.secretariat ? [o.secretariat.followUps.card, ...o.secretariat.proposals.items.map((p) => p.card), ...(o.secretariat.salto.round ? [o.secretariat.salto.round.card] : [])] : []),
];

describe('the personal tab’s API behind Teams single sign-on', () => {
  it('answers a token signed by a published Entra key with the overview of the member it names', async () => {
    const { status, body } = await overview(await entra.token());
    expect(status).toBe(200);
    expect(body.viewer).toMatchObject({ id: 'kari-nordmann', name: 'Kari Nordmann', secretariat: true });
    expect(entra.keyFetches).toBeGreaterThan(0);
  });

  it('takes the app id URI as audience and the v1.0 issuer too, as Teams may send either', async () => {
    const token = await entra.token({ aud: `api://${PUBLIC_HOST}/${APP_ID}`, iss: `https://sts.windows.net/${TENANT}/`, oid: OIDS.ola });
    const { status, body } = await overview(token);
    expect(status).toBe(200);
    expect(body.viewer.id).toBe('ola-hansen');
  });

  it('finds a member not yet linked to an object id by the address in the token', async () => {
    const token = await entra.token({ oid: '22222222-2222-4222-8222-222222222222', preferred_username: 'byrad.set@oslo-kommune.example' });
    const { status, body } = await overview(token);
    expect(status).toBe(200);
    expect(body.viewer.id).toBe('byrad-set');
  });

  const seconds = Math.floor(Date.parse(NOW) / 1000);
  /** What a valid token for Kari says, for tokens made here without the fake Entra's key. */
  const kariClaims = { iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: APP_ID, tid: TENANT, oid: OIDS.kari, scp: 'access_as_user', exp: seconds + 3600 };
  const refused: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['an expired token', () => entra.token({ iat: seconds - 7200, nbf: seconds - 7200, exp: seconds - 3600 })],
    ['a token not valid yet', () => entra.token({ nbf: seconds + 3600 })],
    ['a token for another app (audience)', () => entra.token({ aud: '99999999-9999-4999-8999-999999999999' })],
    ['a token from a tenant that is not allowed', () => entra.token({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a token whose issuer is not Entra for its tenant', () => entra.token({ iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })],
    ['a token from a look-alike issuer', () => entra.token({ iss: 'https://login.example.com/v2.0' })],
    ['a token without the access_as_user scope', () => entra.token({ scp: 'User.Read' })],
    ['a forged signature (a key Entra does not publish, with its key id)', () => entra.token({}, { signer: 'unpublished' })],
    ['a token whose key id Entra does not publish', () => entra.token({}, { kid: 'someone-else' })],
    ['an unsigned token (alg none)', async () => new UnsecuredJWT(kariClaims).encode()],
    ['a token signed with a shared secret (HS256)', () => new SignJWT(kariClaims).setProtectedHeader({ alg: 'HS256', kid: 'test-key' }).sign(new TextEncoder().encode('a-secret-anyone-could-guess-1234'))],
    ['a token with its payload changed after signing', async () => {
      const [header, , signature] = (await entra.token({ oid: OIDS.ola })).split('.');
      const payload = Buffer.from(JSON.stringify(kariClaims)).toString('base64url');
      return `${header}.${payload}.${signature}`;
    }],
    ['garbage', async () => 'not-a-token-at-all'],
  ];
  it.each(refused)('refuses %s with 401 and shows nothing', async (_name, make) => {
    const { status, body } = await overview(await make());
    expect(status).toBe(401);
    expect(body).toEqual({ error: 'unauthenticated' });
  });

  it('refuses a token sent any other way than as a Bearer header', async () => {
    const token = await entra.token();
    expect((await overview(undefined, token)).status).toBe(401);
    expect((await overview(undefined, `Basic ${token}`)).status).toBe(401);
    const viaQuery = await fetch(`${bot.url}/api/tab/overview?access_token=${token}`);
    expect(viaQuery.status).toBe(401);
  });

  it('shows a valid user of the tenant who is not a member nothing (403)', async () => {
    const { status, body } = await overview(await entra.token({ oid: '33333333-3333-4333-8333-333333333333', preferred_username: 'someone@oslo-kommune.example' }));
    expect(status).toBe(403);
    expect(body.error).toBe('not-a-member');
    expect(body.meetings).toBeUndefined();
  });

  it('has no development sign-in when the bot runs with Teams credentials', async () => {
    expect((await fetch(`${bot.url}/api/tab/dev/members`)).status).toBe(404);
    const signIn = await fetch(`${bot.url}/api/tab/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: 'kari-nordmann' }) });
    expect(signIn.status).toBe(404);
    const page = await (await fetch(`${bot.url}/tab`)).text();
    expect(page).toContain(`"development":false`);
    expect(page).toContain(`"teamsAppId":"${TEAMS_APP_ID}"`);
  });
});

describe('what each role sees in the tab', () => {
  it('gives a member the next three meetings with confidential items (it is personal), their answers and their own points', async () => {
    const { body } = await overview(await entra.token({ oid: OIDS.ola }));
    expect(body.meetings.items.map((m) => m.id)).toEqual(['mote-2026-12', 'mote-2027-03', 'mote-2027-06']);
    expect(JSON.stringify(body.meetings.items[0]!.card)).toContain('Situasjonsbrief fra politiet');
    expect(body.followUps?.points.map((p) => p.id)).toEqual(['op-2024-03']);
    expect(body.secretariat).toBeUndefined();
  });

  it('gives the deputy chair every open point, as /status does, and no secretariat section', async () => {
    const { body } = await overview(await entra.token({ oid: OIDS.tor }));
    const open = bot.store.read().followUps.filter((p) => p.status === 'åpen' || p.status === 'pågår').length;
    expect(body.followUps).toMatchObject({ heading: 'Alle åpne oppfølgingspunkter', open });
    expect(body.followUps?.points.map((p) => p.id)).toContain('op-2024-03');
    expect(body.secretariat).toBeUndefined();
  });

  it('shows the member’s own attendance answer on the meeting', async () => {
    await bot.store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2026-12')!.attendance.push({ memberId: 'ola-hansen', answer: 'forfall', substitute: 'Per Olsen', at: NOW });
    });
    const { body } = await overview(await entra.token({ oid: OIDS.ola }));
    expect(body.meetings.items[0]).toMatchObject({ answer: 'forfall', substitute: 'Per Olsen' });
    expect(JSON.stringify(body.meetings.items[0]!.card)).toContain('Per Olsen');
  });

  it('gives a SaLTo coordinator the meetings and their own report, but no follow-up points, as /status does', async () => {
    const { status, body } = await overview(await entra.token({ oid: OIDS.aisha }));
    expect(status).toBe(200);
    expect(body.meetings.items.length).toBe(3);
    expect(body.followUps).toBeUndefined();
    expect(body.secretariat).toBeUndefined();
    expect(body.reports).toMatchObject({ heading: 'Din SaLTo-rapport', items: [] });
  });

  it('gives everyone with a role the minutes last sent to the council, public as sent', async () => {
    let { body } = await overview(await entra.token({ oid: OIDS.aisha }));
    expect(body.minutes).toEqual({ heading: 'Siste referat', empty: 'Ingen referater er sendt ut ennå.', item: null });
    await bot.store.update((data) => {
      const held = data.meetings.find((m) => m.id === 'mote-2024-10')!;
      held.agenda[5]!.confidential = true;
      held.minutes = { ...held.minutes!, items: { ...held.minutes!.items, 'mote-2024-10-6': 'Gjengkonflikten i indre øst.' }, sentAt: '2024-10-14T10:00:00Z', sentRevision: 1 };
    });
    for (const oid of [OIDS.ola, OIDS.aisha, OIDS.kari]) {
      ({ body } = await overview(await entra.token({ oid })));
      expect(body.minutes?.item).toMatchObject({ meetingId: 'mote-2024-10', name: 'Ordinært møte mandag 7. oktober 2024 kl. 10.00', sentAt: '2024-10-14T10:00:00Z' });
      const text = cardText(body.minutes!.item!.card);
      expect(text).toMatch(/^Sendt til rådet 14\. oktober 2024\.\nReferat: Ordinært møte i Politirådet\n/);
      expect(text).toContain('Dagsorden godkjent.');
      expect(text).toContain('6. Unntatt offentlighet');
      expect(text).not.toContain('Gjengkonflikten');
    }
    await bot.store.update((data) => {
      const held = data.meetings.find((m) => m.id === 'mote-2024-10')!;
      held.agenda[5]!.confidential = false;
      delete held.minutes!.sentAt;
      delete held.minutes!.sentRevision;
    });
  });

  it('gives the secretary every open point and the SaLTo round’s status once a round is open', async () => {
    let { body } = await overview(await entra.token());
    const open = (await bot.store.read()).followUps.filter((p) => p.status === 'åpen' || p.status === 'pågår').length;
    expect(body.secretariat?.followUps.open).toBe(open);
    expect(body.secretariat?.followUps.points.length).toBe(open);
    expect(body.secretariat?.salto.round).toBeNull();
    // The list of all points links the follow-up list for the next meeting's papers; the secretary's own points do not.
    const links = (card: unknown) => ((card as { actions?: { type: string; title: string; url: string }[] }).actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
    expect(links(body.secretariat?.followUps.card)).toEqual([
      { type: 'Action.OpenUrl', title: 'Oppfølgingslisten (Word)', url: expect.stringMatching(new RegExp(`^https://${PUBLIC_HOST}/oppfolging/mote-2026-12/\\d+/[A-Za-z0-9_-]+\\.docx$`)) },
    ]);
    expect(links(body.followUps?.card)).toEqual([]);

    await bot.store.update((data) => {
      openRound(data, 'mote-2026-12', undefined, 'kari-nordmann', new Date(NOW), 'Europe/Oslo');
    });
    ({ body } = await overview(await entra.token()));
    const round = body.secretariat?.salto.round;
    expect(round?.meetingId).toBe('mote-2026-12');
    expect(round?.units.length).toBeGreaterThan(10);
    expect(round?.units.every((u) => u.state === 'ikke startet')).toBe(true);
    // A member still sees no round and no one else's points; the coordinator sees their unit's report.
    const member = (await overview(await entra.token({ oid: OIDS.ola }))).body;
    expect(member.secretariat).toBeUndefined();
    expect(member.reports).toBeUndefined();
    const coordinator = (await overview(await entra.token({ oid: OIDS.aisha }))).body;
    expect(coordinator.reports?.items).toMatchObject([{ meetingId: 'mote-2026-12', unitId: 'bydel-grorud', state: 'ikke startet' }]);
  });

  it('gives the secretary the members’ proposals waiting for an answer, as static cards', async () => {
    let { body } = await overview(await entra.token());
    expect(body.secretariat?.proposals).toEqual({ heading: 'Forslag som venter', empty: 'Ingen forslag fra medlemmene venter på svar.', items: [] });
    await bot.store.update((data) => {
      proposeItem(data, 'mote-2027-03', 'ola-hansen', { title: 'Trygghet i **T-banen**', description: 'Vekterne melder om mer uro.' }, new Date(NOW));
    });
    ({ body } = await overview(await entra.token()));
    const items = body.secretariat?.proposals.items ?? [];
    expect(items.map((p) => [p.meetingId, p.title])).toEqual([['mote-2027-03', 'Trygghet i **T-banen**']]);
    expect(cardText(items[0]!.card)).toMatch(/^Nytt forslag til dagsordenen\nTrygghet i \*\*T-banen\*\*\nVekterne melder om mer uro\.\nForeslått av Ola Hansen til Ordinært møte torsdag 11\. mars 2027 kl\. 09\.00\. Ta stilling til det med \/dagsorden i chatten med boten\.$/);
    expect((await overview(await entra.token({ oid: OIDS.ola }))).body.secretariat).toBeUndefined();
  });

  it('sends cards the Adaptive Cards SDK parses, with links but no chat buttons or fields', async () => {
    for (const oid of [OIDS.kari, OIDS.ola, OIDS.aisha]) {
      const { body } = await overview(await entra.token({ oid }));
      for (const card of cardsOf(body)) {
        expect(cardProblems(card)).toEqual([]);
        expect(JSON.stringify(card)).not.toMatch(/Action\.(Submit|Execute|ShowCard)|"Input\./);
      }
    }
  });

  it('only reads: the data file is the same after any number of requests', async () => {
    await bot.store.update(() => undefined);
    const before = await readFile(bot.dataFile);
    for (const oid of [OIDS.kari, OIDS.ola, OIDS.aisha]) await overview(await entra.token({ oid }));
    await overview(await entra.token({ oid: '44444444-4444-4444-8444-444444444444', preferred_username: 'byrad.noe@oslo-kommune.example' }));
    expect(await readFile(bot.dataFile)).toEqual(before);
  });
});

describe('the development sign-in in local mode', () => {
  let local: BotUnderTest;
  beforeAll(async () => {
    local = await startTestBot();
  });
  afterAll(async () => {
    await local?.stop();
  });
  const signIn = (memberId: unknown) =>
    fetch(`${local.url}/api/tab/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId }) });

  it('lists the members to sign in as and signs in as the one chosen', async () => {
    const members = (await (await fetch(`${local.url}/api/tab/dev/members`)).json()) as { id: string }[];
    expect(members.map((m) => m.id)).toContain('ola-hansen');
    const { token } = (await (await signIn('ola-hansen')).json()) as { token: string };
    const response = await fetch(`${local.url}/api/tab/overview`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as TabOverview).viewer.id).toBe('ola-hansen');
    expect(await (await fetch(`${local.url}/tab`)).text()).toContain('"development":true');
  });

  it('refuses an unknown member, and a development token that was changed or made elsewhere', async () => {
    expect((await signIn('nobody')).status).toBe(400);
    expect((await signIn({ id: 'ola-hansen' })).status).toBe(400);
    const { token } = (await (await signIn('ola-hansen')).json()) as { token: string };
    const [header, , signature] = token.split('.');
    const changed = `${header}.${Buffer.from(JSON.stringify({ iss: 'politiradsboten-development-sign-in', sub: 'kari-nordmann', exp: 4102444800 })).toString('base64url')}.${signature}`;
    const elsewhere = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('politiradsboten-development-sign-in').setSubject('kari-nordmann').setExpirationTime(4102444800).sign(new TextEncoder().encode('x'.repeat(32)));
    for (const bad of [changed, elsewhere]) {
      expect((await fetch(`${local.url}/api/tab/overview`, { headers: { authorization: `Bearer ${bad}` } })).status).toBe(401);
    }
  });

  it('does not take an Entra token in local mode', async () => {
    expect((await fetch(`${local.url}/api/tab/overview`, { headers: { authorization: `Bearer ${await entra.token()}` } })).status).toBe(401);
  });
});

describe('the tab page and its files', () => {
  it('serves the page with a policy that lets only Teams frame it and loads nothing from elsewhere', async () => {
    const response = await fetch(`${bot.url}/tab`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(policy).not.toContain('frame-ancestors *');
  });

  it('serves its script, style and the two libraries, and nothing else from the folder', async () => {
    for (const [file, type] of [['tab.js', 'javascript'], ['tab.css', 'css'], ['teams-js.js', 'javascript'], ['adaptivecards.js', 'javascript']] as const) {
      const response = await fetch(`${bot.url}/tab/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
    for (const path of ['index.html', '..%2Fpackage.json', '%2E%2E%2F%2E%2E%2Fpackage.json', 'tab.js.map']) {
      expect((await fetch(`${bot.url}/tab/${path}`)).status, path).toBe(404);
    }
  });
});
