import { open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Patch } from 'immer';
import { StartupError } from '../startup-error.js';
import { syncDirectory } from './durable-json-file.js';

/** One saved change: its number, counted across the data file's life, and what it changed. */
export interface JournalEntry {
  seq: number;
  patches: Patch[];
}

/** The journal files of a data file, oldest first: `<data file>.journal.<generation>`. */
export async function journalFiles(dataFile: string): Promise<{ file: string; generation: number }[]> {
  const prefix = `${path.basename(dataFile)}.journal.`;
  const names = await readdir(path.dirname(dataFile)).catch(() => [] as string[]);
  return names
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => ({ file: path.join(path.dirname(dataFile), name), generation: Number(name.slice(prefix.length)) }))
    .sort((a, b) => a.generation - b.generation);
}

/**
 * Every change after `afterSeq`, in order. A last line cut short belongs to a write that was
 * never acknowledged (the process died during it), so it is left out; anything else that does
 * not read stops the start, naming the file.
 */
export async function readJournal(dataFile: string, afterSeq: number): Promise<{ entries: JournalEntry[]; lastGeneration: number }> {
  const entries: JournalEntry[] = [];
  const files = await journalFiles(dataFile);
  for (const { file } of files) {
    const lines = (await readFile(file, 'utf8')).split('\n');
    const complete = lines.pop() === '';
    lines.forEach((line, index) => {
      let entry: JournalEntry;
      try {
        entry = JSON.parse(line) as JournalEntry;
        if (!Number.isInteger(entry.seq) || !Array.isArray(entry.patches)) throw new Error('not a journal entry');
      } catch (error) {
        if (!complete && index === lines.length - 1) return;
        throw new StartupError([`The journal ${file} cannot be read at line ${index + 1} (${(error as Error).message}).`, 'It has not been changed. Restore the data file and its journal from a backup.']);
      }
      if (entry.seq <= afterSeq) return;
      const expected = (entries.at(-1)?.seq ?? afterSeq) + 1;
      if (entry.seq !== expected) throw new StartupError([`The journal ${file} skips from change ${expected - 1} to ${entry.seq}; a journal file is missing.`]);
      entries.push(entry);
    });
  }
  return { entries, lastGeneration: files.at(-1)?.generation ?? 0 };
}

/**
 * Appends new changes. Each append, of one change or several, is on disk (fdatasync) before it
 * resolves. The file is opened for each append, so a data directory made read-only refuses the
 * very next change instead of taking it through a handle opened earlier.
 */
export class JournalWriter {
  /** Whether the current generation's file is known to exist durably in the directory. */
  private named = false;

  constructor(
    private readonly dataFile: string,
    private generationNumber: number,
  ) {}

  get generation(): number {
    return this.generationNumber;
  }

  async append(entries: readonly JournalEntry[]): Promise<void> {
    const file = `${this.dataFile}.journal.${this.generationNumber}`;
    const handle = await open(file, 'a', 0o600);
    try {
      await handle.appendFile(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
      await handle.datasync();
      // A new file's name must be durable in its directory too, before the change counts as saved.
      if (!this.named) {
        await syncDirectory(file);
        this.named = true;
      }
    } finally {
      await handle.close();
    }
  }

  /** Starts the next generation; changes from now on go there. */
  rotate(): void {
    this.generationNumber += 1;
    this.named = false;
  }

  /** Removes the generations before the current one, once a snapshot holds their changes. */
  async removeBefore(generation: number): Promise<void> {
    for (const { file, generation: g } of await journalFiles(this.dataFile)) {
      if (g < generation) await unlink(file);
    }
  }
}
