import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { DocumentResult, DocumentStatus, Severity } from '../model/index.ts';
import { writeFilesAtomic } from '../report/atomic-write.ts';
import { figuresCsv, findingsCsv, reportsCsv } from '../report/csv.ts';
import { reportHtml } from '../report/html.ts';
import { resultsJson } from '../report/json.ts';
import { applyReview, type Review } from './baseline.ts';
import { ResultCache } from './cache.ts';
import { ocrCacheKey, OCR_NOTE, type OcrOptions } from '../ingest/ocr.ts';
import { memoryLimitResult, timeLimitResult, unreadableFileResult, workerCrashResult } from './failures.ts';
import { WorkerPool, type JobOutcome } from './pool.ts';
import type { BatchEvent, BatchStats } from './progress.ts';
import { listInputs, READABLE_EXTENSIONS, type InputFile } from './walk.ts';
import type { CheckConfig } from '../check/index.ts';

export const DEFAULT_TIMEOUT_SECONDS = 120;
export const DEFAULT_MAX_MEMORY_MB = 1024;

export interface BatchOptions {
  inputs: string[];
  outDir: string;
  /** Worker threads; defaults to the number of cores. */
  jobs?: number;
  /** Per-file time limit. */
  timeoutSeconds?: number;
  /** Per-worker V8 heap limit. */
  maxMemoryMb?: number;
  /** false = `--no-cache`: the cache is neither read nor written. */
  cache?: boolean;
  /** `--ocr` and `--ocr-max-pages`: OCR of scanned PDF pages, `auto` by default. */
  ocr?: Partial<Omit<OcrOptions, 'deadline'>>;
  /** `solieu.config.json` / `--rule`: which checks run and how severe their findings are. */
  checks?: CheckConfig;
  /** `--baseline`: findings it dismissed leave findings.csv, the counts and the page (kept in results.json). */
  baseline?: Review;
  /** Aborting stops the workers and writes nothing: runBatch rejects with BatchInterruptedError. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}

export interface BatchSummary {
  documents: DocumentResult[];
  bySeverity: Record<Severity, number>;
  stats: BatchStats;
}

export class BatchInterruptedError extends Error {
  override readonly name = 'BatchInterruptedError';
}

/** Main-thread file reads (hashing for the cache) at once: enough to hide latency, few enough to not thrash a disk. */
const READ_CONCURRENCY = 8;

interface PendingParse {
  index: number;
  input: InputFile;
  /** Known when the cache was consulted; otherwise computed only if a failure row needs a fingerprint. */
  sha256?: string;
}

/**
 * Runs every input through the pipeline on a pool of worker threads and writes every output file
 * atomically. Output order is the input order from listInputs, whatever the number of workers; a
 * file that fails, times out or kills its worker becomes a `failed` row and the batch goes on.
 */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const startedAt = Date.now();
  const emit = options.onEvent ?? (() => {});
  const signal = options.signal;
  const interrupted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new BatchInterruptedError('interrupted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  interrupted.catch(() => {});
  const untilInterrupted = <T>(work: Promise<T>): Promise<T> => (signal ? Promise.race([work, interrupted]) : work);

  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  // Everything that changes a file's result is part of the cache key: OCR settings and check configuration.
  const readingKey = `${ocrCacheKey(options.ocr)}|checks:${checkConfigKey(options.checks)}`;
  const cache = options.cache === false ? undefined : await ResultCache.open(options.outDir, readingKey);

  const inputs = await untilInterrupted(listInputs(options.inputs, options.outDir));
  emit({ type: 'listed', total: inputs.length });
  const results: DocumentResult[] = new Array(inputs.length);
  let cacheHits = 0;
  const finish = (index: number, result: DocumentResult, fromCache: boolean) => {
    results[index] = result;
    emit({ type: 'file-done', result, fromCache });
  };

  // Phase 1, main thread: skip what cannot be read and serve what the cache already knows.
  const pending: PendingParse[] = [];
  const readLimit = pLimit(READ_CONCURRENCY);
  await untilInterrupted(
    Promise.all(
      inputs.map((input, index) =>
        readLimit(async () => {
          if (signal?.aborted) return;
          if (!READABLE_EXTENSIONS.has(input.extension)) {
            finish(index, { file: input.displayPath, status: 'skipped', metadata: {}, figures: [], findings: [] }, false);
            return;
          }
          if (!cache) {
            pending.push({ index, input });
            return;
          }
          let sha256: string;
          try {
            sha256 = await sha256OfFile(input.absolutePath);
          } catch (error) {
            finish(index, unreadableFileResult(input.displayPath, errorCodeOf(error)), false);
            return;
          }
          const cached = await cache.get(sha256, input.extension, input.displayPath);
          if (cached) {
            cacheHits++;
            finish(index, cached, true);
          } else pending.push({ index, input, sha256 });
        }),
      ),
    ),
  );
  pending.sort((a, b) => a.index - b.index);

  // Phase 2, worker threads: parse the rest.
  const workers = Math.min(options.jobs ?? availableParallelism(), pending.length);
  emit({ type: 'parsing', toParse: pending.length, workers });
  let pages = 0;
  if (pending.length > 0) {
    const pool = new WorkerPool({
      size: workers,
      timeoutMs: timeoutSeconds * 1000,
      maxOldGenerationSizeMb: maxMemoryMb,
      ...(options.ocr ? { ingest: { ocr: options.ocr } } : {}),
      ...(options.checks ? { checks: options.checks } : {}),
      forwardWorkerOutput: process.env.SOLIEU_DEBUG === '1',
    });
    try {
      await untilInterrupted(
        Promise.all(
          pending.map(async (item) => {
            const outcome = await pool.run({ absolutePath: item.input.absolutePath, displayPath: item.input.displayPath });
            const result = await resultOf(outcome, item);
            if (outcome.kind === 'result') {
              pages += result.source?.pages ?? 0;
              // Only what the pipeline decided is cached: a time-out or a crash depends on the limits and the machine.
              // Pages OCR left for lack of time depend on the machine and --timeout too.
              if (cache && !stoppedByOcrTimeLimit(result)) await cache.put(outcome.sha256, item.input.extension, result).catch(() => {});
            } else if (outcome.kind === 'crash') {
              emit({ type: 'incident', file: item.input.displayPath, detail: outcome.detail });
            }
            finish(item.index, result, false);
          }),
        ),
      );
    } finally {
      await pool.destroy();
    }
  }

  if (signal?.aborted) throw new BatchInterruptedError('interrupted');
  const documents = options.baseline ? applyReview(results, options.baseline) : results;
  const generatedAt = new Date();
  const out = (name: string) => join(options.outDir, name);
  try {
    await writeFilesAtomic(
      [
        { path: out('figures.csv'), content: figuresCsv(documents) },
        { path: out('findings.csv'), content: findingsCsv(documents) },
        { path: out('reports.csv'), content: reportsCsv(documents) },
        { path: out('results.json'), content: resultsJson(documents, generatedAt) },
        {
          path: out('report.html'),
          content: reportHtml(documents, generatedAt, { sourcePaths: inputs.map((input) => input.absolutePath), review: options.baseline }),
        },
      ],
      signal,
    );
  } catch (error) {
    if (signal?.aborted) throw new BatchInterruptedError('interrupted', { cause: error });
    throw error;
  }
  if (cache) await cache.pruneOtherVersions().catch(() => {});

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byStatus: Record<DocumentStatus, number> = { ok: 0, 'needs-ocr': 0, failed: 0, skipped: 0 };
  for (const document of documents) {
    byStatus[document.status]++;
    for (const finding of document.findings) bySeverity[finding.severity]++;
  }
  const stats: BatchStats = {
    files: results.length,
    byStatus,
    bySeverity,
    cacheHits,
    parsed: pending.length,
    pages,
    elapsedMs: Date.now() - startedAt,
    workers,
  };
  return { documents, bySeverity, stats };

  async function resultOf(outcome: JobOutcome, item: PendingParse): Promise<DocumentResult> {
    const file = item.input.displayPath;
    switch (outcome.kind) {
      case 'result':
        return outcome.result;
      case 'unreadable':
        return unreadableFileResult(file, outcome.errorCode);
      case 'timeout':
        return timeLimitResult(file, timeoutSeconds);
      case 'out-of-memory':
        return memoryLimitResult(file, maxMemoryMb);
      case 'crash':
        return workerCrashResult(file);
    }
  }
}


async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function stoppedByOcrTimeLimit(result: DocumentResult): boolean {
  return result.findings.some((finding) => finding.discriminator === OCR_NOTE.timeLimit);
}

function errorCodeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

/** The check configuration as a stable string: the configured settings, sorted by check id. */
function checkConfigKey(config: CheckConfig | undefined): string {
  return Object.entries(config?.rules ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, setting]) => `${id}=${setting}`)
    .join(',');
}
