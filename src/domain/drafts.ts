/**
 * The record with this id in a list of a change's draft, found by searching the same list in
 * `before`, the frozen state the draft started from (see `Store.update`); in the draft itself if
 * the change has moved the record. A search of the draft makes a copy-on-write proxy of every
 * element it passes, which over thousands of records costs more than the change.
 */
export function byId<T extends { id: string }>(draft: T[], before: readonly T[], id: string): T | undefined {
  const index = before.findIndex((record) => record.id === id);
  const atIndex = index === -1 ? undefined : draft[index];
  return atIndex?.id === id ? atIndex : draft.find((record) => record.id === id);
}
