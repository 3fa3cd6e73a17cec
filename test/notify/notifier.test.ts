import { describe, expect, it } from 'vitest';
import { enqueue } from '../../src/domain/deliveries.js';
import type { Data } from '../../src/domain/schema.js';
import { Notifier, SendFailure, type Transport } from '../../src/notify/notifier.js';
import { CONVERSATION_LIMITS, RateLimiter, TENANT_LIMITS, type Limit } from '../../src/notify/rate-limiter.js';
import { memoryStore } from '../../src/store/memory-store.js';
import { demoData, NOW, silentLogger } from '../helpers/builders.js';

/** A clock that only moves when the notifier sleeps, so waits are exact and tests instant. */
function manualTime(start = Date.parse(NOW)) {
  let now = start;
  return {
    clock: { now: () => new Date(now) },
    sleep: async (ms: number) => {
      now += ms;
    },
    at: () => now,
  };
}

function chats(data: Data, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `a:chat-${i}`;
    ids.push(id);
    data.conversations.push({ id, kind: 'personal', tenantId: 'tenant-1', reference: { serviceUrl: 'https://smba.example', conversation: { id } }, installed: true, firstSeenAt: NOW, lastSeenAt: NOW });
  }
  return ids;
}

function setup(count: number, transport: (call: { conversationId: string; at: number; attempt: number }) => void | Promise<void>) {
  const data = demoData();
  const ids = chats(data, count);
  enqueue(data, 'agenda', 'mote-2026-12', 'auto', ids.map((conversationId) => ({ conversationId })), new Date(NOW));
  const store = memoryStore(data);
  const time = manualTime();
  const calls: { conversationId: string; at: number; kind: 'send' | 'update' }[] = [];
  const attempts = new Map<string, number>();
  const fake: Transport = {
    async send(reference) {
      const conversationId = (reference['conversation'] as { id: string }).id;
      const attempt = (attempts.get(conversationId) ?? 0) + 1;
      attempts.set(conversationId, attempt);
      calls.push({ conversationId, at: time.at(), kind: 'send' });
      await transport({ conversationId, at: time.at(), attempt });
      return { id: `act-${conversationId}` };
    },
    async update(reference) {
      calls.push({ conversationId: (reference['conversation'] as { id: string }).id, at: time.at(), kind: 'update' });
    },
  };
  const notifier = new Notifier({
    store,
    clock: time.clock,
    now: time.at,
    logger: silentLogger,
    transport: fake,
    sleep: time.sleep,
    random: () => 0.5,
    compose: (delivery, current) => {
      const record = current.conversations.find((c) => c.id === delivery.conversationId)!;
      return { reference: record.reference, tenantId: record.tenantId, activity: { type: 'message', text: 'agenda' }, revision: current.meetings.find((m) => m.id === delivery.meetingId)!.revision };
    },
  });
  return { store, notifier, calls, time };
}

/** The most sends in any window of the given length. */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j < sorted.length && sorted[j]! - sorted[i]! < windowMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

describe('the rate limiter', () => {
  it('never lets more sends into any window than each limit allows', () => {
    const limiter = new RateLimiter();
    const keys = [{ key: 'c', limits: CONVERSATION_LIMITS }];
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      const at = limiter.earliest(keys, 0);
      limiter.reserve(keys, at, 0);
      times.push(at);
    }
    for (const { count, windowMs } of CONVERSATION_LIMITS as Limit[]) expect(busiest(times, windowMs)).toBeLessThanOrEqual(count);
    // 60 in the first 30 s, then the rest wait for the 30-second window.
    expect(times[59]).toBeLessThan(30_000);
    expect(times[60]).toBeGreaterThanOrEqual(30_000);
  });

  it('holds a whole tenant to about 50 requests a second', () => {
    const limiter = new RateLimiter();
    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const keys = [{ key: `c${i}`, limits: CONVERSATION_LIMITS }, { key: 't', limits: TENANT_LIMITS }];
      const at = limiter.earliest(keys, 0);
      limiter.reserve(keys, at, 0);
      times.push(at);
    }
    // 50 in any published second, with each window held 2 % longer for Teams' "about".
    expect(busiest(times, 1000)).toBe(50);
    expect(busiest(times, 1020)).toBe(50);
    expect(Math.max(...times)).toBe(9 * 1020);
  });

  it('counts a send from when its answer came back, so a slow answer cannot let the next window overrun', () => {
    const limiter = new RateLimiter();
    const keys = [{ key: 't', limits: [{ count: 2, windowMs: 1000 }] }];
    limiter.reserve(keys, 0);
    limiter.reserve(keys, 10);
    // The first send's answer took 300 ms: Teams may have counted it as late as 300.
    limiter.settle(keys, 0, 300);
    limiter.settle(keys, 10, 20);
    expect(limiter.earliest(keys, 500)).toBe(1020);
    limiter.reserve(keys, 1020);
    expect(limiter.earliest(keys, 1020)).toBe(1300);
  });
});

