import { loadConfig } from './config.js';
import { startBot } from './index.js';
import { createLogger } from './logger.js';
import { StartupError } from './startup-error.js';

/** The process entry: read the environment once, start, and stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    return fail(error);
  }
  const logger = createLogger(config.logLevel);
  let running;
  try {
    running = await startBot(config, logger);
  } catch (error) {
    return fail(error);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'Stopping: finishing requests in flight and flushing writes');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'Stop failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

function fail(error: unknown): void {
  if (error instanceof StartupError) {
    for (const line of error.lines) process.stderr.write(`politiradsboten: ${line}\n`);
  } else {
    process.stderr.write(`politiradsboten: could not start: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exitCode = 1;
}

void main();
