import { createAdapter } from './bot/adapter.js';
import { PolitiradBot } from './bot/politirad-bot.js';
import type { Config } from './config.js';
import type { Clock } from './domain/clock.js';
import type { Store } from './domain/store.js';
import type { Logger } from './logger.js';
import { createHttpServer } from './server/http-server.js';
import { openFileStore } from './store/file-store.js';
import { systemClock } from './system-clock.js';

export interface RunningBot {
  port: number;
  store: Store;
  /** Stops taking requests, lets turns in flight finish, flushes writes and releases the data file. */
  stop(): Promise<void>;
}

/**
 * The composition root: the one place that builds the store, the bot, the adapter and the
 * server and wires them together. Tests call it with their own clock or store.
 */
export async function startBot(config: Config, logger: Logger, overrides: { clock?: Clock; store?: Store } = {}): Promise<RunningBot> {
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
      onOpen: ({ created, dataFile, seedFile }) =>
        logger.info({ dataFile, seedFile: created ? seedFile : undefined }, created ? 'Created the data file from the seed' : 'Opened the data file'),
    }));
  try {
    const deps = { store, clock, timeZone: config.timeZone, logger };
    const bot = new PolitiradBot(deps, { allowedTenantIds: config.allowedTenantIds });
    const adapter = createAdapter(config, logger);
    const http = createHttpServer({
      logger,
      endpoint: { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
      health: () => ({ mode }),
    });
    const { port } = await http.listen(config.port, config.host);
    logger.info({ port, host: config.host, timeZone: config.timeZone }, `Listening on http://${config.host}:${port}/api/messages`);
    let stopping: Promise<void> | undefined;
    return {
      port,
      store,
      stop: () =>
        (stopping ??= (async () => {
          await http.close();
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
