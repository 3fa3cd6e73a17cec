import { describe, expect, it } from 'vitest';
import {
  markCouncilChannel,
  markWelcomed,
  saveConversation,
  sightedConversation,
  type ConversationSighting,
} from '../../src/domain/conversations.js';
import type { Data } from '../../src/domain/schema.js';
import { demoData } from '../helpers/builders.js';

const sighting = { id: 'a:personal-1', kind: 'personal' as const, tenantId: 't1', memberId: 'ola-hansen', reference: { serviceUrl: 'https://smba.example/' } };
const at = (iso: string) => new Date(iso);

/** Records a sighting as the bot does; true when it changed something worth saving. */
function recordConversation(data: Data, seen: ConversationSighting, now: Date): boolean {
  const record = sightedConversation(data, seen, now);
  if (record) saveConversation(data, record);
  return record !== undefined;
}

describe('conversation references', () => {
  it('records a new conversation with its reference', () => {
    const data = demoData();
    expect(recordConversation(data, sighting, at('2026-11-22T08:00:00Z'))).toBe(true);
    expect(data.conversations).toEqual([
      expect.objectContaining({ id: 'a:personal-1', kind: 'personal', memberId: 'ola-hansen', installed: true, reference: sighting.reference }),
    ]);
  });

  it('reports no change for the same conversation seen again within the hour', () => {
    const data = demoData();
    recordConversation(data, sighting, at('2026-11-22T08:00:00Z'));
    expect(recordConversation(data, sighting, at('2026-11-22T08:30:00Z'))).toBe(false);
    expect(recordConversation(data, sighting, at('2026-11-22T09:00:00Z'))).toBe(true);
  });

  it('updates a reference whose service URL moved', () => {
    const data = demoData();
    recordConversation(data, sighting, at('2026-11-22T08:00:00Z'));
    expect(recordConversation(data, { ...sighting, reference: { serviceUrl: 'https://smba2.example/' } }, at('2026-11-22T08:01:00Z'))).toBe(true);
    expect(data.conversations[0]!.reference).toEqual({ serviceUrl: 'https://smba2.example/' });
  });

  it('remembers that the bot was uninstalled, and installed again', () => {
    const data = demoData();
    recordConversation(data, sighting, at('2026-11-22T08:00:00Z'));
    recordConversation(data, { ...sighting, installed: false }, at('2026-11-22T08:01:00Z'));
    expect(data.conversations[0]!.installed).toBe(false);
    recordConversation(data, { ...sighting, installed: true }, at('2026-11-22T08:02:00Z'));
    expect(data.conversations[0]!.installed).toBe(true);
  });

  it('welcomes a conversation only once', () => {
    const data = demoData();
    recordConversation(data, sighting, at('2026-11-22T08:00:00Z'));
    expect(markWelcomed(data, sighting.id, at('2026-11-22T08:00:00Z'))).toBe(true);
    expect(markWelcomed(data, sighting.id, at('2026-11-22T08:00:05Z'))).toBe(false);
  });

  it('marks the council channel and who chose it', () => {
    const data = demoData();
    markCouncilChannel(data, { conversationId: '19:abc@thread.tacv2', teamId: 'team', name: 'Møter' }, 'kari-nordmann', at('2026-11-22T08:00:00Z'));
    expect(data.settings.councilChannel).toEqual({ conversationId: '19:abc@thread.tacv2', teamId: 'team', name: 'Møter', markedBy: 'kari-nordmann', markedAt: '2026-11-22T08:00:00.000Z' });
  });
});
