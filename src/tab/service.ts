import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findMember } from '../domain/members.js';
import type { Clock } from '../domain/clock.js';
import type { Store } from '../domain/store.js';
import { langFromLocale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import { PROJECT_ROOT } from '../paths.js';
import { bearerToken, TokenRefused, type TabAuthenticator, type TabIdentity } from './auth.js';
import { tabOverview } from './overview.js';

/** An HTTP answer without the HTTP library: the server layer sends it. */
export interface TabAnswer {
  status: number;
  body: unknown;
}

export interface TabAsset {
  type: string;
  body: Buffer;
}

/** The personal tab as the server sees it: a page, its files, and a JSON API behind sign-in. */
export interface TabService {
  page(): string;
  asset(name: string): TabAsset | undefined;
  overview(authorization: string | undefined, locale: string | undefined): Promise<TabAnswer>;
  /** Only in local mode: the members to sign in as, and the sign-in. */
  development?: {
    members(): TabAnswer;
    signIn(memberId: unknown): Promise<TabAnswer>;
  };
}

export interface TabServiceOptions {
  store: Store;
  clock: Clock;
  timeZone: string;
  logger: Logger;
  authenticator: TabAuthenticator & { issue?: (memberId: string) => Promise<string> };
  /** The Teams app id, for the "open in Teams" link; unknown in local mode. */
  teamsAppId: string | undefined;
  reportUrl: (roundId: string) => string | undefined;
  followUpListUrl?: ((meetingId: string) => string | undefined) | undefined;
}

/** The tab's id in the manifest's staticTabs, used in the deep link that opens it in Teams. */
export const TAB_ENTITY_ID = 'oversikt';

const WEB_DIR = path.join(PROJECT_ROOT, 'web/tab');
const require = createRequire(import.meta.url);
/** Browser builds of the two libraries, served from node_modules so they match package-lock. */
const VENDOR: Record<string, string> = {
  'teams-js.js': path.join(path.dirname(require.resolve('@microsoft/teams-js')), '../umd/MicrosoftTeams.min.js'),
  'adaptivecards.js': path.join(path.dirname(require.resolve('adaptivecards')), '../dist/adaptivecards.min.js'),
};
const OWN: Record<string, string> = { 'tab.js': 'tab.js', 'tab.css': 'tab.css' };
const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export function createTabService(options: TabServiceOptions): TabService {
  const { store, clock, logger, authenticator } = options;
  const assets = new Map<string, TabAsset>();
  const load = (name: string, file: string) => ({ type: TYPES[path.extname(name)] ?? 'application/octet-stream', body: readFileSync(file) });
  for (const [name, file] of Object.entries(OWN)) assets.set(name, load(name, path.join(WEB_DIR, file)));
  for (const [name, file] of Object.entries(VENDOR)) assets.set(name, load(name, file));

  const development = authenticator.kind === 'development';
  const pageConfig = JSON.stringify({ development, teamsAppId: options.teamsAppId ?? null, entityId: TAB_ENTITY_ID }).replace(/</g, '\\u003c');
  const html = readFileSync(path.join(WEB_DIR, 'index.html'), 'utf8').replace('{{CONFIG}}', pageConfig);

  async function identify(authorization: string | undefined): Promise<TabIdentity | undefined> {
    const token = bearerToken(authorization);
    if (!token) return undefined;
    try {
      return await authenticator.verify(token);
    } catch (error) {
      logger.info({ reason: error instanceof TokenRefused ? error.reason : 'error' }, 'tab token refused');
      return undefined;
    }
  }

  const service: TabService = {
    page: () => html,
    asset: (name) => assets.get(name),
    async overview(authorization, locale) {
      const who = await identify(authorization);
      if (!who) return { status: 401, body: { error: 'unauthenticated' } };
      const data = store.read();
      const member = who.memberId ? data.members.find((m) => m.id === who.memberId) : findMember(data, who);
      const lang = member?.lang ?? langFromLocale(locale);
      if (!member || member.roles.length === 0) return { status: 403, body: { error: 'not-a-member', lang } };
      return { status: 200, body: tabOverview(data, member, { now: clock.now(), timeZone: options.timeZone, lang, reportUrl: options.reportUrl, followUpListUrl: options.followUpListUrl }) };
    },
  };
  const issue = authenticator.issue;
  if (development && issue) {
    service.development = {
      members: () => ({
        status: 200,
        body: store
          .read()
          .members.filter((m) => m.roles.length > 0)
          .map((m) => ({ id: m.id, name: m.name, roles: m.roles })),
      }),
      async signIn(memberId) {
        const member = typeof memberId === 'string' ? store.read().members.find((m) => m.id === memberId) : undefined;
        if (!member) return { status: 400, body: { error: 'unknown-member' } };
        return { status: 200, body: { token: await issue(member.id) } };
      },
    };
  }
  return service;
}
