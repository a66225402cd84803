import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { InputKind } from './walk.ts';

/**
 * Opens a path only if it is a regular file. O_NONBLOCK makes opening a FIFO return at once instead of
 * waiting for a writer (which would hold a thread of libuv's pool, and the process, forever); fstat on
 * what was opened then tells a file from a FIFO, socket or device, whatever the walk saw a moment before.
 */
export class NotRegularFileError extends Error {
  override readonly name = 'NotRegularFileError';
  constructor(readonly what: Extract<InputKind, { type: 'special' }>['what']) {
    super(`not a regular file (${what})`);
  }
}

export async function openRegularFile(path: string | Buffer): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let info: Stats;
  try {
    info = await handle.stat();
  } catch (error) {
    await handle.close();
    throw error;
  }
  if (!info.isFile()) {
    await handle.close();
    throw new NotRegularFileError(info.isFIFO() ? 'fifo' : info.isSocket() ? 'socket' : info.isCharacterDevice() ? 'character-device' : info.isBlockDevice() ? 'block-device' : 'other');
  }
  return { handle, size: info.size };
}
