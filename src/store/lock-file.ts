import { open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { StartupError } from '../startup-error.js';

/**
 * One process owns a data file. The lock holds the owner's pid; a lock whose process is gone
 * (a crash, SIGKILL) is taken over at once. A lock library that judges staleness by mtime
 * would refuse a restart for its whole stale interval after a crash, which is exactly when a
 * quick restart matters.
 */
export async function acquireLock(dataFile: string): Promise<() => Promise<void>> {
  const lockPath = `${dataFile}.lock`;
  const stamp = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(stamp);
      await handle.sync();
      await handle.close();
      return async () => {
        const current = await readFile(lockPath, 'utf8').catch(() => '');
        if (current === stamp) await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new StartupError([`Cannot create the lock file ${lockPath}: ${(error as Error).message}`]);
      }
      const owner = await readOwner(lockPath);
      if (owner && owner.host === hostname() && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new StartupError([
          `The data file ${dataFile} is in use by another process (pid ${owner.pid}).`,
          'Stop that process first; two processes on one data file would lose each other\'s changes.',
        ]);
      }
      if (owner && owner.host !== hostname()) {
        throw new StartupError([
          `The data file ${dataFile} is locked by host ${owner.host} (pid ${owner.pid}).`,
          `If that host is gone for good, delete ${lockPath} and start again.`,
        ]);
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new StartupError([`Could not take the lock ${lockPath}; another process is starting on the same data file.`]);
}

async function readOwner(lockPath: string): Promise<{ pid: number; host: string } | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as { pid?: unknown; host?: unknown };
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') return { pid: parsed.pid, host: parsed.host };
  } catch {
    // An empty or half-written lock comes from a process that died while taking it.
  }
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
