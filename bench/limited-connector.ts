import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { PUBLISHED_CONVERSATION_LIMITS, PUBLISHED_TENANT_LIMITS, type Limit } from '../src/notify/rate-limiter.js';
import { sequence } from './ten-years.js';

/** Teams' published limit per app and tenant, as the service enforces it (no margin). */
export const TENANT_LIMIT = PUBLISHED_TENANT_LIMITS[0] as Limit;
const RETRY_AFTER_S = 1;
/** A request that reached the stub this soon after a 429 was answered was already on its way. */
export const ON_THE_WIRE_MS = 10;

/** What the stub saw, handed over when it is closed. */
export interface LimitedConnectorRecord {
  /** Every request, in arrival order: when, for which conversation, and the answer. */
  requests: { at: number; conversationId: string; status: number }[];
  /** Deliveries per conversation (answered 201). */
  delivered: Map<string, number>;
  /** Requests that arrived while a 429's Retry-After was running: on the wire when it was answered, or sent after. */
  duringPause: { onTheWire: number; early: number };
}

export interface LimitedConnector {
  url: string;
  close(): Promise<LimitedConnectorRecord>;
}

interface WorkerRequest {
  role: 'limited-connector';
  failRate: number;
  seed: number;
  /** How long each answer takes after the request arrived: the network and the service. */
  answerDelayMs: number;
}

/**
 * A connector service that holds the bot to Teams' limits: per conversation (7/1 s, 8/2 s,
 * 60/30 s, 1800/h) and about 50 requests a second per tenant, counted on arrival over sliding
 * windows. Over a limit it answers 429 with Retry-After: 1 and refuses that key until then; it
 * also fails `failRate` of the other sends with 503, at random (a fixed seed, so runs compare).
 *
 * It runs in a worker thread with its own event loop, as Teams runs on its own machines: in the
 * bot's thread, a moment the bot kept the loop busy would delay the stub's clock too, and the
 * stub would count arrivals bunched that the network would not.
 */
export async function startLimitedConnector(failRate = 0.05, seed = 42, answerDelayMs = 0): Promise<LimitedConnector> {
  const request: WorkerRequest = { role: 'limited-connector', failRate, seed, answerDelayMs };
  const worker = new Worker(new URL('./in-worker.mjs', import.meta.url), { workerData: { module: import.meta.url, request } });
  const messages: unknown[] = [];
  const waiting: ((message: unknown) => void)[] = [];
  worker.on('message', (message: unknown) => {
    const next = waiting.shift();
    if (next) next(message);
    else messages.push(message);
  });
  const failed = new Promise<never>((_, reject) => worker.once('error', reject));
  const nextMessage = () => Promise.race([failed, new Promise<unknown>((resolve) => (messages.length > 0 ? resolve(messages.shift()) : waiting.push(resolve)))]);
  const { url } = (await nextMessage()) as { url: string };
  return {
    url,
    async close() {
      worker.postMessage('close');
      const record = (await nextMessage()) as Omit<LimitedConnectorRecord, 'delivered'> & { delivered: [string, number][] };
      await worker.terminate();
      return { ...record, delivered: new Map(record.delivered) };
    },
  };
}

async function serve({ failRate, seed, answerDelayMs }: WorkerRequest): Promise<void> {
  const random = sequence(seed);
  const windows = new Map<string, number[]>();
  const pausedUntil = new Map<string, { until: number; answeredAt: number }>();
  const result: LimitedConnectorRecord = { requests: [], delivered: new Map(), duringPause: { onTheWire: 0, early: 0 } };
  let counter = 0;

  const over = (key: string, limits: readonly Limit[], now: number) => {
    const times = windows.get(key) ?? [];
    return limits.some((l) => times.filter((t) => t > now - l.windowMs).length >= l.count);
  };
  const count = (key: string, now: number) => {
    const times = (windows.get(key) ?? []).filter((t) => t > now - 3_600_000);
    times.push(now);
    windows.set(key, times);
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for await (const _chunk of req) void _chunk;
    const now = performance.now();
    const parts = new URL(req.url ?? '/', 'http://stub').pathname.split('/').map(decodeURIComponent);
    const conversationId = parts[3] ?? '';
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      result.requests.push({ at: now, conversationId, status });
      // Counted on arrival (above); the answer comes back later, as over a real network.
      const send = () => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (answerDelayMs > 0) setTimeout(send, answerDelayMs);
      else send();
    };
    if (req.method !== 'POST' || parts[4] !== 'activities') return answer(404, { error: 'not found' });
    const keys = [
      { key: `conversation:${conversationId}`, limits: PUBLISHED_CONVERSATION_LIMITS },
      { key: 'tenant', limits: [TENANT_LIMIT] },
    ];
    const paused = keys.map(({ key }) => pausedUntil.get(key)).find((p) => p !== undefined && now < p.until);
    if (paused) {
      if (now - paused.answeredAt <= ON_THE_WIRE_MS) result.duringPause.onTheWire += 1;
      else result.duringPause.early += 1;
      return answer(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': String(RETRY_AFTER_S) });
    }
    const tripped = keys.find(({ key, limits }) => over(key, limits, now));
    if (tripped) {
      pausedUntil.set(tripped.key, { until: now + RETRY_AFTER_S * 1000, answeredAt: performance.now() + answerDelayMs });
      return answer(429, { error: { code: 'TooManyRequests' } }, { 'retry-after': String(RETRY_AFTER_S) });
    }
    for (const { key } of keys) count(key, now);
    if (random() < failRate) return answer(503, { error: { code: 'ServiceUnavailable' } });
    result.delivered.set(conversationId, (result.delivered.get(conversationId) ?? 0) + 1);
    counter += 1;
    return answer(201, { id: `sent-${counter}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  parentPort?.on('message', () => {
    server.closeAllConnections();
    server.close(() => parentPort?.postMessage({ ...result, delivered: [...result.delivered] }));
  });
  parentPort?.postMessage({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
}

if (!isMainThread && (workerData as { request?: WorkerRequest } | undefined)?.request?.role === 'limited-connector') {
  await serve((workerData as { request: WorkerRequest }).request);
}

/** The least time the tenant limit allows for `requests` requests: 50 at once, then 50 each second. */
export const minimumSeconds = (requests: number) => Math.floor((requests - 1) / TENANT_LIMIT.count) * (TENANT_LIMIT.windowMs / 1000);
