import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tenYearsOfData } from '../../bench/ten-years.js';
import { jsonSlices } from '../../src/store/json-in-steps.js';

async function slicesOf(value: unknown): Promise<string[]> {
  const slices: string[] = [];
  for await (const slice of jsonSlices(value)) slices.push(slice);
  return slices;
}
const stringifyInSteps = async (value: unknown) => (await slicesOf(value)).join('');

describe('the data file written in steps', () => {
  it('is the same text as JSON.stringify with two spaces, for any JSON object', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (value) => {
        expect(await stringifyInSteps(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('writes members and array elements without a JSON form as JSON.stringify does', async () => {
    const value = { a: undefined, b: [undefined, () => 1, 2], c: () => 3, d: [], e: {}, f: 'line\nbreak', g: new Date(0), h: [[1, [2]], { i: [] }] };
    expect(await stringifyInSteps(value)).toBe(JSON.stringify(value, null, 2));
    for (const other of [[1, 2], 'text', 3, null, {}]) expect(await stringifyInSteps(other)).toBe(JSON.stringify(other, null, 2));
  });

  it('is the same text for ten years of council data, and lets other work run while it is made', async () => {
    const data = tenYearsOfData({ serviceUrl: 'http://127.0.0.1:1/' });
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const text = await stringifyInSteps(data);
    clearInterval(ticking);
    expect(text).toBe(JSON.stringify(data, null, 2));
    // About 40 slices of 128 kB: the timer got many turns while the text was made.
    expect(turns).toBeGreaterThan(10);
  });

  it('comes in slices of about 128 kB, so the whole text is never needed at once', async () => {
    const data = tenYearsOfData({ serviceUrl: 'http://127.0.0.1:1/' });
    const slices = await slicesOf(data);
    expect(slices.join('')).toBe(JSON.stringify(data, null, 2));
    expect(slices.length).toBeGreaterThan(30);
    // A slice ends at the first element or member past 128 kB; none of these is near 64 kB.
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThan(192 * 1024);
  });
});
