import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, USERS } from '../helpers/activities.js';
import { spawnBot } from '../helpers/bot-process.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub.js';

let stub: ConnectorStub;
beforeAll(async () => {
  stub = await startConnectorStub();
});
afterAll(async () => {
  await stub.close();
});
const dataFileIn = async () => path.join(await mkdtemp(path.join(tmpdir(), 'politirad-proc-')), 'politirad.json');

describe('the bot process', () => {
  it('says in its first log line that it runs in local mode without credentials', async () => {
    const bot = spawnBot({ DATA_FILE: await dataFileIn() });
    await bot.ready;
    const first = JSON.parse(bot.stdout().split('\n')[0]!);
    expect(first).toMatchObject({ mode: 'local', msg: expect.stringMatching(/^Local mode/) });
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('stops on a corrupt data file with a clear message, leaving the file as it was', async () => {
    const dataFile = await dataFileIn();
    await writeFile(dataFile, '{ "schemaVersion": 1, oops');
    const bot = spawnBot({ DATA_FILE: dataFile });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/^politiradsboten: The data file .* is not valid JSON/m);
    expect(bot.stderr()).not.toMatch(/\n\s+at /);
    expect(await readFile(dataFile, 'utf8')).toBe('{ "schemaVersion": 1, oops');
  });

  it('refuses to start in production without credentials, one line per problem', async () => {
    const bot = spawnBot({ DATA_FILE: await dataFileIn(), NODE_ENV: 'production' });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim().split('\n')).toEqual([
      'politiradsboten: Configuration: MicrosoftAppId is required when NODE_ENV=production (local mode accepts unauthenticated requests)',
      'politiradsboten: Configuration: PUBLIC_BASE_URL is required when NODE_ENV=production',
    ]);
  });

  it('refuses a second process on the same data file', async () => {
    const dataFile = await dataFileIn();
    const first = spawnBot({ DATA_FILE: dataFile });
    await first.ready;
    const second = spawnBot({ DATA_FILE: dataFile });
    expect(await second.exited).toBe(1);
    expect(second.stderr()).toMatch(new RegExp(`in use by another process \\(pid ${first.child.pid}\\)`));
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  });

  it('on SIGTERM finishes the turn in flight, saves, releases the lock and exits 0', async () => {
    const dataFile = await dataFileIn();
    const bot = spawnBot({ DATA_FILE: dataFile });
    const port = await bot.ready;
    stub.delayMs = 1500;
    try {
      const activity = message(USERS.secretary, '/kanal', { serviceUrl: stub.url, conversationType: 'channel', conversationId: '19:moter@thread.tacv2' });
      const response = fetch(`http://127.0.0.1:${port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      await new Promise((resolve) => setTimeout(resolve, 500));
      bot.child.kill('SIGTERM');
      expect((await response).status).toBe(200);
      expect(await bot.exited).toBe(0);
    } finally {
      stub.delayMs = 0;
    }
    expect(stub.sent.at(-1)?.body.text).toMatch(/er nå Politirådets kanal/);
    expect(JSON.parse(await readFile(dataFile, 'utf8')).settings.councilChannel.conversationId).toBe('19:moter@thread.tacv2');
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });
});
