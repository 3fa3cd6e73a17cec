import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DurableJsonFile, writeDurably } from '../../src/store/durable-json-file.js';

describe('the durable data file', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'politirad-durable-'));
    file = path.join(dir, 'politirad.json');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is written slice by slice as the same text JSON.stringify makes, with a final line break', async () => {
    const data = { meetings: Array.from({ length: 3000 }, (_, i) => ({ id: `mote-${i}`, title: `Møte nr. ${i} – «Grünerløkka»` })), council: { name: 'Politirådet i Oslo' } };
    await new DurableJsonFile(file).write(data);
    expect(await readFile(file, 'utf8')).toBe(`${JSON.stringify(data, null, 2)}\n`);
    expect(await readdir(dir)).toEqual(['politirad.json']);
  });

  it('stays as it was, with no temp file left, when the text fails halfway', async () => {
    await writeFile(file, '{"saved": true}\n');
    async function* failing() {
      yield '{"half": ';
      throw new Error('the text could not be made');
    }
    await expect(writeDurably(file, failing())).rejects.toThrow('the text could not be made');
    expect(await readFile(file, 'utf8')).toBe('{"saved": true}\n');
    expect(await readdir(dir)).toEqual(['politirad.json']);
  });
});
