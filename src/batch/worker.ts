import { createHash } from 'node:crypto';
import { fileTooLarge } from '../ingest/limits.ts';
import { findingFromIngestError } from '../pipeline/ingest-findings.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { resolveLimits, sha256Hex, type IngestOptions } from '../ingest/index.ts';
import type { CheckConfig } from '../check/index.ts';
import { processBytes } from '../pipeline/index.ts';
import type { FromWorker, ToWorker } from './messages.ts';
import { NotRegularFileError, openRegularFile } from './open-regular.ts';
import { openablePath } from './walk.ts';

/**
 * One pool worker: parses one file at a time. It reads the bytes itself, so the main thread only
 * sends a path and never holds hundreds of PDFs in memory at once.
 */
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

const testHooksEnabled = process.env.SOLIEU_TEST_HOOKS === '1';

const { ingest = {}, checks, timeoutMs } = (workerData ?? {}) as { ingest?: IngestOptions; checks?: CheckConfig; timeoutMs?: number };

/**
 * OCR stops starting pages this long before the pool's time limit, leaving time to lay out and check
 * what was read; the pages left are reported as not read for lack of time.
 */
function ocrDeadline(receivedAt: number): number | undefined {
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs)) return undefined;
  return receivedAt + timeoutMs - Math.max(2_000, 0.15 * timeoutMs);
}

port.on('message', (message: ToWorker) => {
  void handle(message).then((reply) => port.postMessage(reply));
});
port.postMessage({ type: 'ready' } satisfies FromWorker);

async function handle(message: ToWorker): Promise<FromWorker> {
  const receivedAt = Date.now();
  let bytes: Uint8Array;
  let opened;
  try {
    // Only a regular file is read (a FIFO or a device met here was swapped in after the walk looked).
    opened = await openRegularFile(openablePath(message.fsPath));
  } catch (error) {
    if (error instanceof NotRegularFileError) return { type: 'not-regular', jobId: message.jobId, what: error.what };
    return { type: 'unreadable', jobId: message.jobId, errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  }
  const { handle, size } = opened;
  try {
    // A 5 GB file renamed .pdf must never be read into memory: its size alone decides.
    const limits = resolveLimits(ingest.limits);
    if (size > limits.maxFileMb * 1024 * 1024) {
      const hash = createHash('sha256');
      for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
      const finding = findingFromIngestError(fileTooLarge(size, limits), message.displayPath);
      const result = { file: message.displayPath, status: 'failed' as const, metadata: {}, figures: [], findings: [finding] };
      const timings = { ingestMs: Date.now() - receivedAt, normalizeMs: 0, extractMs: 0, checkMs: 0 };
      return { type: 'result', jobId: message.jobId, result, sha256: hash.digest('hex'), timings };
    }
    const buffer = await handle.readFile();
    // A plain Uint8Array view, not the Buffer subclass: pdf.js refuses Buffers.
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    return { type: 'unreadable', jobId: message.jobId, errorCode: (error as NodeJS.ErrnoException).code ?? 'EIO' };
  } finally {
    await handle.close().catch(() => {});
  }
  // Hashed before parsing: a parser may take ownership of (detach) the buffer.
  const sha256 = sha256Hex(bytes);
  if (testHooksEnabled) await runTestHook(bytes);
  const deadline = ocrDeadline(receivedAt);
  const { result, timings } = await processBytes(bytes, message.displayPath, {
    ...ingest,
    // Read for this call only: pdf.js takes the bytes over instead of a copy (a 100 MB file is 100 MB less).
    transferBytes: true,
    ocr: { ...ingest.ocr, ...(deadline !== undefined ? { deadline } : {}) },
    ...(checks ? { checks } : {}),
  });
  return { type: 'result', jobId: message.jobId, result, sha256, timings };
}

/**
 * The batch tests need a file that hangs, eats memory or kills its worker, and no real report does
 * that on demand. Only with SOLIEU_TEST_HOOKS=1 in the environment, a file whose first line is
 * `SOLIEU-TEST-HOOK: <action>` misbehaves the way a hostile PDF would.
 */
async function runTestHook(bytes: Uint8Array): Promise<void> {
  const firstLine = Buffer.from(bytes.subarray(0, 64)).toString('latin1').split(/\r?\n/, 1)[0] ?? '';
  const action = /^SOLIEU-TEST-HOOK: ([a-z-]+)/.exec(firstLine)?.[1];
  switch (action) {
    case 'hang':
      // Synchronous, like a parser stuck in a loop: no event-loop turn ever comes back.
      for (;;);
    case 'allocate': {
      const hoard: unknown[] = [];
      for (;;) hoard.push(new Array(100_000).fill({ hoard: hoard.length }));
    }
    case 'crash':
      await new Promise<never>(() => {
        setImmediate(() => {
          throw new Error('test hook: uncaught exception in the worker');
        });
      });
      break;
    case 'exit':
      process.exit(3);
  }
}
