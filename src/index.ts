import { randomBytes } from 'node:crypto';
import { createAdapter } from './bot/adapter.js';
import { connectorTransport } from './bot/connector-transport.js';
import { composer } from './bot/compose.js';
import { calendarUrl, meetingCalendar, validCalendarToken } from './calendar/feed.js';
import { fileShelf, linkedFileIds } from './files/shelf.js';

import { PolitiradBot } from './bot/politirad-bot.js';
import type { Config } from './config.js';
import type { Clock } from './domain/clock.js';
import type { Store } from './domain/store.js';
import type { Logger } from './logger.js';
import { Notifier, type Transport } from './notify/notifier.js';
import { Scheduler } from './notify/scheduler.js';
import { reachTeamMembers } from './notify/team-reach.js';
import { createHttpServer } from './server/http-server.js';
import { loadSeed, openFileStore } from './store/file-store.js';
import { documentUrl, validDocumentLink } from './reports/links.js';
import { agendaDocx } from './reports/agenda-docx.js';
import { minutesDocx } from './reports/minutes-docx.js';
import { followUpListDocx } from './reports/follow-ups-docx.js';
import { saltoReportDocx } from './reports/salto-docx.js';
import { compileRound } from './domain/salto-compile.js';
import { systemClock } from './system-clock.js';
import { developmentAuthenticator, entraAuthenticator } from './tab/auth.js';
import { createTabService } from './tab/service.js';

/** How long a file may wait to be attached, and how often files no agenda item links to are looked for. */
const FILE_GRACE_MS = 24 * 3_600_000;
const FILE_PRUNE_INTERVAL_MS = 6 * 3_600_000;

export interface RunningBot {
  port: number;
  store: Store;
  notifier: Notifier;
  scheduler: Scheduler;
  /** Stops taking requests, lets turns in flight finish, flushes writes and releases the data file. */
  stop(): Promise<void>;
}

/**
 * The composition root: the one place that builds the store, the bot, the adapter and the
 * server and wires them together. Tests call it with their own clock or store.
 */
export interface Overrides {
  clock?: Clock;
  store?: Store;
  /** How proactive messages leave; tests and benchmarks pass their own. */
  transport?: Transport;
  /** Backoff and wait functions for the notifier (tests shorten them). */
  notifier?: { baseBackoffMs?: number; maxBackoffMs?: number; random?: () => number; concurrency?: number };
  /** Where the Bot Framework's token signing keys are published (tests serve their own). */
  openIdMetadataUrl?: string;
}

