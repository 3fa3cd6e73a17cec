import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openFileStore } from '../../src/store/file-store.js';
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

  it('has a change on disk as soon as update resolves, and leaves no temp file', async () => {
    const { dataFile } = await fresh();
    const store = await openStore(dataFile);
    await store.update((data) => {
      data.council.shortName = 'PR';
    });
    expect(JSON.parse(await readFile(dataFile, 'utf8')).council.shortName).toBe('PR');
    expect((await readdir(path.dirname(dataFile))).sort()).toEqual(['politirad.json', 'politirad.json.lock']);
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
    // A directory where the temp file should go makes the write fail, even for root.
    await mkdir(`${dataFile}.${process.pid}.tmp`);
    await expect(store.update((data) => void (data.council.shortName = 'lost'))).rejects.toMatchObject({ code: 'store-write-failed' });
    expect(store.read().council.shortName).toBe('Politirådet');
    expect(JSON.parse(await readFile(dataFile, 'utf8')).council.shortName).toBe('Politirådet');
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
