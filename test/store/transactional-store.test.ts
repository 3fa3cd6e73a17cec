import type { Patch } from 'immer';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/domain/errors.js';
import type { Data } from '../../src/domain/schema.js';
import { transactionalStore } from '../../src/store/transactional-store.js';
import { demoData } from '../helpers/builders.js';

/** A save that waits until the test lets it finish (or fail), and remembers what it was given. */
function heldSaves() {
  const saves: { changes: readonly (readonly Patch[])[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const persist = (_next: Readonly<Data>, changes: readonly (readonly Patch[])[]) =>
    new Promise<void>((resolve, reject) => saves.push({ changes, finish: resolve, fail: reject }));
  return { saves, persist };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));
const rename = (name: string) => (draft: Data) => {
  draft.council.shortName = name;
  return name;
};

describe('the transactional store', () => {
  it('saves the changes that came during a save together in the next one, in order, each resolving once saved', async () => {
    const { saves, persist } = heldSaves();
    const store = transactionalStore(demoData(), persist);
    const first = store.update(rename('A'));
    await settled();
    expect(saves).toHaveLength(1);
    const later = ['B', 'C', 'D'].map((name) => store.update(rename(name)));
    const resolved: string[] = [];
    for (const p of [first, ...later]) void p.then((name) => resolved.push(name));
    await settled();
    // Nothing is current or resolved before it is saved, and the later three wait for the first save.
    expect(saves).toHaveLength(1);
    expect(store.read().council.shortName).not.toBe('A');
    expect(resolved).toEqual([]);
    saves[0]!.finish();
    await settled();
    expect(resolved).toEqual(['A']);
    expect(store.read().council.shortName).toBe('A');
    expect(saves).toHaveLength(2);
    expect(saves[1]!.changes.map((patches) => patches.map((p) => p.value))).toEqual([['B'], ['C'], ['D']]);
    expect(resolved).toEqual(['A']);
    saves[1]!.finish();
    await Promise.all(later);
    expect(resolved).toEqual(['A', 'B', 'C', 'D']);
    expect(store.read().council.shortName).toBe('D');
  });

  it('runs each change of a batch on the one before it, and hands it the state before it', async () => {
    const { saves, persist } = heldSaves();
    const store = transactionalStore(demoData(), persist);
    void store.update(rename('A'));
    await settled();
    const seen = [
      store.update((draft, before) => {
        draft.council.shortName += '+1';
        return before.council.shortName;
      }),
      store.update((draft, before) => {
        draft.council.shortName += '+2';
        return before.council.shortName;
      }),
    ];
    saves[0]!.finish();
    await settled();
    saves[1]!.finish();
    expect(await Promise.all(seen)).toEqual(['A', 'A+1']);
    expect(store.read().council.shortName).toBe('A+1+2');
  });

  it('refuses every change of a batch whose save failed, keeps the saved state, and saves the next batch', async () => {
    const { saves, persist } = heldSaves();
    const store = transactionalStore(demoData(), persist);
    const before = store.read();
    const batch = [store.update(rename('A')), store.update(rename('B')), store.update((draft) => draft.council.shortName)];
    await settled();
    saves[0]!.fail(new Error('EROFS: read-only file system'));
    for (const outcome of await Promise.allSettled(batch)) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: ErrorCode.StoreWriteFailed } });
    }
    expect(store.read()).toBe(before);
    const next = store.update(rename('C'));
    await settled();
    expect(saves[1]!.changes).toHaveLength(1);
    saves[1]!.finish();
    expect(await next).toBe('C');
    expect(store.read().council.shortName).toBe('C');
  });

  it('leaves out a change that throws, without touching the others of its batch', async () => {
    const { saves, persist } = heldSaves();
    const store = transactionalStore(demoData(), persist);
    const results = [
      store.update(rename('A')),
      store.update((draft) => {
        draft.council.shortName = 'half done';
        throw new Error('refused');
      }),
      store.update(rename('B')),
    ];
    const outcomes = Promise.allSettled(results);
    await settled();
    expect(saves[0]!.changes).toHaveLength(2);
    saves[0]!.finish();
    expect((await outcomes).map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.read().council.shortName).toBe('B');
  });

  it('answers a change that changes nothing at once when it saw only saved data, and saves nothing for it', async () => {
    const { saves, persist } = heldSaves();
    const store = transactionalStore(demoData(), persist);
    expect(await store.update((draft) => draft.members.length)).toBe(16);
    expect(saves).toHaveLength(0);
  });
});
