import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  /** When the stub received it (ms since epoch), and what it answered. */
  at: number;
  status: number;
  conversationId: string;
  /** The activity replied to, for POST …/activities/{replyToId}. */
  replyToId: string | undefined;
  body: Record<string, unknown> & { text?: string; attachments?: { contentType: string; content: unknown }[] };
}

export interface MemberInfo {
  id: string;
  name: string;
  aadObjectId?: string;
  email?: string;
  userPrincipalName?: string;
}

/**
 * A local stand-in for the Teams connector service (the activity's serviceUrl). It records what
 * the bot sends and answers member lookups, so HTTP tests need no network.
 */
export interface ConnectorStub {
  url: string;
  sent: Recorded[];
  members: Map<string, MemberInfo>;
  /** Holds each send this long before answering, to keep a turn in flight. */
  delayMs: number;
  /** Answers sends without keeping them (for benchmarks that send thousands). */
  discard: boolean;
  /**
   * Decides the answer to a send before it is recorded as delivered: return a status (and
   * headers) to refuse it, as Teams does with 429, 403 or 503; undefined delivers it.
   */
  failWith?: (send: { method: string; conversationId: string; attempt: number }) => { status: number; headers?: Record<string, string>; hangMs?: number } | undefined;
  /** Every send the stub refused, in order. */
  refused: Recorded[];
  /** The sends that were delivered (not refused) to one conversation. */
  delivered(conversationId: string): Recorded[];
  /** Forgets what was sent and answers normally again. */
  reset(): void;
  /** The council team's members, answered from GET …/{teamId}/pagedmembers. */
  roster: MemberInfo[];
  /** Personal chats the bot opened (POST /v3/conversations), by user id. */
  opened: string[];
  close(): Promise<void>;
}

/** Teams' size limit for a bot message, in bytes of UTF-16. */
export const TEAMS_MESSAGE_LIMIT = 100 * 1024;

export async function startConnectorStub(): Promise<ConnectorStub> {
  const sent: Recorded[] = [];
  const members = new Map<string, MemberInfo>();
  let counter = 0;
  const refused: Recorded[] = [];
  const attempts = new Map<string, number>();
  const stub = { sent, members, delayMs: 0, discard: false, refused, roster: [] as MemberInfo[], opened: [] as string[], delivered: (id: string) => sent.filter((r) => r.conversationId === id) } as ConnectorStub;
  stub.reset = () => {
    sent.length = 0;
    refused.length = 0;
    attempts.clear();
    stub.delayMs = 0;
    stub.failWith = undefined;
    stub.roster = [];
    stub.opened = [];
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stub');
    const parts = url.pathname.split('/').map(decodeURIComponent);
    // /v3/conversations/{conversationId}/activities[/{activityId}] and …/members/{userId}
    const [, v3, conversations, conversationId, kind, id] = parts;
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (v3 === 'v3' && conversations === 'conversations' && !conversationId && req.method === 'POST') {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { members?: { id: string }[] };
      const userId = body.members?.[0]?.id ?? 'unknown';
      stub.opened.push(userId);
      return json(201, { id: `a:opened-${userId}` });
    }
    if (v3 !== 'v3' || conversations !== 'conversations' || !conversationId) return json(404, { error: 'not found' });
    if (kind === 'pagedmembers' && req.method === 'GET') return json(200, { members: stub.roster });
    if (kind === 'activities' && (req.method === 'POST' || req.method === 'PUT')) {
      if (stub.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, stub.delayMs));
      const text = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(text || '{}');
      // Teams refuses a message over about 100 KB, counted in UTF-16 (a string's length is in
      // UTF-16 code units), whatever the attempt.
      if (text.length * 2 > TEAMS_MESSAGE_LIMIT) {
        refused.push({ method: req.method, at: Date.now(), status: 413, conversationId, replyToId: undefined, body });
        return json(413, { error: { code: 'MessageSizeTooBig', message: 'Message size too big' } });
      }
      const attempt = (attempts.get(conversationId) ?? 0) + 1;
      attempts.set(conversationId, attempt);
      const failure = stub.failWith?.({ method: req.method, conversationId, attempt });
      if (failure) {
        // A hang longer than the bot's timeout is a timeout; the answer after it reaches no one.
        if (failure.hangMs) await new Promise((resolve) => setTimeout(resolve, failure.hangMs));
        refused.push({ method: req.method, at: Date.now(), status: failure.status, conversationId, replyToId: undefined, body });
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Refused', message: `stub answered ${failure.status}` } }));
        return;
      }
      if (!stub.discard) sent.push({ method: req.method, at: Date.now(), status: 200, conversationId, replyToId: req.method === 'POST' ? id : undefined, body });
      counter += 1;
      return json(req.method === 'POST' ? 201 : 200, { id: `sent-${counter}` });
    }
    if (kind === 'members' && req.method === 'GET' && id) {
      const member = members.get(id);
      return member ? json(200, member) : json(404, { error: { code: 'MemberNotFoundInConversation' } });
    }
    return json(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  stub.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}
