import { setImmediate as nextTurn } from 'node:timers/promises';

/** About this much text is made between two looks at the event loop. */
const STEP_CHARS = 128 * 1024;

/**
 * `JSON.stringify(value, null, 2)`, the same text, made a slice at a time: the members of the
 * top-level object one by one, and long arrays among them element by element, giving the event
 * loop a turn after each slice. Ten years of council data take some 40 ms to stringify in one
 * go, long enough to hold up users' turns and bunch proactive sends past Teams' limits; in steps
 * no pause is longer than a few milliseconds.
 *
 * The value must not change meanwhile: the store's committed states are frozen.
 */
export async function stringifyInSteps(value: unknown): Promise<string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.stringify(value, null, 2);
  }
  const parts: string[] = [];
  let sinceTurn = 0;
  const add = async (text: string) => {
    parts.push(text);
    sinceTurn += text.length;
    if (sinceTurn >= STEP_CHARS) {
      sinceTurn = 0;
      await nextTurn();
    }
  };
  let first = true;
  for (const [key, member] of Object.entries(value)) {
    // As JSON.stringify: members that have no JSON form are left out.
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    await add(`${first ? '{\n' : ',\n'}  ${JSON.stringify(key)}: `);
    first = false;
    if (Array.isArray(member) && member.length > 0) {
      for (let i = 0; i < member.length; i++) {
        // An element with no JSON form is null in an array, as JSON.stringify writes it.
        const element = JSON.stringify(member[i], null, 2) ?? 'null';
        await add(`${i === 0 ? '[\n' : ',\n'}    ${indent(element, '    ')}`);
      }
      await add('\n  ]');
    } else {
      await add(indent(JSON.stringify(member, null, 2), '  '));
    }
  }
  parts.push(first ? '{}' : '\n}');
  return parts.join('');
}

/** Lines after the first move right; inside JSON strings a line break is escaped, so only layout moves. */
const indent = (text: string, by: string) => text.replace(/\n/g, `\n${by}`);
