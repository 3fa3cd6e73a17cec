import type { Data } from '../domain/schema.js';
import type { Store } from '../domain/store.js';
import { transactionalStore } from './transactional-store.js';

export interface MemoryStore extends Store {
  /** Makes every following save fail, as a full or read-only disk would. */
  failWrites(fail: boolean): void;
  /** How many changes have been saved. */
  writes(): number;
}

export function memoryStore(initial: Data): MemoryStore {
  let failing = false;
  let count = 0;
  const store = transactionalStore(structuredClone(initial), async (_next, changes) => {
    if (failing) throw new Error('simulated write failure');
    count += changes.length;
  });
  return { ...store, failWrites: (fail) => (failing = fail), writes: () => count };
}
