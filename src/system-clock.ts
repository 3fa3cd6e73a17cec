import type { Clock } from './domain/clock.js';

/** The real clock; the only place outside tests that asks the machine for the time. */
export const systemClock: Clock = { now: () => new Date() };
