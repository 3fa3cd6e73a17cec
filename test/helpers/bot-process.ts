import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { startCommand } from '../../scripts/start-command.mjs';
import { PROJECT_ROOT } from '../../src/paths.js';

export interface BotProcess {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the port once the server listens; rejects if the process exits first. */
  ready: Promise<number>;
}

/** How `npm start` runs the bot: Node's flags and the bundled script. */
export const START = startCommand(PROJECT_ROOT);

/**
 * Runs the built bot as `npm start` does (the same Node flags and script), with its own
 * environment; or another server script under the same flags (the benchmark's echo bot).
 */
export function spawnBot(env: Record<string, string>, script = START.script, user: { uid?: number; gid?: number } = {}, nodeOptions: string[] = []): BotProcess {
  const child = spawn(process.execPath, [...START.nodeFlags, ...nodeOptions, path.join(PROJECT_ROOT, script)], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"port":(\d+)[^\n]*Listening/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    void exited.then((code) => reject(new Error(`bot exited with ${code} before listening: ${err}`)));
  });
  ready.catch(() => undefined);
  return { child, stdout: () => out, stderr: () => err, exited, ready };
}
