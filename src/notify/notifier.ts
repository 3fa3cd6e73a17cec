import type { Clock } from '../domain/clock.js';
import { pendingDeliveries, recordCardUpdated, recordOutcome, staleCards, type DeliveryOutcome } from '../domain/deliveries.js';
import type { Data, Delivery } from '../domain/schema.js';
import type { Store } from '../domain/store.js';
import type { Logger } from '../logger.js';
import { CONVERSATION_LIMITS, RateLimiter, TENANT_LIMITS } from './rate-limiter.js';

/** A failed call to the chat service: the HTTP status (none for a timeout or network error). */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** From a 429's Retry-After header, in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

/** How messages reach the chat service; the bot layer implements it, tests fake it. */
export interface Transport {
  send(reference: Record<string, unknown>, activity: Record<string, unknown>): Promise<{ id: string | undefined }>;
  update(reference: Record<string, unknown>, activityId: string, activity: Record<string, unknown>): Promise<void>;
  /** The members of a team, from the team's roster (the reference is any conversation in it). */
  teamMembers?(reference: Record<string, unknown>, teamId: string): Promise<{ id: string; aadObjectId?: string | undefined }[]>;
  /** Opens a personal chat with a team member; returns the reference to save for it. */
  openPersonalChat?(reference: Record<string, unknown>, userId: string, tenantId: string | undefined): Promise<Record<string, unknown>>;
}

/** The message for one delivery, made from the data at send time (so it is never out of date). */
export interface Outgoing {
  reference: Record<string, unknown>;
  tenantId: string | undefined;
  activity: Record<string, unknown>;
  /** The meeting revision the message shows. */
  revision: number | undefined;
}
export type Compose = (delivery: Delivery, data: Readonly<Data>, mode: 'send' | 'update') => Outgoing | undefined;

export interface NotifierOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  transport: Transport;
  compose: Compose;
  /** Requests in flight at once (default 16); the rate limits, not this, set the pace. */
  concurrency?: number;
  /** Attempts for 412/5xx/timeouts before a delivery is recorded as failed. */
  maxAttempts?: number;
  /** 429s answered before a delivery is recorded as failed. */
  maxThrottles?: number;
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** Real time for pacing sends (ms, monotonic), apart from the domain clock that stamps records. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * Sends in flight at once. The limiter counts each send until its answer is back, so with answers
 * taking r seconds the tenant's 50 a second allow about 50·r/(1.02 + r) in flight: 16 leaves the
 * limits, not this, to set the pace for round trips up to half a second (8 held a 200 ms line to
 * two thirds of the allowed rate).
 */
const CONCURRENCY = 16;

const RETRYABLE = new Set([412, 500, 502, 503, 504]);
const UNDELIVERABLE = new Set([403, 404]);

/**
 * The one way proactive messages leave the bot. It drains the outbox in the data file: new
 * messages and posted cards whose meeting changed. It keeps under Teams' limits per conversation
 * and per tenant, waits out a 429's Retry-After, retries 412/5xx with exponential backoff and
 * jitter, and records per recipient what happened.
 */
