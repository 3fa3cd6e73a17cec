import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Tests that start the real process run what `npm start` runs; build it once, before any test.
 * Everything the tests put in temporary folders (data files, Chromium profiles, Playground
 * folders) goes under one folder for the run, which is removed when the run ends: the workers,
 * and the browsers and processes they start with this environment, take it from TMPDIR.
 */
export default function setup(): () => void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [path.join(root, 'scripts/bundle.mjs')], { cwd: root, stdio: 'inherit' });
  const scratch = mkdtempSync(path.join(tmpdir(), 'politirad-test-'));
  // The read-only-disk test runs the bot as another user in a folder under this one.
  chmodSync(scratch, 0o755);
  process.env.TMPDIR = scratch;
  return () => rmSync(scratch, { recursive: true, force: true });
}
