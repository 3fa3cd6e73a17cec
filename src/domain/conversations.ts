import type { ConversationKind, ConversationRecord, Data } from './schema.js';

export interface ConversationSighting {
  id: string;
  kind: ConversationKind;
  tenantId?: string | undefined;
  teamId?: string | undefined;
  name?: string | undefined;
  memberId?: string | undefined;
  reference: Record<string, unknown>;
  /** True when the bot was just installed here, false when it was just removed. */
  installed?: boolean;
}

/** A sighting within this long of the last one does not rewrite the file just to move a timestamp. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

/**
 * The conversation's record after this sighting, or undefined when nothing worth saving changed,
 * so a busy chat neither copies nor writes the data on every message.
 */
export function sightedConversation(
  data: Readonly<Data>,
  sighting: ConversationSighting,
  now: Date,
): ConversationRecord | undefined {
  const at = now.toISOString();
  const existing = data.conversations.find((c) => c.id === sighting.id);
  if (!existing) {
    return {
      id: sighting.id,
      kind: sighting.kind,
      reference: sighting.reference,
      installed: sighting.installed ?? true,
      firstSeenAt: at,
      lastSeenAt: at,
      ...(sighting.tenantId ? { tenantId: sighting.tenantId } : {}),
      ...(sighting.teamId ? { teamId: sighting.teamId } : {}),
      ...(sighting.name ? { name: sighting.name } : {}),
      ...(sighting.memberId ? { memberId: sighting.memberId } : {}),
    };
  }
  const next: ConversationRecord = { ...existing };
  let changed = false;
  const set = <K extends keyof ConversationRecord>(key: K, value: ConversationRecord[K] | undefined) => {
    if (value === undefined || JSON.stringify(existing[key]) === JSON.stringify(value)) return;
    next[key] = value;
    changed = true;
  };
  set('reference', sighting.reference);
  set('installed', sighting.installed);
  set('tenantId', sighting.tenantId);
  set('teamId', sighting.teamId);
  set('name', sighting.name);
  set('memberId', sighting.memberId);
  if (!changed && now.getTime() - Date.parse(existing.lastSeenAt) < LAST_SEEN_RESOLUTION_MS) return undefined;
  next.lastSeenAt = at;
  return next;
}

/** Stores a conversation record, replacing the one with the same id. */
export function saveConversation(data: Data, record: ConversationRecord): void {
  const index = data.conversations.findIndex((c) => c.id === record.id);
  if (index === -1) data.conversations.push(record);
  else data.conversations[index] = record;
}

/** Marks that the welcome card was sent, so a resent install event does not send it twice. */
export function markWelcomed(data: Data, conversationId: string, now: Date): boolean {
  const record = data.conversations.find((c) => c.id === conversationId);
  if (!record || record.welcomedAt) return false;
  record.welcomedAt = now.toISOString();
  return true;
}

export function markCouncilChannel(
  data: Data,
  channel: { conversationId: string; teamId?: string | undefined; name?: string | undefined },
  byMemberId: string,
  now: Date,
): void {
  data.settings.councilChannel = {
    conversationId: channel.conversationId,
    markedBy: byMemberId,
    markedAt: now.toISOString(),
    ...(channel.teamId ? { teamId: channel.teamId } : {}),
    ...(channel.name ? { name: channel.name } : {}),
  };
}
