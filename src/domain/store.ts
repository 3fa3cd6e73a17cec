import type { Data } from './schema.js';

/**
 * The domain's whole view of storage. `read` returns the last committed state; `update` runs a
 * change on a private copy and resolves only once the change is durable. Changes run in the order
 * they came; a store may save several in one go. If the change throws, or saving fails, nothing
 * is changed.
 */
export interface Store {
  read(): Readonly<Data>;
  /**
   * `before` is the state the draft starts from, frozen: the committed state with the changes
   * made before this one that are being saved with it. Searching it is a plain array walk, where
   * a search of the draft makes a copy-on-write proxy of every element it passes: a change that
   * looks up one of thousands of records finds it in `before` and changes it in the draft.
   */
  update<T>(change: (draft: Data, before: Readonly<Data>) => T): Promise<T>;
  /** Waits for pending writes and releases the data file. */
  close(): Promise<void>;
}
