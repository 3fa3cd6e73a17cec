import { describe, expect, it } from 'vitest';
import { connectorTransport } from '../../src/bot/connector-transport.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { message, USERS } from '../helpers/activities.js';
import { councilFile } from '../helpers/council-file.js';
import { connectorSuite, onDisk } from '../helpers/running-bot.js';

const suite = connectorSuite();
const TIMEOUT_MS = 300;

/**
 * What the connector answers each chat, attempt by attempt: a hang past the bot's timeout, 5xx,
 * bursts of 429 with Retry-After, and for some chats failures that never end.
 */
const PLANS: { hang?: true; status?: number }[][] = [
  [{ hang: true }, { status: 500 }],
  [{ status: 502 }, { status: 503 }, { status: 504 }],
  [{ status: 429 }, { status: 429 }, { status: 429 }],
  [{ hang: true }, { hang: true }],
  [{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }],
  [{ status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }, { status: 500 }, { status: 502 }],
  [{ status: 403 }],
  [],
];

describe('a connector that times out, fails and throttles', () => {
  it('delivers every agenda in the end or records why not, and keeps answering others meanwhile', async () => {
    const { dataFile, data } = await councilFile(suite.stub.url, { extraMembers: 24 });
    const chats = data.conversations.map((c) => c.id);
    const planOf = (conversationId: string) => PLANS[chats.indexOf(conversationId) % PLANS.length] ?? [];
    suite.stub.failWith = ({ conversationId, attempt }) => {
      if (conversationId === `a:personal-${USERS.coordinator.id}`) return undefined;
      const step = planOf(conversationId)[attempt - 1];
      if (!step) return undefined;
      if (step.hang) return { status: 503, hangMs: TIMEOUT_MS * 3 };
      return step.status === 429 ? { status: 429, headers: { 'retry-after': '0.2' } } : { status: step.status ?? 500 };
    };
    const env = { DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '3600000' };
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
    // The morning the December meeting's agenda is due.
    const bot = await suite.start(env, dataFile, { clock: fixedClock('2026-12-03T08:00:00Z'), transport: connectorTransport(config, fetch, TIMEOUT_MS) });
    let done = false;
    const sending = bot.scheduler.tick().then(async () => {
      await bot.settled();
      done = true;
    });

    // While the notifier waits out timeouts and backoffs, a coordinator's question is answered at once.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const asked = performance.now();
    const res = await bot.post(message(USERS.coordinator, '/hjelp', { serviceUrl: suite.stub.url, conversationId: `a:personal-${USERS.coordinator.id}` }));
    const answeredInMs = performance.now() - asked;
    expect(res.status).toBe(200);
    expect(answeredInMs).toBeLessThan(1000);
    // The reply went out at once; the notifier may have sent a retry right after it.
    expect(suite.stub.delivered(`a:personal-${USERS.coordinator.id}`)).toHaveLength(1);
    expect(done).toBe(false);

    await sending;
    const agendas = (await onDisk(bot)).deliveries.filter((d) => d.kind === 'agenda' && d.meetingId === 'mote-2026-12');
    expect(agendas.length).toBeGreaterThan(20);
    for (const delivery of agendas) {
      const plan = planOf(delivery.conversationId);
      const delivered = suite.stub.delivered(delivery.conversationId).filter((r) => JSON.stringify(r.body).includes('Dagsorden')).length;
      if (plan.some((s) => s.status === 403)) {
        expect(delivery).toMatchObject({ status: 'undeliverable', error: expect.stringContaining('403') });
      } else if (plan.length >= 5) {
        // Five failed attempts: recorded as failed, with the last reason.
        expect(delivery).toMatchObject({ status: 'failed', error: expect.stringMatching(/^50\d/) });
        expect(delivered).toBe(0);
      } else {
        expect(delivery.status).toBe('sent');
      }
      if (delivery.status === 'sent') expect(delivered).toBe(1);
    }
    // Every kind of fault happened, and was answered by a retry.
    const refused = suite.stub.refused.map((r) => r.status);
    for (const status of [429, 500, 502, 503, 504, 403]) expect(refused).toContain(status);
  }, 60_000);
});