export async function startBot(config: Config, logger: Logger, overrides: Overrides = {}): Promise<RunningBot> {
  const mode = config.auth ? 'azure' : 'local';
  if (config.auth) {
    logger.info({ mode, appId: config.auth.appId, appType: config.auth.appType }, 'Starting with Bot Framework authentication');
  } else {
    logger.info({ mode }, 'Local mode: no MicrosoftAppId, so requests are accepted without authentication (for the Agents Playground and tests)');
  }
  const clock = overrides.clock ?? systemClock;
  const store =
    overrides.store ??
    (await openFileStore({
      dataFile: config.dataFile,
      seedFile: config.seedFile,
      onOpen: ({ created, dataFile, seedFile, replayed }) =>
        logger.info({ dataFile, seedFile: created ? seedFile : undefined, replayed }, created ? 'Created the data file from the seed' : 'Opened the data file'),
      onSnapshotFailed: (error) => logger.error({ err: error }, 'could not rewrite the data file; its journal keeps every change'),
    }));
  try {
    // The key that signs calendar links is made once and kept with the data.
    if (!store.read().settings.linkSecret) {
      await store.update((data) => {
        data.settings.linkSecret = randomBytes(32).toString('base64url');
      });
    }
    const linkSecret = () => store.read().settings.linkSecret ?? '';
    const timing = { ...config.dispatch, timeZone: config.timeZone };
    const transport = overrides.transport ?? connectorTransport(config);
    const notifier = new Notifier({
      store,
      clock,
      logger,
      transport,
      compose: composer({ timeZone: config.timeZone, clock, reportUrl: (roundId) => deps.reportUrl(roundId), followUpListUrl: (meetingId) => deps.followUpListUrl(meetingId) }),
      ...overrides.notifier,
    });
    const scheduler = new Scheduler({
      store,
      clock,
      logger,
      notifier,
      timing,
      intervalMs: config.schedulerIntervalMs,
      beforeAgenda: () => reachTeamMembers({ store, clock, logger, transport }),
    });
    // The seed's follow-up points stay importable after the data file has been made from it.
    const seed = await loadSeed(config.seedFile).catch((error: unknown) => {
      logger.warn({ err: error, seedFile: config.seedFile }, 'could not read the seed; importing follow-up points is unavailable');
      return undefined;
    });
    let baseUrl = config.publicBaseUrl;
    const deps = {
      store,
      clock,
      timeZone: config.timeZone,
      logger,
      // A change may make an agenda due at once (a meeting set within the lead time), so handlers
      // wake the scheduler, which queues what is due and then wakes the notifier.
      notifier: { kick: () => scheduler.tick() },
      timing,
      calendarUrl: (memberId: string) => (baseUrl ? calendarUrl(baseUrl, linkSecret(), memberId) : undefined),
      seedFollowUps: () => seed,
      reportUrl: (roundId: string) => (baseUrl ? documentUrl(baseUrl, linkSecret(), 'report', roundId, clock.now(), config.reportLinkHours) : undefined),
      minutesUrl: (meetingId: string) => (baseUrl ? documentUrl(baseUrl, linkSecret(), 'minutes', meetingId, clock.now(), config.reportLinkHours) : undefined),
      followUpListUrl: (meetingId: string) => (baseUrl ? documentUrl(baseUrl, linkSecret(), 'followUps', meetingId, clock.now(), config.reportLinkHours) : undefined),
      agendaUrl: (meetingId: string) => (baseUrl ? documentUrl(baseUrl, linkSecret(), 'agenda', meetingId, clock.now(), config.reportLinkHours) : undefined),
      files: fileShelf({ dir: config.files.dir, maxBytes: config.files.maxBytes, secret: linkSecret, baseUrl: () => baseUrl }),
    };
    const bot = new PolitiradBot(deps, { allowedTenantIds: config.allowedTenantIds });
    const adapter = createAdapter(config, logger, overrides.openIdMetadataUrl);
    const tab = createTabService({
      store,
      clock,
      timeZone: config.timeZone,
      logger,
      authenticator: tabAuthenticator(config, clock, logger),
      teamsAppId: config.tab.teamsAppId,
      reportUrl: (roundId) => deps.reportUrl(roundId),
      followUpListUrl: (meetingId) => deps.followUpListUrl(meetingId),
    });
    const http = createHttpServer({
      logger,
      endpoint: { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
      health: () => ({ mode }),
      tab,
      file: (id, name, token) => deps.files.open(id, name, token),
      calendar: (memberId, token) => {
        const data = store.read();
        const member = data.members.find((m) => m.id === memberId);
        if (!member || !validCalendarToken(linkSecret(), memberId, token)) return undefined;
        return meetingCalendar(data, clock.now(), new URL(baseUrl ?? 'http://localhost').hostname, member.lang ?? 'nb');
      },
      document: async (kind, id, expires, token) => {
        if (!validDocumentLink(linkSecret(), kind, id, expires, token, clock.now())) return undefined;
        const data = store.read();
        if (kind === 'followUps') {
          const meeting = data.meetings.find((m) => m.id === id);
          return meeting ? { file: await followUpListDocx(meeting, data, clock.now(), config.timeZone), name: `oppfolgingsliste-${meeting.id}.docx` } : undefined;
        }
        if (kind === 'agenda') {
          const meeting = data.meetings.find((m) => m.id === id);
          return meeting ? { file: await agendaDocx(meeting, data, config.timeZone), name: `innkalling-${meeting.id}.docx` } : undefined;
        }
        if (kind === 'minutes') {
          const meeting = data.meetings.find((m) => m.id === id);
          return meeting?.minutes ? { file: await minutesDocx(meeting, data, config.timeZone), name: `referat-${meeting.id}.docx` } : undefined;
        }
        const round = data.saltoRounds.find((r) => r.id === id);
        return round ? { file: await saltoReportDocx(compileRound(data, round), data, config.timeZone), name: `samlet-saltorapport-${round.meetingId}.docx` } : undefined;
      },
    });
    const { port } = await http.listen(config.port, config.host);
    // In local mode the feed is served from this machine, so /kalender works in the Playground too.
    baseUrl ??= config.production ? undefined : `http://localhost:${port}`;
    logger.info({ port, host: config.host, timeZone: config.timeZone }, `Listening on http://${config.host}:${port}/api/messages`);
    scheduler.start();
    // Files no agenda item links to are deleted a day after they came (or were taken off), so a
    // file sent by mistake, or removed from its item, stops being reachable by its link.
    const pruneFiles = () =>
      deps.files
        .prune(() => linkedFileIds(store.read()), new Date(clock.now().getTime() - FILE_GRACE_MS))
        .then((ids) => {
          if (ids.length > 0) logger.info({ count: ids.length }, 'deleted files no agenda item links to');
        })
        .catch((error: unknown) => logger.warn({ err: error }, 'could not tidy the files kept for agenda items'));
    void pruneFiles();
    const pruning = setInterval(() => void pruneFiles(), FILE_PRUNE_INTERVAL_MS);
    pruning.unref();
    let stopping: Promise<void> | undefined;
    return {
      port,
      store,
      notifier,
      scheduler,
      stop: () =>
        (stopping ??= (async () => {
          clearInterval(pruning);
          await scheduler.stop();
          await http.close();
          await notifier.stop();
          await store.close();
          http.server.server.closeAllConnections();
          logger.info('Stopped');
        })()),
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Teams single sign-on with Credentials; the development sign-in only in local mode, which
 * production refuses to start in (config.ts), so it cannot be reached there.
 */
function tabAuthenticator(config: Config, clock: Clock, logger: Logger) {
  const now = () => clock.now();
  if (!config.auth) {
    if (config.production) throw new Error('local mode in production');
    logger.info('Personal tab: development sign-in (local mode only)');
    return developmentAuthenticator(now);
  }
  const { appId, appType, tenantId } = config.auth;
  // A single-tenant app takes users of its own tenant only, also when ALLOWED_TENANT_IDS is empty.
  const tenants = config.allowedTenantIds.length > 0 ? config.allowedTenantIds : appType !== 'MultiTenant' && tenantId ? [tenantId] : [];
  const host = config.publicBaseUrl ? new URL(config.publicBaseUrl).host : undefined;
  return entraAuthenticator({ appId, resource: host ? `api://${host}/${appId}` : undefined, jwksUrl: config.tab.jwksUrl, allowedTenantIds: tenants, now });
}
