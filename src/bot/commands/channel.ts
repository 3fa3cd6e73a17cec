import { markCouncilChannel } from '../../domain/conversations.js';
import { catchUpChannelAgendas } from '../../domain/deliveries.js';
import { SECRETARIAT } from '../../domain/roles.js';
import { messages } from '../../i18n/index.js';
import type { Command } from './command.js';

/** The secretary types /kanal in the council's channel; agendas are posted there, one already out at once. */
export const channelCommand: Command = {
  name: 'kanal',
  aliases: ['channel'],
  english: 'channel',
  description: 'command.kanal',
  detail: 'help.detail.kanal',
  topics: ['kanal', 'kanalen', 'channel'],
  scopes: ['team'],
  role: SECRETARIAT,
  async handle(turn, _args, deps) {
    const m = messages(turn.lang);
    const { conversation } = turn;
    if (conversation.kind !== 'channel') {
      await turn.reply(m['channel.notInChannel']);
      return;
    }
    const name = conversation.name;
    if (deps.store.read().settings.councilChannel?.conversationId === conversation.id) {
      await turn.reply(m['channel.alreadyMarked']({ name }));
      return;
    }
    // The role check guarantees a member; the id is recorded as who made the choice.
    const memberId = turn.member?.id ?? turn.user.id;
    const now = deps.clock.now();
    const queued = await deps.store.update((data) => {
      markCouncilChannel(data, { conversationId: conversation.id, teamId: conversation.teamId, name: conversation.name }, memberId, now);
      return catchUpChannelAgendas(data, now);
    });
    await turn.reply(m['channel.marked']({ name, agendas: queued.length }));
    if (queued.length > 0) deps.notifier.kick();
  },
};
