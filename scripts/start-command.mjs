import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * How `npm start` runs the bot (Node's flags and the script), read from package.json, so that
 * `npm run dev`, the tests that start the process and the benchmarks run it exactly so.
 */
export function startCommand(root) {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const words = scripts.start.split('&&').at(-1).trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`npm start should end with "node … script": ${scripts.start}`);
  return { nodeFlags: words.slice(1, -1), script: words.at(-1) };
}
