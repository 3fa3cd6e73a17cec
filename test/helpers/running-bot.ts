import JSZip from 'jszip';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/clock.js';
import type { Data } from '../../src/domain/schema.js';
import { startBot, type Overrides, type RunningBot } from '../../src/index.js';
import { readSaved } from '../../src/store/file-store.js';
import { demoSeed, NOW, silentLogger } from './builders.js';
import { startConnectorStub, type ConnectorStub, type Recorded } from './connector-stub.js';

export interface BotUnderTest extends RunningBot {
  url: string;
  dataFile: string;
  post(activity: unknown, headers?: Record<string, string>): Promise<Response>;
  /**
   * Resolves when the bot has nothing left to send: a handler's kick goes through the scheduler,
   * which may still be queuing what fell due when the notifier has nothing yet.
   */
  settled(): Promise<void>;
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
    settled: async () => {
      await running.scheduler.idle();
      await running.notifier.idle();
    },
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

/**
 * One test file's Teams service (the connector stub) and the bots it starts. The stub runs for
 * the whole file; after each test every bot is stopped and the stub's record cleared. Bots run
 * their scheduler only by hand (`bot.scheduler.tick()`), so each test says when things fall due.
 */
export function connectorSuite() {
  let stub: ConnectorStub | undefined;
  const bots: BotUnderTest[] = [];
  beforeAll(async () => {
    stub = await startConnectorStub();
  });
  afterAll(async () => {
    await stub?.close();
  });
  afterEach(async () => {
    await Promise.all(bots.splice(0).map((b) => b.stop()));
    stub?.reset();
  });
  const suite = {
    get stub(): ConnectorStub {
      if (!stub) throw new Error('the connector stub starts in beforeAll');
      return stub;
    },
    async start(env: Record<string, string> = {}, dataFile?: string, overrides: Overrides = {}): Promise<BotUnderTest> {
      const bot = await startTestBot({ SCHEDULER_INTERVAL_MS: '3600000', ...env }, dataFile, overrides);
      bots.push(bot);
      return bot;
    },
    /** The user's personal chat with the bot, through the stub. */
    personal: (user: { id: string }) => ({ serviceUrl: suite.stub.url, conversationId: `a:personal-${user.id}` }),
  };
  return suite;
}

/** The bot's data file as it is on disk. */
export const onDisk = (bot: BotUnderTest): Promise<Data> => readSaved(bot.dataFile);

/** The card a recorded message carried. */
export const cardIn = (sent: Recorded | undefined) => sent?.body.attachments?.[0]?.content;

/** The words of a downloaded Word file's body, tags taken out. */
export async function wordText(res: Response): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** A signed document link refuses (404) a stretched expiry and each swap given: another document, another kind. */
export async function expectChangedLinksRefused(url: string, swaps: readonly [from: string, to: string][]): Promise<void> {
  const [, expires] = /\/(\d+)\/[^/]+\.docx$/.exec(url)!;
  expect((await fetch(url.replace(`/${expires}/`, `/${Number(expires) + 60}/`))).status).toBe(404);
  for (const [from, to] of swaps) expect((await fetch(url.replace(from, to))).status).toBe(404);
}
