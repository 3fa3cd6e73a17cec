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
export function connectorTransport(config: Config, fetchImpl: typeof fetch = fetch): Transport {
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

  const call = async (method: 'POST' | 'PUT', reference: Record<string, unknown>, path: string, activity: Record<string, unknown>) => {
    const serviceUrl = String(reference['serviceUrl'] ?? '').replace(/\/+$/, '');
    const conversation = reference['conversation'] as { id?: string } | undefined;
    if (!serviceUrl || !conversation?.id) throw new SendFailure('the saved conversation reference has no service URL or conversation', 404);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    const source = tokenSource();
    if (source) headers['authorization'] = `Bearer ${await (await source).getToken()}`;
    const body = { ...activity, conversation: { id: conversation.id }, from: reference['bot'], recipient: reference['user'] };
    let response: Response;
    try {
      response = await fetchImpl(`${serviceUrl}/v3/conversations/${encodeURIComponent(conversation.id)}/activities${path}`, {
        method,
        headers,
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new SendFailure(error instanceof Error ? error.message : String(error), undefined);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) {
      throw new SendFailure(`${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim(), response.status, retryAfterMs(response.headers.get('retry-after')));
    }
    try {
      return (text ? JSON.parse(text) : {}) as { id?: string };
    } catch {
      return {};
    }
  };

  return {
    async send(reference, activity) {
      const result = await call('POST', reference, '', activity);
      return { id: typeof result.id === 'string' ? result.id : undefined };
    },
    async update(reference, activityId, activity) {
      await call('PUT', reference, `/${encodeURIComponent(activityId)}`, { ...activity, id: activityId });
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
