import type { Data } from './schema.js';

/**
 * The domain's whole view of storage. `read` returns the last committed state; `update` runs a
 * change on a private copy and resolves only once the change is durable. If the change throws,
 * or saving fails, nothing is changed.
 */
export interface Store {
  read(): Readonly<Data>;
  update<T>(change: (draft: Data) => T): Promise<T>;
  /** Waits for pending writes and releases the data file. */
  close(): Promise<void>;
}
