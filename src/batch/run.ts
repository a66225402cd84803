import { createHash } from 'node:crypto';
import { mkdir, stat, statfs } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import type { BatchFinding, DocumentResult, DocumentStatus, RollupRow, Severity } from '../model/index.ts';
import { StreamingOutputs } from '../report/stream.ts';
import { OUTPUT_NAMES, PublishError, recoverOutputs } from '../report/publish.ts';
import { lockOutputDir } from './lock.ts';
import { applyReview, type Review } from './baseline.ts';
import { ResultCache } from './cache.ts';
import { ocrCacheKey, OCR_NOTE, type OcrOptions } from '../ingest/ocr-options.ts';
import {
  memoryLimitResult,
  otherFileTypeResult,
  specialFileResult,
  timeLimitResult,
  unreadableFileResult,
  unreadableFolderResult,
  workerCrashResult,
} from './failures.ts';
import { NotRegularFileError, openRegularFile } from './open-regular.ts';
import { WorkerPool, type JobOutcome } from './pool.ts';
import { FAILED_FILES_NAMED, type BatchEvent, type BatchStats } from './progress.ts';
import { listInputs, openablePath, READABLE_EXTENSIONS, SNIFFED_EXTENSIONS, type InputFile } from './walk.ts';
import { CHECK_RULES, type CheckConfig } from '../check/index.ts';
import { BATCH_CHECK_RULES } from '../province/index.ts';
import { severityOf } from '../check/config.ts';
import { INGEST_RULES, type SarifRule } from '../report/sarif.ts';
import { RULE_LABELS } from '../report/html/page-data.ts';
import type { StageTimings } from '../pipeline/index.ts';
import { limitsCacheKey, type IngestLimits } from '../ingest/limits.ts';

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
  /** `--max-file-mb`, `--max-pages`, `--max-unzipped-mb`: what a file may be before it is refused. */
  limits?: Partial<IngestLimits>;
  /** `solieu.config.json` / `--rule`: which checks run and how severe their findings are. */
  checks?: CheckConfig;
  /** `--baseline`: findings it dismissed leave findings.csv, the counts and the page (kept in results.json). */
  baseline?: Review;
  /**
   * After the outputs are published, also write results.json (`json`) or a SARIF 2.1.0 log of the findings
   * (`sarif`) to `stream` — the command's `--format` and stdout.
   */
  print?: { format: 'json' | 'sarif'; stream: NodeJS.WritableStream };
  /** Aborting stops the workers and writes nothing: runBatch rejects with BatchInterruptedError. */
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
  /**
   * false: `documents` in the summary stays empty, so memory does not grow with the batch (the outputs are
   * streamed to disk either way). Defaults to true for callers that read the documents afterwards.
   */
  retainDocuments?: boolean;
}

/** Milliseconds summed over the files parsed in this run (cache hits cost nothing here), plus writing the outputs. */
export interface StageTotals extends StageTimings {
  reportMs: number;
}

export interface BatchSummary {
  documents: DocumentResult[];
  /** The findings across the batch's reports (results.json's `batchFindings`), counted in `bySeverity`. */
  batchFindings: BatchFinding[];
  /** rollup.csv's rows. */
  rollup: RollupRow[];
  bySeverity: Record<Severity, number>;
  stats: BatchStats & { stageMs: StageTotals };
}

export class BatchInterruptedError extends Error {
  override readonly name = 'BatchInterruptedError';
}

/** The outputs could not be written (a full disk, a folder gone): nothing was published, the previous set is intact. */
export class OutputWriteError extends Error {
  override readonly name = 'OutputWriteError';
  readonly code: string;
  constructor(outDir: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'EIO';
    super(
      code === 'ENOSPC'
        ? `ổ đĩa của thư mục kết quả "${outDir}" đã đầy khi đang ghi kết quả (ENOSPC); đã dừng ngay, không tệp kết quả nào bị thay và bộ kết quả cũ được giữ nguyên. ` +
            'Hãy giải phóng dung lượng hoặc chọn --out ở ổ đĩa khác rồi chạy lại.'
        : `không ghi được kết quả vào "${outDir}" (${code}); đã dừng, bộ kết quả cũ được giữ nguyên. Hãy kiểm tra thư mục kết quả rồi chạy lại.`,
      { cause },
    );
    this.code = code;
  }
}

