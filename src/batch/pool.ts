import { Worker } from 'node:worker_threads';
import type { DocumentResult } from '../model/index.ts';
import type { IngestOptions } from '../ingest/index.ts';
import type { StageTimings } from '../pipeline/index.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import type { CheckConfig } from '../check/index.ts';

export interface PoolOptions {
  /** Upper bound on worker threads; fewer are started when there are fewer files. */
  size: number;
  /** Per file, counted from the moment a ready worker receives it (worker start-up is not charged). */
  timeoutMs: number;
  /** V8 old-generation heap of each worker (Worker resourceLimits). */
  maxOldGenerationSizeMb: number;
  /** How every file of the batch is read (OCR mode and page cap); the same for every job. */
  ingest?: IngestOptions;
  /** Check severities and switches; the same for every job. */
  checks?: CheckConfig;
  /** Worker stdout/stderr (pdf.js warnings) is dropped unless this is set: stdout belongs to the caller. */
  forwardWorkerOutput?: boolean;
}

export interface PoolJob {
  fsPath: string | Uint8Array;
  displayPath: string;
}

export type JobOutcome =
  | { kind: 'result'; result: DocumentResult; sha256: string; timings: StageTimings }
  | { kind: 'unreadable'; errorCode: string }
  | { kind: 'not-regular'; what: 'fifo' | 'socket' | 'character-device' | 'block-device' | 'other' }
  | { kind: 'timeout' }
  | { kind: 'out-of-memory' }
  | { kind: 'crash'; detail: string };

/** The pool itself cannot work (a worker died before it was ready): every file would fail the same way. */
export class PoolStartupError extends Error {
  override readonly name = 'PoolStartupError';
}

export class PoolDestroyedError extends Error {
  override readonly name = 'PoolDestroyedError';
}

interface QueuedJob {
  jobId: number;
  job: PoolJob;
  settle: (outcome: JobOutcome) => void;
  fail: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy' | 'gone';
  current?: QueuedJob;
  timer?: NodeJS.Timeout;
}

/** setTimeout fires at once for longer delays (2^31 - 1 ms is about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Defined as `true` by bin/build.mjs when this code runs from the bundle. */
declare const SOLIEU_BUILT: boolean | undefined;

/**
 * From the bundle, the worker is the bundled worker.mjs beside this code and runs natively. From the
 * TypeScript sources (tests, SOLIEU_FROM_SOURCE=1), worker-entry.mjs loads pdf.js, then registers tsx
 * and imports worker.ts.
 */
const WORKER_ENTRY = typeof SOLIEU_BUILT !== 'undefined' ? new URL('./worker.mjs', import.meta.url) : new URL('./worker-entry.mjs', import.meta.url);
const WORKER_MODULE = new URL('./worker.ts', import.meta.url).href;

/**
 * A fixed-size pool of worker threads running the pipeline. pdf.js parses on the thread that calls
 * it, so threads are the only way to use more than one core. A worker that overruns the time limit is
 * terminated; one that runs out of heap or crashes is lost; either way the file gets an outcome that
 * says so and a fresh worker takes the next file, so one hostile file never stops the batch.
 */
