import type { Clock } from '../domain/clock.js';
import { isSecretariat } from '../domain/roles.js';
import type { Delivery } from '../domain/schema.js';
import type { Compose } from '../notify/notifier.js';
import { FOLLOW_UP_KINDS, followUpComposer } from './follow-ups/outbound.js';
import { meetingComposer } from './meetings/outbound.js';
import { SALTO_KINDS, saltoComposer } from './salto/outbound.js';

/** Messages for the secretariat's own work: none goes to someone who has left it since it was queued. */
const SECRETARIAT_KINDS: readonly Delivery['kind'][] = ['proposal', 'followup-summary', 'minutes-reminder', 'salto-round-missing', 'salto-round-summary', 'year-plan-reminder'];

/** The notifier's one composer: each outbox message is made by the feature it belongs to. */
export function composer(options: {
  timeZone: string;
  clock: Clock;
  reportUrl?: ((roundId: string) => string | undefined) | undefined;
  followUpListUrl?: ((meetingId: string) => string | undefined) | undefined;
}): Compose {
  const meetings = meetingComposer(options);
  const followUps = followUpComposer(options);
  const salto = saltoComposer(options);
  return (delivery, data, mode) => {
    if (SECRETARIAT_KINDS.includes(delivery.kind) && !isSecretariat(data.members.find((m) => m.id === delivery.memberId))) return undefined;
    if (FOLLOW_UP_KINDS.includes(delivery.kind)) return followUps(delivery, data);
    if (SALTO_KINDS.includes(delivery.kind)) return salto(delivery, data);
    return meetings(delivery, data, mode);
  };
}
