import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileStore, readSaved } from '../../src/store/file-store.js';
import type { Store } from '../../src/domain/store.js';
import { StartupError } from '../../src/startup-error.js';
import { DEMO_SEED_FILE } from '../helpers/builders.js';

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function fresh() {
  const dir = await mkdtemp(path.join(tmpdir(), 'politirad-store-'));
  return { dir, dataFile: path.join(dir, 'data', 'politirad.json') };
}
async function openStore(dataFile: string, seedFile = DEMO_SEED_FILE) {
  const store = await openFileStore({ dataFile, seedFile });
  open.push(store);
  return store;
}
async function startupError(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StartupError);
  return (error as StartupError).lines.join('\n');
}

describe('the file store', () => {
  it('creates the data file from the seed when there is none', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    expect(store.read().reportingUnits).toHaveLength(17);
    const onDisk = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(onDisk.schemaVersion).toBe(1);
    expect(onDisk.members.length).toBe(store.read().members.length);
  });

  it('has a change on disk, in the journal, as soon as update resolves, and leaves no temp file', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    await store.update((data) => {
      data.council.shortName = 'PR';
    });
    expect((await readSaved(dataFile)).council.shortName).toBe('PR');
    expect((await readdir(path.dirname(dataFile))).sort()).toEqual(['politirad.json', 'politirad.json.journal.1', 'politirad.json.lock']);
  });

  it('hands a change the frozen state its draft starts from, unchanged by the change', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    const committed = store.read();
    const seen = await store.update((draft, before) => {
      draft.council.shortName = 'PR';
      return { same: before === committed, frozen: Object.isFrozen(before.council), name: before.council.shortName };
    });
    expect(seen).toEqual({ same: true, frozen: true, name: committed.council.shortName });
    expect(store.read().council.shortName).toBe('PR');
  });

  it('journals changes made at once in the order they came, each on disk when it resolves', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    const dotsOnDisk: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        store
          .update((data) => {
            data.council.shortName = `PR ${n}`;
            data.council.name += '.';
          })
          .then(async () => (dotsOnDisk[n] = /\.*$/.exec((await readSaved(dataFile)).council.name)![0].length)),
      ),
    );
    const saved = await readSaved(dataFile);
    expect([saved.council.shortName, saved.council.name]).toEqual(['PR 19', store.read().council.name]);
    // Change n adds the (n+1)th dot: it was on disk, with every change before it, when it resolved.
    expect(dotsOnDisk.every((dots, n) => dots >= n + 1)).toBe(true);
    expect(dotsOnDisk).toHaveLength(20);
    const lines = (await readFile(`${dataFile}.journal.1`, 'utf8')).trim().split('\n').map((line) => JSON.parse(line).seq);
    expect(lines).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('writes nothing for a change that changes nothing', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    const result = await store.update((data) => data.members.length);
    expect(result).toBe(16);
    expect(await readdir(path.dirname(dataFile))).not.toContain('politirad.json.journal.1');
  });

  it('rewrites the data file every so many changes and at stop, and removes the journal it holds', async () => {
    const { dataFile } = await fresh();
    const store = await openFileStore({ dataFile, seedFile: DEMO_SEED_FILE, snapshotEvery: 5 });
    for (let n = 1; n <= 12; n++) {
      await store.update((data) => {
        data.council.shortName = `PR ${n}`;
      });
    }
    // Twelve changes: snapshots after the 5th and 10th, the last two in the journal.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const file = JSON.parse(await readFile(dataFile, 'utf8'));
    expect([file.council.shortName, file.journalSeq]).toEqual(['PR 10', 10]);
    expect((await readSaved(dataFile)).council.shortName).toBe('PR 12');
    expect((await readdir(path.dirname(dataFile))).filter((f) => f.includes('journal'))).toEqual(['politirad.json.journal.3']);
    await store.close();
    expect(JSON.parse(await readFile(dataFile, 'utf8')).council.shortName).toBe('PR 12');
    expect((await readdir(path.dirname(dataFile))).sort()).toEqual(['politirad.json']);
  });

  it('replays the journal after a crash, and leaves out a last line cut short by it', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    await store.update((data) => {
      data.council.shortName = 'PR';
    });
    await store.update((data) => {
      data.members.push({ id: 'ny', name: 'Ny', roles: ['medlem'], unitIds: [] });
    });
    // A crash: the lock and journal stay, and the next write was cut short.
    await writeFile(`${dataFile}.journal.1`, '{"seq":3,"patches":[{"op":"repl', { flag: 'a' });
    await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: 999999, host: hostname() }));
    const again = await openStore(dataFile);
    expect(again.read().council.shortName).toBe('PR');
    expect(again.read().members.at(-1)?.id).toBe('ny');
    expect(JSON.parse(await readFile(dataFile, 'utf8')).journalSeq).toBe(2);
  });

  it('refuses a journal that is damaged before its last line, and changes nothing', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    await store.update((data) => {
      data.council.shortName = 'PR';
    });
    await store.update((data) => {
      data.council.shortName = 'PR 2';
    });
    const journal = `${dataFile}.journal.1`;
    const lines = (await readFile(journal, 'utf8')).split('\n');
    const damaged = ['{"seq":1,"patch', lines[1], ''].join('\n');
    await writeFile(journal, damaged);
    await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: 999999, host: hostname() }));
    open.splice(0);
    expect(await startupError(openFileStore({ dataFile, seedFile: DEMO_SEED_FILE }))).toMatch(/journal .* cannot be read at line 1/);
    expect(await readFile(journal, 'utf8')).toBe(damaged);
  });

  it('keeps changes across a restart', async () => {
    const { dataFile } = await fresh();
    const first = await openStore(dataFile);
    await first.update((data) => {
      data.settings.councilChannel = { conversationId: 'c', markedBy: 'kari-nordmann', markedAt: '2026-11-22T08:00:00.000Z' };
    });
    await first.close();
    const second = await openStore(dataFile);
    expect(second.read().settings.councilChannel?.conversationId).toBe('c');
  });

  it('leaves everything as it was when a change throws', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    const before = await readFile(dataFile, 'utf8');
    await expect(
      store.update((data) => {
        data.council.shortName = 'half-done';
        throw new Error('bad input');
      }),
    ).rejects.toThrow('bad input');
    expect(store.read().council.shortName).toBe('Politirådet');
    expect(await readFile(dataFile, 'utf8')).toBe(before);
  });

  it('reports a failed save with a code and keeps the last saved state', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    // A directory where the journal should go makes the write fail, even for root.
    await mkdir(`${dataFile}.journal.1`);
    await expect(store.update((data) => void (data.council.shortName = 'lost'))).rejects.toMatchObject({ code: 'store-write-failed' });
    expect(store.read().council.shortName).toBe('Politirådet');
    expect(JSON.parse(await readFile(dataFile, 'utf8')).council.shortName).toBe('Politirådet');
    await rmdir(`${dataFile}.journal.1`);
    await store.update((data) => void (data.council.shortName = 'saved'));
    expect((await readSaved(dataFile)).council.shortName).toBe('saved');
  });

  it('refuses a corrupt file with a clear message and never overwrites it', async () => {
    const { dataFile } = await fresh();
    await mkdir(path.dirname(dataFile), { recursive: true });
    await writeFile(dataFile, '{"schemaVersion": 1, "members": [');
    expect(await startupError(openFileStore({ dataFile, seedFile: DEMO_SEED_FILE }))).toMatch(/is not valid JSON.*\n.*has not been changed/);
    expect(await readFile(dataFile, 'utf8')).toBe('{"schemaVersion": 1, "members": [');
  });

  it('refuses a file of an unknown schema version', async () => {
    const { dataFile } = await fresh();
    await mkdir(path.dirname(dataFile), { recursive: true });
    await writeFile(dataFile, JSON.stringify({ schemaVersion: 99 }));
    expect(await startupError(openFileStore({ dataFile, seedFile: DEMO_SEED_FILE }))).toMatch(/schema version 99; this version of the bot reads version 1/);
  });

  it('refuses a file whose structure is wrong, naming the field', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    await store.close();
    const data = JSON.parse(await readFile(dataFile, 'utf8'));
    data.members[0].roles = ['kongen'];
    await writeFile(dataFile, JSON.stringify(data));
    expect(await startupError(openFileStore({ dataFile, seedFile: DEMO_SEED_FILE }))).toMatch(/members\.0\.roles\.0/);
  });

  it('refuses a seed file that is missing or invalid', async () => {
    const { dir, dataFile } = await fresh();
    expect(await startupError(openFileStore({ dataFile, seedFile: path.join(dir, 'none.json') }))).toMatch(/does not exist \(SEED_FILE\)/);
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify({ seedVersion: 1 }));
    expect(await startupError(openFileStore({ dataFile, seedFile: path.join(dir, 'bad.json') }))).toMatch(/is not a valid seed/);
  });

  it('refuses a second process on the same file', async () => {
    const { dataFile } = await fresh();
    await mkdir(path.dirname(dataFile), { recursive: true });
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: holder.pid, host: (await import('node:os')).hostname(), since: 'now' }));
      expect(await startupError(openFileStore({ dataFile, seedFile: DEMO_SEED_FILE }))).toMatch(new RegExp(`in use by another process \\(pid ${holder.pid}\\)`));
    } finally {
      holder.kill();
    }
  });

  it('takes over the lock of a process that died', async () => {
    const { dataFile } = await fresh();
    await mkdir(path.dirname(dataFile), { recursive: true });
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    await writeFile(`${dataFile}.lock`, JSON.stringify({ pid: dead.pid, host: (await import('node:os')).hostname(), since: 'then' }));
    const store = await openStore(dataFile);
    expect(store.read().council.name).toBe('Politirådet i Oslo');
  });
});