export class Notifier {
  private readonly limiter = new RateLimiter();
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  /** Waits in progress; stopping wakes them so a shutdown never sits out a long backoff. */
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: NotifierOptions) {
    this.sleep =
      options.sleep ??
      ((ms) =>
        new Promise((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            this.sleepers.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, ms);
          this.sleepers.add(wake);
        }));
    this.random = options.random ?? Math.random;
    // Monotonic: a wall clock set back or forward would shift every window and Retry-After.
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts a drain, or asks the running one to look again when done; never runs two at once. */
  kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        do {
          this.again = false;
          await this.drain();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.options.logger.error({ err: error }, 'notifier stopped on an unexpected error');
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  /** Lets sends in flight finish and starts no more; what is left is sent after the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of [...this.sleepers]) wake();
    await this.running;
  }

  /** Resolves when nothing is being sent (for tests and the benchmark). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    const data = this.options.store.read();
    const jobs: { delivery: Delivery; mode: 'send' | 'update' }[] = [
      ...pendingDeliveries(data).map((delivery) => ({ delivery, mode: 'send' as const })),
      ...staleCards(data).map((delivery) => ({ delivery, mode: 'update' as const })),
    ];
    if (jobs.length === 0) return;
    let next = 0;
    const worker = async () => {
      while (!this.stopped && next < jobs.length) {
        const job = jobs[next++] as (typeof jobs)[number];
        await this.deliver(job.delivery.id, job.mode);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.concurrency ?? CONCURRENCY, jobs.length) }, worker));
  }

  private async deliver(deliveryId: string, mode: 'send' | 'update'): Promise<void> {
    const { store, clock, logger } = this.options;
    const data = store.read();
    const delivery = data.deliveries.find((d) => d.id === deliveryId);
    if (!delivery || (mode === 'send' && delivery.status !== 'pending')) return;
    const outgoing = this.options.compose(delivery, data, mode);
    if (!outgoing) {
      if (mode === 'send') await this.record(deliveryId, { status: 'failed', error: 'nothing to send (its conversation, meeting or point is gone or closed)', attempts: delivery.attempts });
      return;
    }
    const outcome = await this.attempt(delivery, outgoing, mode);
    if (outcome === 'stopped') return;
    if (mode === 'update') {
      if (outcome.status !== 'sent') logger.warn({ deliveryId, error: outcome.error }, 'could not update a posted card; leaving it as it is');
      // Either way the card is not tried again for this revision: a deleted message stays deleted.
      await store.update((draft, before) => recordCardUpdated(draft, deliveryId, outgoing.revision ?? 0, before)).catch((error: unknown) => logger.error({ err: error, deliveryId }, 'could not record a card update'));
      return;
    }
    logger.info({ deliveryId, status: outcome.status, attempts: outcome.attempts, at: clock.now().toISOString() }, 'delivery');
    await this.record(deliveryId, outcome);
  }

  private async record(deliveryId: string, outcome: DeliveryOutcome): Promise<void> {
    try {
      await this.options.store.update((draft, before) => recordOutcome(draft, deliveryId, outcome, this.options.clock.now(), before));
    } catch (error) {
      // The message went out but its status could not be saved; it stays pending and is sent again later.
      this.options.logger.error({ err: error, deliveryId }, 'could not record a delivery');
    }
  }

  private async attempt(delivery: Delivery, outgoing: Outgoing, mode: 'send' | 'update'): Promise<DeliveryOutcome | 'stopped'> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const maxThrottles = this.options.maxThrottles ?? 10;
    const keys = [
      { key: `conversation:${delivery.conversationId}`, limits: CONVERSATION_LIMITS },
      { key: `tenant:${outgoing.tenantId ?? 'unknown'}`, limits: TENANT_LIMITS },
    ];
    let attempts = delivery.attempts;
    let failures = 0;
    let throttles = 0;
    for (;;) {
      // Wait for a slot, and look again on waking: a 429 to another send may have paused the
      // tenant meanwhile, and its Retry-After must hold for every send, not only that one.
      let now = this.now();
      for (let at = this.limiter.earliest(keys, now); at > now; at = this.limiter.earliest(keys, now)) {
        await this.sleep(at - now);
        if (this.stopped) break;
        now = this.now();
      }
      if (this.stopped) {
        // Stopping between retries: it stays pending and goes out after the next start.
        return 'stopped';
      }
      this.limiter.reserve(keys, now);
      attempts += 1;
      const result = await this.call(outgoing, delivery, mode);
      // Teams counted it on arrival, at the latest when its answer came back.
      this.limiter.settle(keys, now, this.now());
      if (!(result instanceof SendFailure)) return { status: 'sent', activityId: result.id, revision: outgoing.revision, attempts };
      if (result.status === 429) {
        throttles += 1;
        if (throttles > maxThrottles) return { status: 'failed', error: `429: still throttled after ${maxThrottles} waits`, attempts };
        const until = this.now() + (result.retryAfterMs ?? 1000);
        // Which limit tripped is not said, so the whole tenant waits, not just this chat.
        for (const { key } of keys) this.limiter.pause(key, until);
        continue;
      }
      if (result.status !== undefined && UNDELIVERABLE.has(result.status)) {
        return { status: 'undeliverable', error: `${result.status}: ${result.status === 403 ? 'the user blocked or removed the bot' : 'conversation not found'}`, attempts };
      }
      const retryable = result.status === undefined || RETRYABLE.has(result.status);
      failures += 1;
      if (!retryable || failures >= maxAttempts) {
        return { status: 'failed', error: `${result.status ?? 'network'}: ${result.message}`.slice(0, 500), attempts };
      }
      await this.sleep(this.backoff(failures));
    }
  }

  /** One request to the chat service: the sent message's id, or why it failed. */
  private async call(outgoing: Outgoing, delivery: Delivery, mode: 'send' | 'update'): Promise<{ id: string | undefined } | SendFailure> {
    const { transport } = this.options;
    try {
      if (mode === 'update') {
        await transport.update(outgoing.reference, delivery.activityId ?? '', outgoing.activity);
        return { id: delivery.activityId };
      }
      return await transport.send(outgoing.reference, outgoing.activity);
    } catch (error) {
      return error instanceof SendFailure ? error : new SendFailure(String(error), undefined);
    }
  }

  /** Full jitter: a random wait up to base·2^n, capped, so retries from many sends spread out. */
  private backoff(failures: number): number {
    const base = this.options.baseBackoffMs ?? 500;
    const cap = this.options.maxBackoffMs ?? 30_000;
    return Math.round(this.random() * Math.min(cap, base * 2 ** (failures - 1))) + 1;
  }
}