describe('the notifier', () => {
  it('sends every queued message once and records it as sent with its activity id', async () => {
    const { store, notifier, calls } = setup(12, () => undefined);
    await notifier.kick();
    expect(calls).toHaveLength(12);
    const deliveries = store.read().deliveries;
    expect(deliveries.every((d) => d.status === 'sent' && d.activityId === `act-${d.conversationId}` && d.attempts === 1)).toBe(true);
    await notifier.kick();
    expect(calls).toHaveLength(12);
  });

  it('keeps 16 sends in flight while answers are slow, so a slow line does not hold it below Teams\' limits', async () => {
    let inFlight = 0;
    let most = 0;
    const { notifier, calls } = setup(40, async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      // Answers that take a while: the limits allow all 40 at once, so only the notifier holds them back.
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    });
    await notifier.kick();
    expect(calls).toHaveLength(40);
    expect(most).toBe(16);
  });

  it('waits the Retry-After a 429 asks for before sending again in that tenant', async () => {
    const { store, notifier, calls } = setup(3, ({ conversationId, attempt }) => {
      if (conversationId === 'a:chat-0' && attempt === 1) throw new SendFailure('429 Too Many Requests', 429, 4000);
    });
    await notifier.kick();
    const throttledAt = calls.find((c) => c.conversationId === 'a:chat-0')!.at;
    const after = calls.filter((c) => c.at > throttledAt);
    expect(after.length).toBeGreaterThan(0);
    // Every send that follows the 429 waited the full four seconds.
    expect(after.every((c) => c.at >= throttledAt + 4000)).toBe(true);
    expect(store.read().deliveries.every((d) => d.status === 'sent')).toBe(true);
  });

  it('retries 412, 500, 502, 503 and 504 with growing waits, and records the reason when attempts run out', async () => {
    const statuses = [412, 500, 502, 503, 504];
    const { store, notifier, calls } = setup(1, ({ attempt }) => {
      if (attempt <= statuses.length) throw new SendFailure(`status ${statuses[attempt - 1]}`, statuses[attempt - 1]);
    });
    await notifier.kick();
    // Five retryable failures use up the five attempts: recorded as failed, with the reason.
    expect(store.read().deliveries[0]).toMatchObject({ status: 'failed', attempts: 5 });
    expect(store.read().deliveries[0]!.error).toMatch(/^412|^504|^50\d/);
    const gaps = calls.slice(1).map((c, i) => c.at - calls[i]!.at);
    expect(gaps).toEqual([...gaps].sort((a, b) => a - b));
  });

  it('recovers from a timeout and a 503 on the next attempts', async () => {
    const { store, notifier, calls } = setup(1, ({ attempt }) => {
      if (attempt === 1) throw new SendFailure('The operation was aborted due to timeout', undefined);
      if (attempt === 2) throw new SendFailure('Service Unavailable', 503);
    });
    await notifier.kick();
    expect(calls).toHaveLength(3);
    expect(store.read().deliveries[0]).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it('records 403 and 404 as undeliverable at once, and a 400 as failed, without retrying', async () => {
    const { store, notifier, calls } = setup(3, ({ conversationId }) => {
      if (conversationId === 'a:chat-0') throw new SendFailure('Forbidden', 403);
      if (conversationId === 'a:chat-1') throw new SendFailure('Not Found', 404);
      throw new SendFailure('Bad Request', 400);
    });
    await notifier.kick();
    expect(calls).toHaveLength(3);
    const byId = new Map(store.read().deliveries.map((d) => [d.conversationId, d]));
    expect(byId.get('a:chat-0')).toMatchObject({ status: 'undeliverable', error: expect.stringMatching(/^403/) });
    expect(byId.get('a:chat-1')).toMatchObject({ status: 'undeliverable', error: expect.stringMatching(/^404/) });
    expect(byId.get('a:chat-2')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^400/) });
    expect(store.read().conversations.find((c) => c.id === 'a:chat-0')!.installed).toBe(false);
  });

  it('updates posted cards in place when their meeting changes, once per change', async () => {
    const { store, notifier, calls } = setup(2, () => undefined);
    await notifier.kick();
    await store.update((data) => {
      data.meetings.find((m) => m.id === 'mote-2026-12')!.revision += 1;
    });
    await notifier.kick();
    await notifier.kick();
    expect(calls.filter((c) => c.kind === 'update')).toHaveLength(2);
    expect(store.read().deliveries.every((d) => d.revision === 1)).toBe(true);
  });

  it('leaves messages it did not get to pending when stopped, for the next start', async () => {
    const { store, notifier } = setup(3, () => undefined);
    await notifier.stop();
    await notifier.kick();
    expect(store.read().deliveries.every((d) => d.status === 'pending')).toBe(true);
  });

  it('keeps a message pending when its status cannot be saved, so it is not lost', async () => {
    const { store, notifier } = setup(1, () => undefined);
    store.failWrites(true);
    await notifier.kick();
    store.failWrites(false);
    expect(store.read().deliveries[0]!.status).toBe('pending');
  });
});
