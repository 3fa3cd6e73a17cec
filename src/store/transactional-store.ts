import { createDraft, current as snapshotOf, enablePatches, finishDraft, freeze, isDraft, type Draft, type Patch } from 'immer';
import { DomainError, ErrorCode } from '../domain/errors.js';
import type { Data } from '../domain/schema.js';
import type { Store } from '../domain/store.js';

enablePatches();

/** Saves a new state; `patches` say what changed since the last one (never empty). */
export type Persist = (next: Readonly<Data>, patches: readonly Patch[]) => Promise<void>;

/**
 * The part every store shares: changes run one at a time on a draft (Immer), and the new state
 * becomes current only after `persist` succeeded. A change that throws, or a save that fails,
 * leaves the current state exactly as it was. Drafts share everything a change did not touch, so
 * a change costs what it touches, not the size of ten years of data, and committed states are
 * frozen: a state once read never changes under its reader.
 */
export function transactionalStore(initial: Data, persist: Persist, release: () => Promise<void> = async () => undefined): Store {
  let current: Data = freeze(initial, true);
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  const update = <T>(change: (draft: Data, before: Readonly<Data>) => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    const run = queue.then(async () => {
      const draft = createDraft(current);
      // What the change returns may hold parts of the draft, which end with it; callers get copies.
      const result = detach(change(draft, current));
      let patches: Patch[] = [];
      const next = finishDraft(draft, (made) => (patches = made)) as Data;
      if (patches.length === 0) return result;
      try {
        await persist(next, patches);
      } catch (error) {
        throw new DomainError(ErrorCode.StoreWriteFailed, `Could not save: ${(error as Error).message}`);
      }
      current = next;
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

function detach<T>(value: T): T {
  if (isDraft(value)) return snapshotOf(value as Draft<T>) as T;
  if (Array.isArray(value)) return value.map(detach) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype && !Object.isFrozen(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, detach(inner)])) as T;
  }
  return value;
}
