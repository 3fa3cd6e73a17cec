import { loadConfig } from './config.js';
import { startBot, type RunningBot } from './index.js';
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
  let running: RunningBot | undefined;
  let stopAfterStart: string | undefined;
  const shutdown = (signal: string) => {
    // A signal during start is honoured as soon as the bot is up, so nothing is left half-open.
    if (!running) {
      stopAfterStart = signal;
      return;
    }
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
  try {
    running = await startBot(config, logger);
  } catch (error) {
    return fail(error);
  }
  if (stopAfterStart) shutdown(stopAfterStart);
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
