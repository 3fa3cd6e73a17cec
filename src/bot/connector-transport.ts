import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config.js';
import { SendFailure, type Transport } from '../notify/notifier.js';

interface TokenSource {
  getToken(forceRefresh?: boolean): Promise<string>;
}

const REQUEST_TIMEOUT_MS = 15_000;
/** The Bot Connector's token audience and Entra's login host (AuthenticationConstants in the SDK). */
const CONNECTOR_SCOPE = 'https://api.botframework.com';
const LOGIN_PREFIX = 'https://login.microsoftonline.com/';

/**
 * Proactive sends over the Bot Connector REST API, authenticated with the SDK's own credentials.
 * The SDK's ConnectorClient retries 429s and 5xx by itself inside its HTTP pipeline; that would
 * hide throttling from the notifier, which must see every status to keep to Teams' limits and
 * record what happened, so the call is made here directly.
 */
export function connectorTransport(config: Config, fetchImpl: typeof fetch = fetch, timeoutMs = REQUEST_TIMEOUT_MS): Transport {
  let tokens: Promise<TokenSource> | undefined;
  const tokenSource = (): Promise<TokenSource> | undefined => {
    const auth = config.auth;
    if (!auth) return undefined;
    tokens ??= new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword ?? '',
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId ?? '',
    })
      .createCredentials(
        auth.appId,
        CONNECTOR_SCOPE,
        `${LOGIN_PREFIX}${auth.tenantId ?? 'botframework.com'}`,
        true,
      )
      .then((credentials) => credentials as unknown as TokenSource);
    return tokens;
  };

  const request = async (method: 'GET' | 'POST' | 'PUT', reference: Record<string, unknown>, path: string, body?: Record<string, unknown>) => {
    const serviceUrl = String(reference['serviceUrl'] ?? '').replace(/\/+$/, '');
    if (!serviceUrl) throw new SendFailure('the saved conversation reference has no service URL', 404);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    const source = tokenSource();
    if (source) headers['authorization'] = `Bearer ${await (await source).getToken()}`;
    let response: Response;
    try {
      response = await fetchImpl(`${serviceUrl}/v3/conversations${path}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new SendFailure(error instanceof Error ? error.message : String(error), undefined);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new SendFailure(`${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim(), response.status, retryAfterMs(response.headers.get('retry-after')));
    }
    try {
      return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    } catch {
      return {};
    }
  };

  const call = async (method: 'POST' | 'PUT', reference: Record<string, unknown>, path: string, activity: Record<string, unknown>) => {
    const conversation = reference['conversation'] as { id?: string } | undefined;
    if (!conversation?.id) throw new SendFailure('the saved conversation reference has no conversation', 404);
    const body = { ...activity, conversation: { id: conversation.id }, from: reference['bot'], recipient: reference['user'] };
    return request(method, reference, `/${encodeURIComponent(conversation.id)}/activities${path}`, body);
  };

  return {
    async send(reference, activity) {
      const result = await call('POST', reference, '', activity);
      return { id: typeof result.id === 'string' ? result.id : undefined };
    },
    async update(reference, activityId, activity) {
      await call('PUT', reference, `/${encodeURIComponent(activityId)}`, { ...activity, id: activityId });
    },
    async teamMembers(reference, teamId) {
      const members: { id: string; aadObjectId?: string }[] = [];
      let token: string | undefined;
      // The roster comes in pages; a council's team is small, but a ministry's may not be.
      for (let page = 0; page < 100; page++) {
        const query = `?pageSize=500${token ? `&continuationToken=${encodeURIComponent(token)}` : ''}`;
        const result = await request('GET', reference, `/${encodeURIComponent(teamId)}/pagedmembers${query}`);
        for (const m of (result['members'] as { id?: unknown; aadObjectId?: unknown }[] | undefined) ?? []) {
          if (typeof m.id === 'string') members.push({ id: m.id, ...(typeof m.aadObjectId === 'string' ? { aadObjectId: m.aadObjectId } : {}) });
        }
        token = typeof result['continuationToken'] === 'string' ? result['continuationToken'] : undefined;
        if (!token) break;
      }
      return members;
    },
    async openPersonalChat(reference, userId, tenantId) {
      const body = { isGroup: false, bot: reference['bot'], members: [{ id: userId }], tenantId, channelData: { tenant: { id: tenantId } } };
      const result = await request('POST', reference, '', body);
      if (typeof result['id'] !== 'string') throw new SendFailure('no conversation id in the answer', 502);
      return {
        channelId: reference['channelId'] ?? 'msteams',
        serviceUrl: reference['serviceUrl'],
        bot: reference['bot'],
        user: { id: userId },
        conversation: { id: result['id'], conversationType: 'personal', tenantId },
      };
    },
  };
}

/** Retry-After is seconds or an HTTP date; anything unreadable means "wait a second". */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - now);
}
