import { setImmediate as nextTurn } from 'node:timers/promises';

/** About this much text is made between two looks at the event loop. */
const STEP_CHARS = 128 * 1024;

/**
 * `JSON.stringify(value, null, 2)`, the same text, made a slice at a time: the members of the
 * top-level object one by one, and long arrays among them element by element, giving the event
 * loop a turn after each slice of about 128 kB. Ten years of council data take some 40 ms to
 * stringify in one go, long enough to hold up users' turns and bunch proactive sends past Teams'
 * limits; in steps no pause is longer than a few milliseconds. Written out slice by slice, the
 * whole text is never held at once either (some 7 MB, twice that as UTF-16, and again as bytes).
 *
 * The value must not change meanwhile: the store's committed states are frozen.
 */
export async function* jsonSlices(value: unknown): AsyncGenerator<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value, null, 2);
    return;
  }
  let parts: string[] = [];
  let size = 0;
  const add = (text: string) => {
    parts.push(text);
    size += text.length;
  };
  const full = () => size >= STEP_CHARS;
  const slice = () => {
    const text = parts.join('');
    parts = [];
    size = 0;
    return text;
  };
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    // As JSON.stringify: members that have no JSON form are left out.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    add(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    first = false;
    if (Array.isArray(member) && member.length > 0) {
      for (let i = 0; i < member.length; i++) {
        // An element with no JSON form is null in an array, as JSON.stringify writes it.
        const element = JSON.stringify(member[i], null, 2) ?? 'null';
        add(`${i === 0 ? '[\n' : ',\n'}    ${indent(element, '    ')}`);
        if (full()) {
          yield slice();
          await nextTurn();
        }
      }
      add('\n  ]');
    } else {
      add(indent(JSON.stringify(member, null, 2), '  '));
    }
    if (full()) {
      yield slice();
      await nextTurn();
    }
  }
  add(first ? '{}' : '\n}');
  yield slice();
}

/** Lines after the first move right; inside JSON strings a line break is escaped, so only layout moves. */
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