/** Too little free space to write a new set beside the previous one: refused before any file is parsed. */
export class OutputSpaceError extends Error {
  override readonly name = 'OutputSpaceError';
}

/** Free space a run needs before it starts, at least: the size of the previous set (the new one is written beside it), and 1 MB. */
export const MIN_FREE_BYTES = 1024 * 1024;

async function checkFreeSpace(outDir: string): Promise<void> {
  let free: number;
  try {
    const info = await statfs(outDir);
    free = info.bavail * info.bsize;
  } catch {
    return; // A file system that does not say (or Node on a platform without statfs): the writes will tell.
  }
  let previous = 0;
  for (const name of OUTPUT_NAMES) previous += (await stat(join(outDir, name)).catch(() => undefined))?.size ?? 0;
  const needed = Math.max(MIN_FREE_BYTES, previous);
  if (free >= needed) return;
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace('.', ',');
  throw new OutputSpaceError(
    `ổ đĩa của thư mục kết quả "${outDir}" chỉ còn ${mb(free)} MB trống, cần ít nhất ${mb(needed)} MB để ghi bộ kết quả mới mà vẫn giữ bộ cũ; ` +
      'hãy giải phóng dung lượng hoặc chọn --out ở ổ đĩa khác rồi chạy lại.',
  );
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
  // Two runs into one folder would publish over each other: the second is refused (OutputLockedError).
  await mkdir(options.outDir, { recursive: true });
  const lock = await lockOutputDir(options.outDir);
  try {
    // What a killed run left (a publication cut off, its staging folder, older temp files) goes first.
    await recoverOutputs(options.outDir);
    await checkFreeSpace(options.outDir);
    return await runLockedBatch(options);
  } finally {
    await lock.release();
  }
}

