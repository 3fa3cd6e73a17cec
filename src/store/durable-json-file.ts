import { open, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { jsonSlices } from './json-in-steps.js';

/**
 * A lowdb adapter whose writes survive a crash: the text goes to a temp file that is fsync'd,
 * renamed over the data file, and the directory is fsync'd so the rename itself is durable.
 * lowdb's own JSONFile renames atomically but never fsyncs.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    // Reading happens once, in the store's own loader, so errors can be reported precisely.
    throw new Error('DurableJsonFile.read is not used; the store loads the file itself');
  }

  async write(data: T): Promise<void> {
    await writeDurably(this.file, withNewline(jsonSlices(data)));
  }
}

async function* withNewline(slices: AsyncIterable<string>): AsyncGenerator<string> {
  yield* slices;
  yield '\n';
}

/**
 * Replaces `file` with `text`, or with the slices of text in order, each written as it comes, so
 * the whole is never held in memory. Until the rename the old file stays as it was.
 */
export async function writeDurably(file: string, text: string | AsyncIterable<string>): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      // Through the handle, so it can be fsync'd; slices are written in order as they come.
      await writeFile(handle, text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(file);
}

/** Makes a file's entry in its directory durable: a new or renamed name survives a crash too. */
export async function syncDirectory(file: string): Promise<void> {
  const directory = await open(path.dirname(file), 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
