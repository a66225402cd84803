/**
 * One run per output folder. Two runs writing the same CSVs would each rename its own over the
 * other's, leaving a mix nobody asked for; the second run is refused, naming the first.
 *
 * The lock is a file created with `wx` (fails if it exists) holding the owner's pid, host and start
 * time. A lock whose pid is no longer alive on this host is stale (a run killed with -9, a power
 * cut) and is taken over.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

export const LOCK_FILE_NAME = '.solieu.lock';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export class OutputLockedError extends Error {
  override readonly name = 'OutputLockedError';
  constructor(
    readonly outDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `thư mục kết quả "${outDir}" đang được một lần chạy khác sử dụng (tiến trình ${owner.pid} trên máy ${owner.host}, bắt đầu lúc ${owner.startedAt}); ` +
        `hãy đợi lần chạy đó xong rồi chạy lại, hoặc chọn --out khác. Nếu chắc chắn không còn lần chạy nào, xóa tệp ${join(outDir, LOCK_FILE_NAME)}.`,
    );
  }
}

export interface OutputLock {
  release(): Promise<void>;
}

/** Takes the folder's lock or throws OutputLockedError; the folder must exist. */
export async function lockOutputDir(outDir: string): Promise<OutputLock> {
  const path = join(outDir, LOCK_FILE_NAME);
  const mine: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx' });
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // An empty file may be a lock whose owner has not finished writing it yet: look again shortly.
    const owner = (await readOwner(path)) ?? (await delay(200).then(() => readOwner(path)));
    if (owner && isAlive(owner)) throw new OutputLockedError(outDir, owner);
    // Stale or unreadable (a run killed while writing it): remove it and try again. If two runs
    // both find it stale, `wx` still lets only one of them create the new one.
    await rm(path, { force: true });
  }
  const owner = await readOwner(path);
  throw new OutputLockedError(outDir, owner ?? { pid: 0, host: '?', startedAt: '?' });
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    if (!parsed || typeof parsed !== 'object') return undefined;
    const { pid, host, startedAt } = parsed as Record<string, unknown>;
    if (typeof pid !== 'number' || typeof host !== 'string' || typeof startedAt !== 'string') return undefined;
    return { pid, host, startedAt };
  } catch {
    return undefined;
  }
}

function isAlive(owner: LockOwner): boolean {
  // A pid on another host (a shared network folder) cannot be checked: assume it is running.
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