export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: QueuedJob[] = [];
  private nextJobId = 0;
  private destroyed = false;
  private startupFailure?: Error;

  constructor(private readonly options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a positive integer, got ${options.size}`);
  }

  run(job: PoolJob): Promise<JobOutcome> {
    if (this.destroyed) return Promise.reject(new PoolDestroyedError('pool destroyed'));
    if (this.startupFailure) return Promise.reject(this.startupFailure);
    return new Promise<JobOutcome>((settle, fail) => {
      this.queue.push({ jobId: this.nextJobId++, job, settle, fail });
      this.pump();
    });
  }

  /** Terminates every worker; jobs still queued or running are rejected with PoolDestroyedError. */
  destroy(): Promise<void> {
    return this.shutdown(new PoolDestroyedError('pool destroyed'));
  }

  private async shutdown(error: Error): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const queued of this.queue.splice(0)) queued.fail(error);
    const terminations: Array<Promise<number>> = [];
    for (const slot of this.slots) {
      clearTimeout(slot.timer);
      slot.current?.fail(error);
      slot.current = undefined;
      slot.state = 'gone';
      terminations.push(slot.worker.terminate());
    }
    this.slots.clear();
    await Promise.allSettled(terminations);
  }

  private pump(): void {
    if (this.destroyed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.state === 'idle') this.dispatch(slot, this.queue.shift()!);
    }
    // Start only as many workers as there is work waiting for: a worker costs a second of start-up.
    const starting = [...this.slots].filter((slot) => slot.state === 'starting').length;
    let wanted = Math.min(this.queue.length - starting, this.options.size - this.slots.size);
    while (wanted-- > 0) this.spawn();
  }

  private spawn(): void {
    const worker = new Worker(WORKER_ENTRY, {
      // The worker derives its OCR deadline from the time limit, so that a long scan stops at a page
      // boundary with what it has read instead of being killed with nothing.
      workerData: { workerModule: WORKER_MODULE, ingest: this.options.ingest ?? {}, checks: this.options.checks, timeoutMs: this.options.timeoutMs },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb },
      stdout: !this.options.forwardWorkerOutput,
      stderr: !this.options.forwardWorkerOutput,
    });
    if (!this.options.forwardWorkerOutput) {
      worker.stdout.resume();
      worker.stderr.resume();
    }
    const slot: Slot = { worker, state: 'starting' };
    this.slots.add(slot);

    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.state === 'gone') return;
      if (slot.state === 'starting') {
        this.onStartupFailure(slot, error);
        return;
      }
      const outcome: JobOutcome =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'out-of-memory' } : { kind: 'crash', detail: `${error.name}: ${error.message}` };
      this.retire(slot, outcome);
    });
    worker.on('exit', (exitCode) => {
      if (slot.state === 'gone') return;
      if (slot.state === 'starting') {
        this.onStartupFailure(slot, new Error(`worker exited with code ${exitCode} before it was ready`));
        return;
      }
      this.retire(slot, { kind: 'crash', detail: `worker exited with code ${exitCode}` });
    });
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.state === 'gone') return;
    if (message.type === 'ready') {
      slot.state = 'idle';
      this.pump();
      return;
    }
    const current = slot.current;
    if (!current || current.jobId !== message.jobId) return;
    clearTimeout(slot.timer);
    slot.current = undefined;
    slot.state = 'idle';
    current.settle(
      message.type === 'result'
        ? { kind: 'result', result: message.result, sha256: message.sha256, timings: message.timings }
        : message.type === 'not-regular'
          ? { kind: 'not-regular', what: message.what }
          : { kind: 'unreadable', errorCode: message.errorCode },
    );
    this.pump();
  }

  private dispatch(slot: Slot, queued: QueuedJob): void {
    slot.state = 'busy';
    slot.current = queued;
    const message: ToWorker = { jobId: queued.jobId, ...queued.job };
    slot.worker.postMessage(message);
    slot.timer = setTimeout(() => {
      // terminate() interrupts even a synchronous loop inside pdf.js; the outcome does not wait for it.
      void slot.worker.terminate();
      this.retire(slot, { kind: 'timeout' });
    }, Math.min(this.options.timeoutMs, MAX_TIMER_MS));
  }

  /** The worker is unusable (timed out, out of heap, crashed): settle its file and let a fresh one take over. */
  private retire(slot: Slot, outcome: JobOutcome): void {
    clearTimeout(slot.timer);
    const current = slot.current;
    slot.current = undefined;
    slot.state = 'gone';
    this.slots.delete(slot);
    void slot.worker.terminate();
    current?.settle(outcome);
    this.pump();
  }

  private onStartupFailure(slot: Slot, error: Error): void {
    slot.state = 'gone';
    this.slots.delete(slot);
    this.startupFailure = new PoolStartupError(`a worker thread could not start: ${error.message}`, { cause: error });
    void this.shutdown(this.startupFailure);
  }
}
