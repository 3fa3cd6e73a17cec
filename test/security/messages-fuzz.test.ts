import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Verb } from '../../src/bot/actions/verbs.js';
import { cardSubmit, invoke, message, USERS, type User } from '../helpers/activities.js';
import { councilFile } from '../helpers/council-file.js';
import { connectorSuite, onDisk, type BotUnderTest } from '../helpers/running-bot.js';

const suite = connectorSuite();
const PEOPLE: User[] = [USERS.secretary, USERS.member, USERS.coordinator, USERS.stranger];
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** Ids that look like the bot's own but name nothing, and ids meant to break things. */
const forgedId = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('mote-2099-01', 'op-0000-00', 'runde-mote-2099-01|bydel-alna', 'seminar-1999', '../../etc/passwd', '__proto__', 'constructor', 'toString', '', ' ', '%00', 'a'.repeat(5000)),
);
const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.constantFrom('\u202Eevil\u202C', '\u0000\u0001\u001f', '<at>Politirådsboten</at>', '**fet** [lenke](https://evil.example) ![bilde](https://evil.example/x.png)', '${council.name}', '{{DATE(2026-12-10T09:00:00Z)}}', '\uD800', '🧑‍🤝‍🧑'.repeat(2000)),
  fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'å'.repeat(n)),
);
const wrongForString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.constant({}));
const wrongForObject = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null), fc.constant({}), fc.constant({ id: 42 }), fc.constant({ id: '' }));

/** What a malformed request is: not JSON, not an object, or an activity with a field of the wrong type or missing. */
function malformed(serviceUrl: string) {
  const base = (user: User) => message(user, '/hjelp', { serviceUrl }) as unknown as Record<string, unknown>;
  return fc.oneof(
    fc.string({ maxLength: 200 }).map((text) => ({ raw: text })),
    fc.jsonValue({ maxDepth: 3 }).map((value) => ({ raw: JSON.stringify(value) ?? 'null' })),
    fc
      .record({ user: fc.constantFrom(...PEOPLE), field: fc.constantFrom('type', 'channelId', 'serviceUrl', 'text', 'locale', 'id'), value: wrongForString })
      .map(({ user, field, value }) => ({ raw: JSON.stringify({ ...base(user), [field]: value }) })),
    fc
      .record({ user: fc.constantFrom(...PEOPLE), field: fc.constantFrom('conversation', 'from', 'recipient'), value: wrongForObject })
      .map(({ user, field, value }) => ({ raw: JSON.stringify({ ...base(user), [field]: value }) })),
    fc
      .record({ user: fc.constantFrom(...PEOPLE), field: fc.constantFrom('type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient') })
      .map(({ user, field }) => {
        const activity = base(user);
        delete activity[field];
        return { raw: JSON.stringify(activity) };
      }),
    fc.constantFrom({ raw: JSON.stringify({ ...base(USERS.member), serviceUrl: 'javascript:alert(1)' }) }, { raw: JSON.stringify({ ...base(USERS.member), serviceUrl: 'file:///etc/passwd' }) }),
  );
}

/** Card data with a real or invented verb, invented ids and values of any type. */
const cardData = fc
  .record({
    verb: fc.oneof(fc.constantFrom(...Object.values(Verb)), fc.string({ maxLength: 50 }), fc.constantFrom('__proto__', 'hjelp.vis.', 'STATUS.VIS')),
    ids: fc.record(
      { meetingId: forgedId, followUpId: forgedId, roundId: forgedId, reportId: forgedId, proposalId: forgedId, itemId: forgedId, unitId: forgedId },
      { requiredKeys: [] },
    ),
    extra: fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
    revision: fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null)),
  })
  .map(({ verb, ids, extra, revision }) => ({ ...extra, ...ids, revision, verb }));

/** Files as Teams attaches them to a message, and things that only look like them. */
function sentFiles(stubUrl: string) {
  const downloadUrl = fc.oneof(
    fc.constantFrom(`${stubUrl}/no-such-file`, 'https://127.0.0.1:1/refused', 'http://intern.example/x.pdf', 'javascript:alert(1)', 'file:///etc/passwd', '', `${stubUrl}/${'x'.repeat(5000)}`),
    fc.string({ maxLength: 200 }),
    wrongForString,
  );
  const wellFormed = fc.record({
    contentType: fc.constant('application/vnd.microsoft.teams.file.download.info'),
    name: oddText,
    content: fc.record({ downloadUrl, fileType: fc.string({ maxLength: 10 }) }),
  });
  const attachment = fc.record(
    {
      contentType: fc.oneof(fc.constant('application/vnd.microsoft.teams.file.download.info'), fc.string({ maxLength: 40 }), wrongForString),
      name: fc.oneof(oddText, forgedId, wrongForString),
      content: fc.oneof(fc.record({ downloadUrl, uniqueId: fc.string({ maxLength: 40 }), fileType: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }), wrongForObject),
      contentUrl: fc.oneof(fc.string({ maxLength: 100 }), wrongForString),
    },
    { requiredKeys: [] },
  );
  return fc.oneof(
    { arbitrary: fc.array(fc.oneof(wellFormed, attachment), { minLength: 1, maxLength: 12 }), weight: 4 },
    { arbitrary: fc.oneof(wrongForObject, fc.string({ maxLength: 20 })), weight: 1 },
  );
}

describe('/api/messages under thousands of malformed and forged requests', () => {
  it('never crashes, never answers 5xx, and changes the data only through valid requests', async () => {
    const { dataFile } = await councilFile(suite.stub.url);
    const bot: BotUnderTest = await suite.start({ DATA_FILE: dataFile }, dataFile);
    const where = (user: User) => ({ serviceUrl: suite.stub.url, conversationId: `a:personal-${user.id}` });
    // One valid message from each person first, so their chats are seen today and nothing is left to record.
    for (const user of PEOPLE) expect((await bot.post(message(user, '/hjelp', where(user)))).status).toBe(200);
    const before = await onDisk(bot);

    const statuses = new Map<number, number>();
    const check = async (send: () => Promise<Response>) => {
      const res = await send();
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status).toBeLessThan(500);
    };
    await fc.assert(
      fc.asyncProperty(malformed(suite.stub.url), async ({ raw }) => check(() => bot.post(raw))),
      { numRuns: 1000 * RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PEOPLE), oddText, async (user, text) => check(() => bot.post(message(user, text, where(user))))),
      { numRuns: 400 * RUNS },
    );
    // Files sent in chat, most of them by the secretariat, whose files are fetched.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(USERS.secretary, USERS.secretary, ...PEOPLE), oddText, sentFiles(suite.stub.url), async (user, text, attachments) =>
        check(() => bot.post({ ...message(user, text, where(user)), attachments })),
      ),
      { numRuns: 200 * RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PEOPLE), cardData, fc.boolean(), async (user, data, asInvoke) =>
        check(() => bot.post(asInvoke ? invoke(user, data, where(user)) : cardSubmit(user, data, where(user)))),
      ),
      { numRuns: 1600 * RUNS },
    );
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(3200);
    // Both kinds of answer happened: refused as malformed (400), and handled with a polite reply (200).
    expect(statuses.get(400)).toBeGreaterThan(500);
    expect(statuses.get(200)).toBeGreaterThan(1000);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    // No turn failed on the way: every refusal was a handled one, not "noe gikk galt".
    expect(suite.stub.sent.filter((sent) => sent.body.text?.startsWith('Beklager, noe gikk galt')).map((sent) => sent.body.text)).toEqual([]);
    await bot.settled();
    expect(await onDisk(bot)).toEqual(before);
  }, 240_000);
});
