import { randomUUID } from 'node:crypto';

export const TENANT = '00000000-0000-4000-8000-0000000000aa';
export const BOT = { id: '28:politiradsboten', name: 'Politirådsboten' };

export const USERS = {
  secretary: { id: '29:kari', name: 'Kari Nordmann', aadObjectId: '00000000-0000-4000-8000-00000000a001' },
  member: { id: '29:ola', name: 'Ola Hansen', aadObjectId: '00000000-0000-4000-8000-00000000a002' },
  coordinator: { id: '29:aisha', name: 'Aisha Rahman', aadObjectId: '00000000-0000-4000-8000-00000000a003' },
  /** In the seed by email only, so the bot must look them up on first contact. */
  byradSet: { id: '29:byrad-set', name: 'Byråd SET', aadObjectId: 'aad-byrad-set' },
  stranger: { id: '29:stranger', name: 'Ukjent', aadObjectId: 'aad-stranger' },
};
export type User = (typeof USERS)[keyof typeof USERS];

interface Where {
  serviceUrl: string;
  conversationType?: 'personal' | 'groupChat' | 'channel';
  conversationId?: string;
  tenantId?: string;
  locale?: string;
}

/** A Teams activity as the connector sends it, with only what Teams always includes. */
function base(type: string, from: User, where: Where) {
  const conversationType = where.conversationType ?? 'personal';
  const tenantId = where.tenantId ?? TENANT;
  const conversationId = where.conversationId ?? `a:personal-${from.id}`;
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: where.serviceUrl,
    from,
    recipient: BOT,
    conversation: { id: conversationId, conversationType, tenantId, ...(conversationType === 'channel' ? { isGroup: true } : {}) },
    locale: where.locale ?? 'nb-NO',
    channelData: {
      tenant: { id: tenantId },
      ...(conversationType === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: conversationId.split(';')[0], name: 'Møter' } } : {}),
    },
  };
}

export function message(from: User, text: string, where: Where) {
  const mentioned = where.conversationType === 'channel';
  return {
    ...base('message', from, where),
    text: mentioned ? `<at>${BOT.name}</at> ${text}` : text,
    textFormat: 'plain',
    ...(mentioned ? { entities: [{ type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT }] } : {}),
  };
}

export function cardSubmit(from: User, value: unknown, where: Where) {
  return { ...base('message', from, where), value };
}

export function installed(from: User, where: Where, action: 'add' | 'remove' = 'add') {
  return { ...base('installationUpdate', from, where), action };
}

export function botAdded(from: User, where: Where) {
  return { ...base('conversationUpdate', from, where), membersAdded: [{ id: BOT.id }] };
}

/** An Action.Execute from an Adaptive Card, as Teams sends it (an `adaptiveCard/action` invoke). */
export function invoke(from: User, data: { verb: string } & Record<string, unknown>, where: Where) {
  const { verb, ...rest } = data;
  return { ...base('invoke', from, where), name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { verb, ...rest } }, trigger: 'manual' } };
}
