import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export class DatabaseInUseError extends Error {}

/**
 * Embedded PGlite may be opened by one process at a time; two would corrupt it. The lock file holds
 * the owner's pid, so a lock left by a crashed process is taken over, and a live owner is named.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "..", "plugboard.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify({ pid: process.pid, purpose }));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readOwner(path);
      if (owner && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DatabaseInUseError(
          `The embedded database in ${dataDir} is in use by another process (${owner.purpose}, pid ${owner.pid}). ` +
            "Embedded PGlite can be opened by one process at a time: stop that process first, " +
            "or run Plugboard on PostgreSQL (DATABASE_URL=postgres://…) to share the database.",
        );
      }
      rmSync(path, { force: true }); // stale: its owner is gone
    }
  }
  throw new DatabaseInUseError(`could not lock ${dataDir}`);
}

function readOwner(path: string): { pid: number; purpose: string } | null {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
