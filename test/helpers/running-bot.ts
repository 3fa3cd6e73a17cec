import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import { startBot, type Overrides, type RunningBot } from '../../src/index.js';
import { demoSeed, NOW, silentLogger } from './builders.js';

export interface BotUnderTest extends RunningBot {
  url: string;
  dataFile: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** The real server, in this process, on a random port, over its own data file. */
export async function startTestBot(env: Record<string, string> = {}, dataFile?: string, overrides: Overrides = {}): Promise<BotUnderTest> {
  const file = dataFile ?? path.join(await mkdtemp(path.join(tmpdir(), 'politirad-http-')), 'politirad.json');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_FILE: file, LOG_LEVEL: 'silent', ...env });
  const running = await startBot(config, silentLogger, { clock: fixedClock(NOW), notifier: { baseBackoffMs: 20, maxBackoffMs: 200 }, ...overrides });
  const url = `http://127.0.0.1:${running.port}`;
  return {
    ...running,
    url,
    dataFile: file,
    post: (activity, headers = {}) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof activity === 'string' ? activity : JSON.stringify(activity),
      }),
  };
}

/** The demo seed changed for one test file (say, without follow-up points), written to a temporary file. */
export async function seedFileWith(change: (seed: Record<string, unknown>) => void): Promise<string> {
  const seed = demoSeed();
  change(seed);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'politirad-seed-')), 'seed.json');
  await writeFile(file, JSON.stringify(seed));
  return file;
}
