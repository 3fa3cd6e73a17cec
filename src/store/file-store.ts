import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPatches } from 'immer';
import { Low } from 'lowdb';
import { integrityProblems } from '../domain/integrity.js';
import { DataSchema, SCHEMA_VERSION, describeIssues, type Data } from '../domain/schema.js';
import { dataFromSeed } from '../domain/seed.js';
import type { Store } from '../domain/store.js';
import { StartupError } from '../startup-error.js';
import { DurableJsonFile } from './durable-json-file.js';
import { JournalWriter, readJournal, type JournalEntry } from './journal.js';
import { acquireLock } from './lock-file.js';
import { transactionalStore } from './transactional-store.js';

export interface FileStoreOptions {
  dataFile: string;
  seedFile: string;
  /** Told whether the file was loaded or created from the seed, and how many journalled changes were replayed. */
  onOpen?: (how: { created: boolean; dataFile: string; seedFile: string; replayed: number }) => void;
  /** Told when a snapshot could not be written; the journal still holds every change. */
  onSnapshotFailed?: (error: unknown) => void;
  /** Changes journalled before the data file is rewritten as a whole. */
  snapshotEvery?: number;
}

/** The data file as saved: the data, and the last journalled change it already holds. */
type Snapshot = Data & { journalSeq?: number };

const SNAPSHOT_EVERY = 200;

/**
 * The embedded store: one JSON file (written through lowdb) plus a journal of the changes made
 * since it was last written, owned by this process through a lock file. A change is saved by
 * appending its patches to the journal, a few hundred bytes, so saving costs the same on the
 * first day as after ten years; changes that come while one is being flushed are appended and
 * flushed together after it. Every few hundred changes, and at stop, the whole file is
 * rewritten in the background and the journal it holds is removed. A file or journal that cannot
 * be read as this version's data stops the start and is left untouched.
 */
export async function openFileStore(options: FileStoreOptions): Promise<Store> {
  const dataFile = path.resolve(options.dataFile);
  await mkdir(path.dirname(dataFile), { recursive: true });
  const release = await acquireLock(dataFile);
  try {
    const adapter = new DurableJsonFile<Snapshot>(dataFile);
    const existing = await readText(dataFile);
    const loaded = existing === undefined ? { data: await loadSeed(options.seedFile), seq: 0 } : parseSnapshot(existing, dataFile);
    const { entries, lastGeneration } = await readJournal(dataFile, loaded.seq);
    const data = replay(loaded.data, entries, dataFile);
    let seq = entries.at(-1)?.seq ?? loaded.seq;
    const db = new Low<Snapshot>(adapter, { ...data, journalSeq: seq });
    const journal = new JournalWriter(dataFile, lastGeneration + 1);
    // Start from one file: the snapshot holds everything, and journals it holds go.
    if (existing === undefined || entries.length > 0) await db.write();
    await journal.removeBefore(journal.generation);
    options.onOpen?.({ created: existing === undefined, dataFile, seedFile: path.resolve(options.seedFile), replayed: entries.length });

    let sinceSnapshot = 0;
    let snapshotting: Promise<void> | undefined;
    const snapshot = (state: Readonly<Data>, upTo: number, generation: number) =>
      (snapshotting = (async () => {
        // Committed states are frozen, so this one can be written while later changes go on.
        await new Promise((resolve) => setImmediate(resolve));
        db.data = { ...(state as Data), journalSeq: upTo };
        await db.write();
        await journal.removeBefore(generation);
      })()
        .catch((error: unknown) => options.onSnapshotFailed?.(error))
        .finally(() => (snapshotting = undefined)));

    const store = transactionalStore(data, async (next, changes) => {
      await journal.append(changes.map((patches, i) => ({ seq: seq + 1 + i, patches: [...patches] })));
      seq += changes.length;
      sinceSnapshot += changes.length;
      if (sinceSnapshot >= (options.snapshotEvery ?? SNAPSHOT_EVERY) && !snapshotting) {
        journal.rotate();
        sinceSnapshot = 0;
        void snapshot(next, seq, journal.generation);
      }
    });
    return {
      ...store,
      async close() {
        await store.close().catch(() => undefined);
        await snapshotting;
        if (sinceSnapshot > 0) {
          journal.rotate();
          await snapshot(store.read(), seq, journal.generation);
        }
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** The data as saved on disk: the data file with its journal replayed (for tests and tools). */
export async function readSaved(dataFile: string): Promise<Data> {
  const file = path.resolve(dataFile);
  const text = await readText(file);
  if (text === undefined) throw new StartupError([`The data file ${file} does not exist.`]);
  const loaded = parseSnapshot(text, file);
  return replay(loaded.data, (await readJournal(file, loaded.seq)).entries, file);
}

function replay(data: Data, entries: readonly JournalEntry[], file: string): Data {
  if (entries.length === 0) return data;
  const replayed = entries.reduce<Data>((state, entry) => applyPatches(state, entry.patches), data);
  const parsed = DataSchema.safeParse(replayed);
  if (!parsed.success) {
    throw new StartupError([`The journal of ${file} does not replay to valid data:`, ...describeIssues(parsed.error).map((l) => `  ${l}`)]);
  }
  return parsed.data;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StartupError([`Cannot read the data file ${file}: ${(error as Error).message}`]);
  }
}

function parseSnapshot(text: string, file: string): { data: Data; seq: number } {
  const raw = parseJson(text, file);
  const seq = (raw as { journalSeq?: unknown } | null)?.journalSeq;
  return { data: validData(raw, file), seq: typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0 };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StartupError([
      `The data file ${file} is not valid JSON (${(error as Error).message}).`,
      'It has not been changed. Restore it from a backup, or move it away to start from the seed.',
    ]);
  }
}

function validData(raw: unknown, file: string): Data {
  const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new StartupError([
      `The data file ${file} has schema version ${JSON.stringify(version)}; this version of the bot reads version ${SCHEMA_VERSION}.`,
      'It has not been changed. Run the bot version that wrote it, or restore a matching backup.',
    ]);
  }
  const parsed = DataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new StartupError([`The data file ${file} does not match the expected structure:`, ...describeIssues(parsed.error).map((l) => `  ${l}`)]);
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) {
    throw new StartupError([`The data file ${file} is inconsistent:`, ...problems.slice(0, 5).map((l) => `  ${l}`)]);
  }
  return parsed.data;
}

export async function loadSeed(seedFile: string): Promise<Data> {
  const text = await readText(seedFile);
  if (text === undefined) throw new StartupError([`The seed file ${seedFile} does not exist (SEED_FILE).`]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StartupError([`The seed file ${seedFile} is not valid JSON (${(error as Error).message}).`]);
  }
  const result = dataFromSeed(raw);
  if (!result.ok) throw new StartupError([`The seed file ${seedFile} is not a valid seed:`, ...result.problems.map((l) => `  ${l}`)]);
  return result.data;
}
