import type { Card } from '../cards/render.js';
import type { Clock } from '../domain/clock.js';
import type { DispatchTiming } from '../domain/deliveries.js';
import type { ConversationKind, Data, Lang, Member } from '../domain/schema.js';
import type { Store } from '../domain/store.js';
import type { FileShelf, SentFile } from '../files/shelf.js';
import type { Logger } from '../logger.js';

/** What a handler may send back: plain text (shown as text, never as Markdown from users) or a card. */
export type Reply = string | { card: Card };

/**
 * One user's turn, stripped of the chat SDK: who, where, what they sent, and how to answer.
 * Handlers receive this and nothing else from the platform, so tests can build it by hand.
 */
export interface Turn {
  activityId: string | undefined;
  lang: Lang;
  user: { id: string; name: string | undefined; aadObjectId: string | undefined };
  /** The council member behind the user, when known. */
  member: Member | undefined;
  conversation: { id: string; kind: ConversationKind; name: string | undefined; teamId: string | undefined };
  /** The message text with the bot's @mention removed and trimmed. */
  text: string;
  /** Data submitted from a card, not yet validated. */
  data: unknown;
  /** Files sent with the message (Teams delivers them to a bot in personal chat only). */
  files?: readonly SentFile[] | undefined;
  reply(message: Reply): Promise<void>;
  /**
   * Shows this card in place of the card the user acted on (the answer to an Action.Execute);
   * outside a card action it is sent as a reply.
   */
  respond(card: Card): Promise<void>;
}

export interface BotDeps {
  store: Store;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  /** Wakes the notifier after a handler has put messages in the outbox. */
  notifier: { kick(): unknown };
  timing: DispatchTiming;
  /** A member's personal calendar feed, or undefined when the bot has no public address. */
  calendarUrl(memberId: string): string | undefined;
  /** The seed's follow-up points and focus areas, which the secretary may import; absent without a readable seed. */
  seedFollowUps?: (() => Pick<Data, 'focusAreas' | 'followUps'> | undefined) | undefined;
  /** A signed, expiring download link for a round's compiled report; undefined without a public address. */
  reportUrl?: ((roundId: string) => string | undefined) | undefined;
  /** The signed link to a meeting's notice with its agenda as a Word file; undefined without a public address. */
  agendaUrl?: ((meetingId: string) => string | undefined) | undefined;
  /** A signed, expiring download link for a meeting's minutes as a Word file; undefined without a public address. */
  minutesUrl?: ((meetingId: string) => string | undefined) | undefined;
  /** A signed, expiring download link for the follow-up list for a meeting's papers; undefined without a public address. */
  followUpListUrl?: ((meetingId: string) => string | undefined) | undefined;
  /** Where files sent for agenda items are kept; absent where the bot takes no files. */
  files?: FileShelf | undefined;
}