async function runLockedBatch(options: BatchOptions): Promise<BatchSummary> {
  const startedAt = Date.now();
  const emit = options.onEvent ?? (() => {});
  const signal = options.signal;
  const interrupted = new Promise<never>((_, reject) => {
    const onAbort = () => reject(new BatchInterruptedError('interrupted'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
  interrupted.catch(() => {});
  // A write that fails (a full disk) stops the batch at once: parsing on would only lose more time.
  let writeFailure: OutputWriteError | undefined;
  let stopForWriteFailure: (error: OutputWriteError) => void = () => {};
  const writeFailed = new Promise<never>((_, reject) => (stopForWriteFailure = reject));
  writeFailed.catch(() => {});
  const untilInterrupted = <T>(work: Promise<T>): Promise<T> => Promise.race([work, interrupted, writeFailed]);

  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  const maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  // Everything that changes a file's result is part of the cache key: OCR settings and check configuration.
  const readingKey = `${ocrCacheKey(options.ocr)}|${limitsCacheKey(options.limits)}|checks:${checkConfigKey(options.checks)}`;
  const cache = options.cache === false ? undefined : await ResultCache.open(options.outDir, readingKey);
  await cache?.removeLeftovers();

  const inputs = await untilInterrupted(listInputs(options.inputs, options.outDir));
  emit({ type: 'listed', total: inputs.length });
  const retainDocuments = options.retainDocuments ?? true;
  const documents: DocumentResult[] = [];
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byStatus: Record<DocumentStatus, number> = { ok: 0, 'needs-ocr': 0, failed: 0, skipped: 0 };
  const failedFiles: string[] = [];
  const stageMs: StageTotals = { ingestMs: 0, normalizeMs: 0, extractMs: 0, checkMs: 0, reportMs: 0 };
  const print = options.print
    ? options.print.format === 'sarif'
      ? { format: 'sarif' as const, stream: options.print.stream, rules: sarifRules(options.checks) }
      : { format: 'json' as const, stream: options.print.stream }
    : undefined;
  const outputs = await StreamingOutputs.open({
    outDir: options.outDir,
    ...(options.checks ? { checks: options.checks } : {}),
    ...(options.baseline ? { page: { review: options.baseline } } : {}),
    ...(print ? { print } : {}),
  });
  // Results arrive in any order (cache hits first, then whichever worker is done); the outputs are written in
  // input order, so a result waits here only until every earlier one has been written.
  const waiting = new Map<number, DocumentResult>();
  let nextToWrite = 0;
  let writing: Promise<void> = Promise.resolve();
  const writeReady = async () => {
    while (waiting.has(nextToWrite)) {
      const index = nextToWrite++;
      const parsed = waiting.get(index)!;
      waiting.delete(index);
      const document = options.baseline ? applyReview([parsed], options.baseline)[0]! : parsed;
      const startedAt = performance.now();
      await outputs.add(document, inputs[index]!.absolutePath);
      stageMs.reportMs += performance.now() - startedAt;
      byStatus[document.status]++;
      if (document.status === 'failed' && failedFiles.length < FAILED_FILES_NAMED) failedFiles.push(document.file);
      for (const finding of document.findings) bySeverity[finding.severity]++;
      if (retainDocuments) documents.push(document);
    }
  };
  let cacheHits = 0;
  const finish = (index: number, result: DocumentResult, fromCache: boolean) => {
    waiting.set(index, result);
    emit({ type: 'file-done', result, fromCache });
    writing = writing.then(writeReady).catch((error: unknown) => {
      if (writeFailure) return;
      writeFailure = new OutputWriteError(options.outDir, error);
      stopForWriteFailure(writeFailure);
    });
  };
  try {
    // Phase 1, main thread: skip what cannot be read and serve what the cache already knows.
    const pending: PendingParse[] = [];
    const readLimit = pLimit(READ_CONCURRENCY);
    await untilInterrupted(
      Promise.all(
        inputs.map((input, index) =>
          readLimit(async () => {
            if (signal?.aborted) return;
            const { kind } = input;
            if (kind.type === 'unreadable-folder') return finish(index, unreadableFolderResult(input.displayPath, kind.errorCode), false);
            if (kind.type === 'special') return finish(index, specialFileResult(input.displayPath, kind), false);
            if (!READABLE_EXTENSIONS.has(input.extension) && !SNIFFED_EXTENSIONS.has(input.extension)) {
              return finish(index, otherFileTypeResult(input.displayPath, input.extension), false);
            }
            if (!cache) {
              pending.push({ index, input });
              return;
            }
            let sha256: string;
            try {
              sha256 = await sha256OfFile(input.fsPath);
            } catch (error) {
              if (error instanceof NotRegularFileError) finish(index, specialFileResult(input.displayPath, { type: 'special', what: error.what, viaLink: false }), false);
              else finish(index, unreadableFileResult(input.displayPath, errorCodeOf(error)), false);
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
        // A scan's pages are read by OCR side by side on the cores the other workers leave this one, and at
        // least two at a time, so that the next page is rendered while one is read.
        ingest: { ocr: { ...options.ocr, pagesAtOnce: Math.max(2, Math.floor(availableParallelism() / workers)) }, ...(options.limits ? { limits: options.limits } : {}) },
        ...(options.checks ? { checks: options.checks } : {}),
        forwardWorkerOutput: process.env.SOLIEU_DEBUG === '1',
      });
      try {
        await untilInterrupted(
          Promise.all(
            pending.map(async (item) => {
              const outcome = await pool.run({ fsPath: item.input.fsPath, displayPath: item.input.displayPath });
              const result = await resultOf(outcome, item);
              if (outcome.kind === 'result') {
                pages += result.source?.pages ?? 0;
                stageMs.ingestMs += outcome.timings.ingestMs;
                stageMs.normalizeMs += outcome.timings.normalizeMs;
                stageMs.extractMs += outcome.timings.extractMs;
                stageMs.checkMs += outcome.timings.checkMs;
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

    await untilInterrupted(writing);
    if (writeFailure) throw writeFailure;
    if (signal?.aborted) throw new BatchInterruptedError('interrupted');
    if (nextToWrite !== inputs.length) throw new Error(`internal error: ${inputs.length - nextToWrite} results never arrived`);
    const finishStartedAt = performance.now();
    try {
      await outputs.finish(new Date(), signal);
    } catch (error) {
      if (signal?.aborted) throw new BatchInterruptedError('interrupted', { cause: error });
      if (error instanceof PublishError) throw error;
      throw new OutputWriteError(options.outDir, error);
    }
    stageMs.reportMs += performance.now() - finishStartedAt;
    // The checks across reports ran in finish(), over every file: their findings count like a file's (--fail-on).
    const province = outputs.provinceResults;
    for (const finding of province?.findings ?? []) bySeverity[finding.severity]++;
    if (cache) await cache.pruneOtherVersions().catch(() => {});

    const stats: BatchStats & { stageMs: StageTotals } = {
      files: inputs.length,
      byStatus,
      bySeverity,
      cacheHits,
      parsed: pending.length,
      pages,
      elapsedMs: Date.now() - startedAt,
      workers,
      failedFiles,
      stageMs,
    };
    return { documents, bySeverity, stats, batchFindings: province?.findings ?? [], rollup: province?.rollup ?? [] };
  } catch (error) {
    // Interrupted or failed: no temp file is left behind and no previous output is touched.
    await outputs.discard();
    throw error;
  }

  async function resultOf(outcome: JobOutcome, item: PendingParse): Promise<DocumentResult> {
    const file = item.input.displayPath;
    switch (outcome.kind) {
      case 'result':
        return outcome.result;
      case 'unreadable':
        return unreadableFileResult(file, outcome.errorCode);
      case 'not-regular':
        return specialFileResult(file, { type: 'special', what: outcome.what, viaLink: false });
      case 'timeout':
        return timeLimitResult(file, timeoutSeconds);
      case 'out-of-memory':
        return memoryLimitResult(file, maxMemoryMb);
      case 'crash':
        return workerCrashResult(file);
    }
  }
}


async function sha256OfFile(path: string | Uint8Array): Promise<string> {
  const { handle } = await openRegularFile(openablePath(path));
  try {
    const hash = createHash('sha256');
    for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } finally {
    await handle.close().catch(() => {});
  }
}

function stoppedByOcrTimeLimit(result: DocumentResult): boolean {
  return result.findings.some((finding) => finding.discriminator === OCR_NOTE.timeLimit);
}

function errorCodeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

/** Every rule a finding of this run can have: the checks with the severity configured for the run, then the ingest ids. */
function sarifRules(config: CheckConfig | undefined): SarifRule[] {
  return [
    ...CHECK_RULES.map((rule) => ({
      id: rule.meta.id,
      name: RULE_LABELS[rule.meta.id] ?? rule.meta.id,
      description: rule.meta.description,
      severity: severityOf(rule.meta.id, rule.meta.defaultSeverity, config),
    })),
    ...BATCH_CHECK_RULES.map((rule) => ({
      id: rule.meta.id,
      name: RULE_LABELS[rule.meta.id] ?? rule.meta.id,
      description: rule.meta.description,
      severity: severityOf(rule.meta.id, rule.meta.defaultSeverity, config),
    })),
    ...INGEST_RULES,
  ];
}

/**
 * The check configuration as a stable string: the configured settings of the per-file checks, sorted by check id (the
 * checks across reports run after the cache, so their settings never invalidate it).
 */
function checkConfigKey(config: CheckConfig | undefined): string {
  const perFile = new Set(CHECK_RULES.map((rule) => rule.meta.id));
  return Object.entries(config?.rules ?? {})
    .filter(([id]) => perFile.has(id))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, setting]) => `${id}=${setting}`)
    .join(',');
}
