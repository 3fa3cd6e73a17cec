import { saveConversation } from '../domain/conversations.js';
import { isAgendaRecipient, personalChats } from '../domain/deliveries.js';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../domain/store.js';
import type { Logger } from '../logger.js';
import type { Transport } from './notifier.js';

/**
 * Members of the council's team can be written to even if they never opened the bot: before an
 * agenda goes out, the team's roster is read and a personal chat is opened with every council
 * member in it who has none yet. The chat is saved like any other, so it is opened only once.
 */
export async function reachTeamMembers(options: { store: Store; clock: Clock; logger: Logger; transport: Transport }): Promise<number> {
  const { store, clock, logger, transport } = options;
  const data = store.read();
  const channel = data.settings.councilChannel;
  const record = channel && data.conversations.find((c) => c.id === channel.conversationId);
  const teamId = channel?.teamId ?? record?.teamId;
  if (!record || !teamId || !transport.teamMembers || !transport.openPersonalChat) return 0;
  const chatOf = personalChats(data);
  const missing = data.members.filter((m) => isAgendaRecipient(m) && m.aadObjectId && !chatOf(m.id));
  if (missing.length === 0) return 0;
  let opened = 0;
  try {
    const roster = await transport.teamMembers(record.reference, teamId);
    for (const member of missing) {
      const entry = roster.find((r) => r.aadObjectId?.toLowerCase() === member.aadObjectId?.toLowerCase());
      if (!entry) continue;
      const reference = await transport.openPersonalChat(record.reference, entry.id, record.tenantId);
      const conversationId = (reference['conversation'] as { id: string }).id;
      const at = clock.now().toISOString();
      await store.update((draft) =>
        saveConversation(draft, {
          id: conversationId,
          kind: 'personal',
          memberId: member.id,
          reference,
          installed: true,
          firstSeenAt: at,
          lastSeenAt: at,
          ...(record.tenantId ? { tenantId: record.tenantId } : {}),
        }),
      );
      opened += 1;
    }
  } catch (error) {
    // The channel and the chats already known still get the agenda; the rest are tried next time.
    logger.warn({ err: error, opened }, 'could not reach every member of the council’s team');
  }
  return opened;
}
