import { createDraft, current as snapshotOf, enablePatches, finishDraft, freeze, isDraft, type Draft, type Patch } from 'immer';
import { DomainError, ErrorCode } from '../domain/errors.js';
import type { Data } from '../domain/schema.js';
import type { Store } from '../domain/store.js';

enablePatches();

/**
 * Saves a new state: `changes` are the patches of each change since the last save, in order
 * (never empty, and none of them empty); `next` is the state after the last of them.
 */
export type Persist = (next: Readonly<Data>, changes: readonly (readonly Patch[])[]) => Promise<void>;

interface Waiting {
  change: (draft: Data, before: Readonly<Data>) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * The part every store shares: changes run one at a time, in the order they came, on a draft
 * (Immer), and a new state becomes current only after `persist` succeeded. A change that throws,
 * or a save that fails, leaves the current state exactly as it was. Drafts share everything a
 * change did not touch, so a change costs what it touches, not the size of ten years of data,
 * and committed states are frozen: a state once read never changes under its reader.
 *
 * Changes that arrive while a save is under way are saved together by the next one (group
 * commit): with a save costing a disk flush, fifteen coordinators answering at once, or the
 * outcomes of an agenda's sends, wait for one flush each instead of for a queue of them. Each
 * change still resolves only once it is saved, and `read` returns only saved states.
 */
export function transactionalStore(initial: Data, persist: Persist, release: () => Promise<void> = async () => undefined): Store {
  let current: Data = freeze(initial, true);
  let waiting: Waiting[] = [];
  let saving: Promise<void> | undefined;
  let closed = false;

  /** Runs every waiting change on the current state and saves what they changed in one go. */
  const saveBatch = async () => {
    const batch = waiting;
    waiting = [];
    let state = current;
    const changes: Patch[][] = [];
    // Changes whose result depends on a change of this batch: they stand or fall with the save.
    const saved: { waiting: Waiting; result: unknown }[] = [];
    for (const one of batch) {
      let result: unknown;
      let patches: Patch[] = [];
      let next: Data;
      try {
        const draft = createDraft(state);
        // What the change returns may hold parts of the draft, which end with it; callers get copies.
        result = detach(one.change(draft, state));
        next = finishDraft(draft, (made) => (patches = made)) as Data;
      } catch (error) {
        one.reject(error);
        continue;
      }
      if (patches.length > 0) {
        state = next;
        changes.push(patches);
      }
      if (changes.length === 0) one.resolve(result);
      else saved.push({ waiting: one, result });
    }
    if (changes.length === 0) return;
    try {
      await persist(state, changes);
    } catch (error) {
      const failure = new DomainError(ErrorCode.StoreWriteFailed, `Could not save: ${(error as Error).message}`);
      for (const { waiting: one } of saved) one.reject(failure);
      return;
    }
    current = state;
    for (const { waiting: one, result } of saved) one.resolve(result);
  };

  const drain = async () => {
    try {
      while (waiting.length > 0) await saveBatch();
    } finally {
      saving = undefined;
    }
  };

  const update = <T>(change: (draft: Data, before: Readonly<Data>) => T): Promise<T> => {
    if (closed) return Promise.reject(new Error('The store is closed'));
    return new Promise<T>((resolve, reject) => {
      waiting.push({ change, resolve: resolve as (value: unknown) => void, reject });
      // The first change starts a save; those that come while it runs join the next.
      saving ??= Promise.resolve().then(drain);
    });
  };

  return {
    read: () => current,
    update,
    async close() {
      if (closed) return;
      closed = true;
      await saving;
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
