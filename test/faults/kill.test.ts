import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSaved } from '../../src/store/file-store.js';
import { message, USERS } from '../helpers/activities.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { startConnectorStub, type ConnectorStub } from '../helpers/connector-stub.js';
import { councilFile } from '../helpers/council-file.js';
import { sequence } from '../../bench/ten-years.js';

let stub: ConnectorStub;
beforeAll(async () => {
  stub = await startConnectorStub();
});
afterAll(async () => {
  await stub.close();
});

const KILLS = 21;
const STREAMS = 3;

/** The titles the bot confirmed to the user: its reply quotes each saved proposal. */
const acknowledged = () => new Set(stub.sent.flatMap((r) => /Forslaget «([^»]+)» er sendt/.exec(r.body.text ?? '')?.[1] ?? []));

describe('a bot process killed while it writes', () => {
  it(`loads its file after each of ${KILLS} SIGKILLs, with every write it acknowledged`, async () => {
    const { dataFile } = await councilFile(stub.url);
    const random = sequence(Number(process.env.FAULT_SEED ?? 7));
    let sentCount = 0;
    let restartsWithReplay = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const bot: BotProcess = spawnBot({ DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '3600000', LOG_LEVEL: 'info' });
      // The file must load: a start that fails rejects here with the bot's own message.
      const port = await bot.ready;
      if (/"replayed":[1-9]/.test(bot.stdout())) restartsWithReplay += 1;
      let running = true;
      const streams = Array.from({ length: STREAMS }, async (_, stream) => {
        while (running) {
          const title = `Sak ${kill}-${stream}-${sentCount++}`;
          await fetch(`http://127.0.0.1:${port}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(message(USERS.member, `/foreslå ${title}`, { serviceUrl: stub.url })),
          }).catch(() => undefined);
        }
      });
      // Somewhere in the first 600 ms of writing: mid-append, mid-rename, mid-snapshot or between.
      await new Promise((resolve) => setTimeout(resolve, 20 + random() * 600));
      bot.child.kill('SIGKILL');
      await bot.exited;
      running = false;
      await Promise.all(streams);

      const saved = await readSaved(dataFile);
      const titles = new Set(saved.meetings.flatMap((m) => m.proposals.map((p) => p.title)));
      const missing = [...acknowledged()].filter((t) => !titles.has(t));
      expect(missing, `after kill ${kill + 1}`).toEqual([]);
    }
    // The runs really wrote, and crashes really left journals to replay.
    expect(acknowledged().size).toBeGreaterThan(KILLS * 5);
    expect(restartsWithReplay).toBeGreaterThan(KILLS / 2);
    // A last clean start still loads, and shuts down cleanly with everything in the data file.
    const last = spawnBot({ DATA_FILE: dataFile, SCHEDULER_INTERVAL_MS: '3600000' });
    await last.ready;
    last.child.kill('SIGTERM');
    expect(await last.exited).toBe(0);
    const saved = await readSaved(dataFile);
    expect(saved.meetings.flatMap((m) => m.proposals).length).toBeGreaterThanOrEqual(acknowledged().size);
  }, 240_000);
});
