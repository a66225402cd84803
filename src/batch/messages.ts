import type { DocumentResult } from '../model/index.ts';
import type { StageTimings } from '../pipeline/index.ts';

/** What the main thread and a pool worker say to each other (structured-clone safe). */
export interface ToWorker {
  jobId: number;
  /** The path to open: text, or its bytes when a name in it is not UTF-8 (src/batch/walk.ts). */
  fsPath: string | Uint8Array;
  displayPath: string;
}

export type FromWorker =
  | { type: 'ready' }
  /** `sha256` is of the bytes the worker parsed: the cache key must match what was really read. */
  | { type: 'result'; jobId: number; result: DocumentResult; sha256: string; timings: StageTimings }
  | { type: 'unreadable'; jobId: number; errorCode: string }
  /** What was opened turned out to be a FIFO, socket or device: never read. */
  | { type: 'not-regular'; jobId: number; what: 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other' };
