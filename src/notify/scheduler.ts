import type { Clock } from '../domain/clock.js';
import { dueDispatches, queueDispatch, type DispatchTiming } from '../domain/deliveries.js';
import { hasNewFollowUpNotices, queueFollowUpNotices } from '../domain/follow-up-reminders.js';
import { briefingChanges, syncBriefingItems } from '../domain/follow-ups.js';
import { carryOverProposals, hasProposalsToCarryOver } from '../domain/agenda.js';
import { hasRoundMissingReminders, hasRoundReminders, hasRoundSummaries, queueRoundMissingReminders, queueRoundReminders, queueRoundSummaries } from '../domain/salto-rounds.js';
import { hasMinutesReminders, queueMinutesReminders } from '../domain/minutes.js';
import { hasYearPlanReminders, queueYearPlanReminders } from '../domain/year-plan.js';
import type { Data, Delivery } from '../domain/schema.js';
import type { Store } from '../domain/store.js';
import type { Logger } from '../logger.js';
import type { Notifier } from './notifier.js';

export interface SchedulerOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  notifier: Pick<Notifier, 'kick'>;
  timing: DispatchTiming;
  /** How often to look for due agendas and reminders. */
  intervalMs: number;
  /** Runs before an agenda is queued, to find more recipients (the council team's members). */
  beforeAgenda?: () => Promise<unknown>;
}

type Queue = (data: Data, now: Date, timing: DispatchTiming) => Delivery[];
type Has = (data: Readonly<Data>, now: Date, timing: DispatchTiming) => boolean;

/** Reminders that fall due by the clock: whether any has, how to queue them, and what the log calls them. */
const REMINDERS: readonly [Has, Queue, string][] = [
  [hasNewFollowUpNotices, queueFollowUpNotices, 'follow-up reminders'],
  [hasRoundReminders, queueRoundReminders, 'SaLTo reminders'],
  [hasRoundMissingReminders, queueRoundMissingReminders, 'reminders of SaLTo rounds not opened'],
  [hasRoundSummaries, queueRoundSummaries, 'summaries of SaLTo rounds past their deadline'],
  [hasMinutesReminders, queueMinutesReminders, 'minutes reminders'],
  [hasYearPlanReminders, queueYearPlanReminders, 'reminders to plan meetings after the last one planned'],
];

/**
 * Looks at the data once a minute (and at start, to catch up on anything due while the bot was
 * down), queues what is due in the outbox and wakes the notifier. Queuing and marking the meeting
 * happen in one write, so a restart never queues the same agenda twice.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;

  constructor(private readonly options: SchedulerOptions) {}

  start(): void {
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
  }

  /** Resolves when no look is under way (for tests): what it queued is then with the notifier. */
  async idle(): Promise<void> {
    while (this.ticking) await this.ticking;
  }

  /** One look: queue what is due, then send whatever is waiting in the outbox. */
  tick(): Promise<void> {
    if (!this.ticking) {
      // `finally` runs in a later microtask, so it always clears what this line set.
      this.ticking = this.look().finally(() => {
        this.ticking = undefined;
      });
    }
    return this.ticking;
  }

  /**
   * Briefing items follow their points onto coming agendas (a meeting added later, a date
   * passed); proposals a meeting began without answering go on to the next; and the reminders
   * that have fallen due are queued: owners' of follow-up points, coordinators' of SaLTo rounds,
   * and the secretary's of rounds not opened, of rounds past their deadline, of minutes not yet
   * sent and of a calendar about to run out. Writes only when there is news.
   */
  private async queueTimed(now: Date): Promise<void> {
    const { store, logger, timing } = this.options;
    if (briefingChanges(store.read(), now, timing.timeZone).length > 0) {
      const meetings = await store.update((draft) => syncBriefingItems(draft, now, timing.timeZone));
      logger.info({ meetings }, 'placed briefing items on coming agendas');
    }
    if (hasProposalsToCarryOver(store.read(), now)) {
      const carried = await store.update((draft) => carryOverProposals(draft, now));
      logger.info({ carried: carried.map(({ from, to, moved }) => ({ from, to, proposals: moved.length })) }, 'moved proposals not decided before their meeting to the next');
    }
    for (const [has, queue, what] of REMINDERS) {
      if (!has(store.read(), now, timing)) continue;
      const queued = await store.update((draft) => queue(draft, now, timing));
      logger.info({ messages: queued.length }, `queued ${what}`);
    }
  }

  private async look(): Promise<void> {
    const { store, clock, logger, timing, notifier } = this.options;
    try {
      const now = clock.now();
      let due = dueDispatches(store.read(), now, timing);
      if (due.some((d) => d.kind === 'agenda') && this.options.beforeAgenda) {
        await this.options.beforeAgenda();
        due = dueDispatches(store.read(), now, timing);
      }
      if (due.length > 0) {
        const queued = await store.update((data) => due.flatMap((dispatch) => queueDispatch(data, dispatch, now, timing)));
        logger.info({ due, messages: queued.length }, 'queued agendas and reminders');
      }
      await this.queueTimed(now);
    } catch (error) {
      logger.error({ err: error }, 'could not queue due agendas; trying again at the next tick');
    }
    void notifier.kick();
  }
}
