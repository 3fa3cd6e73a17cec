import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pino } from 'pino';
import type { Reply, Turn, BotDeps } from '../../src/bot/turn.js';
import type { Card } from '../../src/cards/render.js';
import { fixedClock, type Clock } from '../../src/domain/clock.js';
import type { ConversationKind, Data, DeliveryKind, Lang, Member } from '../../src/domain/schema.js';
import type { Compose } from '../../src/notify/notifier.js';
import { dataFromSeed } from '../../src/domain/seed.js';
import { PROJECT_ROOT } from '../../src/paths.js';
import { memoryStore, type MemoryStore } from '../../src/store/memory-store.js';

/** 22 November 2026, a Sunday morning in Oslo. */
export const NOW = '2026-11-22T08:00:00Z';
export const DEMO_SEED_FILE = path.join(PROJECT_ROOT, 'src/seed/demo-seed.json');

export function demoSeed(): Record<string, unknown> {
  return JSON.parse(readFileSync(DEMO_SEED_FILE, 'utf8')) as Record<string, unknown>;
}

export function demoData(): Data {
  const result = dataFromSeed(demoSeed());
  if (!result.ok) throw new Error(`demo seed is invalid: ${result.problems.join('; ')}`);
  return result.data;
}

/** The demo seed's members, by role, for tests that need "a secretary" or "a member". */
export const SECRETARY_ID = 'kari-nordmann';
export const MEMBER_ID = 'ola-hansen';
export const COORDINATOR_ID = 'aisha-rahman';

export function memberOf(data: Data, id: string): Member {
  const member = data.members.find((m) => m.id === id);
  if (!member) throw new Error(`no member ${id}`);
  return member;
}

export const silentLogger = pino({ level: 'silent' });

export const TIMING = { agendaLeadDays: 7, reminderLeadDays: 1, sendTime: '09:00', timeZone: 'Europe/Oslo', followUpNoticeDays: 7, saltoReminderDays: 3, saltoRoundLeadDays: 28, minutesReminderDays: 3 };

export interface Harness {
  store: MemoryStore;
  deps: BotDeps;
  /** How many times a handler woke the notifier. */
  kicks(): number;
}

export function harness(data: Data = demoData(), clock: Clock = fixedClock(NOW)): Harness {
  const store = memoryStore(data);
  let kicks = 0;
  return {
    store,
    kicks: () => kicks,
    deps: {
      store,
      clock,
      timeZone: 'Europe/Oslo',
      logger: silentLogger,
      timing: TIMING,
      notifier: { kick: () => (kicks += 1) },
      calendarUrl: (memberId) => `https://bot.example/kalender/${memberId}/token.ics`,
    },
  };
}

export interface FakeTurn extends Turn {
  replies: Reply[];
  /** Cards shown in place of the card acted on. */
  responses: Card[];
  /** The replies that were plain text. */
  texts(): string[];
}

export function fakeTurn(options: {
  text?: string;
  data?: unknown;
  member?: Member | undefined;
  lang?: Lang;
  kind?: ConversationKind;
  conversationId?: string;
  conversationName?: string;
}): FakeTurn {
  const replies: Reply[] = [];
  const responses: Card[] = [];
  return {
    activityId: 'activity-1',
    lang: options.lang ?? 'nb',
    user: { id: 'user-1', name: options.member?.name, aadObjectId: options.member?.aadObjectId },
    member: options.member,
    conversation: {
      id: options.conversationId ?? 'conversation-1',
      kind: options.kind ?? 'personal',
      name: options.conversationName,
      teamId: options.kind === 'channel' ? 'team-1' : undefined,
    },
    text: options.text ?? '',
    data: options.data,
    replies,
    responses,
    respond: async (card) => {
      responses.push(card);
    },
    texts: () => replies.filter((r): r is string => typeof r === 'string'),
    reply: async (message) => {
      replies.push(message);
    },
  };
}

/** All text a card shows, in order, for assertions that read like what a user sees. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof record[key] === 'string') texts.push(record[key] as string);
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return texts.join('\n');
}

/** Personal chats for the secretary, a member and a coordinator, and the council's marked channel. */
export function withChats(data: Data): Data {
  const chat = (id: string, memberId: string | undefined, kind: 'personal' | 'channel') => ({
    id,
    kind,
    reference: { serviceUrl: 'https://smba.example', conversation: { id }, user: { id: `29:${memberId ?? 'x'}` } },
    installed: true,
    firstSeenAt: NOW,
    lastSeenAt: NOW,
    ...(memberId ? { memberId } : {}),
  });
  data.conversations.push(chat('a:kari', 'kari-nordmann', 'personal'), chat('a:ola', 'ola-hansen', 'personal'), chat('19:channel@thread.tacv2', undefined, 'channel'));
  data.conversations.push({ ...chat('a:aisha', 'aisha-rahman', 'personal') });
  data.settings.councilChannel = { conversationId: '19:channel@thread.tacv2', markedBy: 'kari-nordmann', markedAt: NOW };
  return data;
}

/** The code of the domain error a call throws, or undefined when it does not throw. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** The card the first outbox message of `kind` would be sent with now, or undefined when it would not be sent. */
export function composedCard(compose: Compose, data: Readonly<Data>, kind: DeliveryKind): unknown {
  const delivery = data.deliveries.find((d) => d.kind === kind)!;
  return (compose(delivery, data, 'send')?.activity as { attachments: { content: unknown }[] } | undefined)?.attachments[0]!.content;
}
