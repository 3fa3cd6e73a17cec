import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { integrityProblems } from '../domain/integrity.js';
import { DataSchema, SCHEMA_VERSION, describeIssues, type Data } from '../domain/schema.js';
import { dataFromSeed } from '../domain/seed.js';
import type { Store } from '../domain/store.js';
import { StartupError } from '../startup-error.js';
import { DurableJsonFile } from './durable-json-file.js';
import { acquireLock } from './lock-file.js';
import { transactionalStore } from './transactional-store.js';

export interface FileStoreOptions {
  dataFile: string;
  seedFile: string;
  /** Told whether the file was loaded or created from the seed. */
  onOpen?: (how: { created: boolean; dataFile: string; seedFile: string }) => void;
}

/**
 * The embedded store: one JSON file, owned by this process through a lock file. A file that
 * cannot be read as this version's data stops the start and is left untouched.
 */
export async function openFileStore(options: FileStoreOptions): Promise<Store> {
  const dataFile = path.resolve(options.dataFile);
  await mkdir(path.dirname(dataFile), { recursive: true });
  const release = await acquireLock(dataFile);
  try {
    const adapter = new DurableJsonFile<Data>(dataFile);
    const existing = await readText(dataFile);
    const db = new Low<Data>(adapter, existing === undefined ? await loadSeed(options.seedFile) : parseDataFile(existing, dataFile));
    if (existing === undefined) await db.write();
    else adapter.remember(existing);
    options.onOpen?.({ created: existing === undefined, dataFile, seedFile: path.resolve(options.seedFile) });
    return transactionalStore(
      db.data,
      async (data) => {
        db.data = data;
        await db.write();
      },
      release,
    );
  } catch (error) {
    await release();
    throw error;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StartupError([`Cannot read the data file ${file}: ${(error as Error).message}`]);
  }
}

export function parseDataFile(text: string, file: string): Data {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new StartupError([
      `The data file ${file} is not valid JSON (${(error as Error).message}).`,
      'It has not been changed. Restore it from a backup, or move it away to start from the seed.',
    ]);
  }
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
