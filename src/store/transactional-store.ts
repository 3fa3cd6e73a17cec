import { DomainError, ErrorCode } from '../domain/errors.js';
import type { Data } from '../domain/schema.js';
import type { Store } from '../domain/store.js';

/**
 * The part every store shares: changes run one at a time on a private copy, and the copy
 * becomes the current state only after `persist` succeeded. A change that throws, or a save
 * that fails, leaves the current state exactly as it was.
 */
export function transactionalStore(
  initial: Data,
  persist: (data: Data) => Promise<void>,
  release: () => Promise<void> = async () => undefined,
): Store {
  let current = initial;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const update = <T>(change: (draft: Data) => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    const run = queue.then(async () => {
      const draft = structuredClone(current);
      const result = change(draft);
      try {
        await persist(draft);
      } catch (error) {
        throw new DomainError(ErrorCode.StoreWriteFailed, `Could not save: ${(error as Error).message}`);
      }
      current = draft;
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    read: () => current,
    update,
    async close() {
      if (closed) return;
      closed = true;
      await queue;
      await release();
    },
  };
}
