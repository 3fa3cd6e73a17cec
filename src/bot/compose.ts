import type { Clock } from '../domain/clock.js';
import type { Compose } from '../notify/notifier.js';
import { FOLLOW_UP_KINDS, followUpComposer } from './follow-ups/outbound.js';
import { meetingComposer } from './meetings/outbound.js';

/** The notifier's one composer: each outbox message is made by the feature it belongs to. */
export function composer(options: { timeZone: string; clock: Clock }): Compose {
  const meetings = meetingComposer(options);
  const followUps = followUpComposer(options);
  return (delivery, data, mode) => (FOLLOW_UP_KINDS.includes(delivery.kind) ? followUps(delivery, data) : meetings(delivery, data, mode));
}
