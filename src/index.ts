/**
 * The package's public surface: the model's schemas (results.json is validated by ResultsSchema, review.json by
 * ReviewSchema), one file at a time (processFile, processBytes) and a whole batch with its outputs (runBatch).
 *
 * ```js
 * import { processFile, runBatch, ResultsSchema } from 'solieu';
 * const result = await processFile('bao-cao/xa-giai-xuan.pdf');
 * console.log(result.status, result.figures.length, result.findings.map((finding) => finding.message));
 * ```
 */
import { basename, extname } from 'node:path';
import { processBytes, type ProcessOptions } from './pipeline/index.ts';
import type { DocumentResult } from './model/index.ts';
import { fileTooLarge, resolveLimits } from './ingest/limits.ts';
import { findingFromIngestError } from './pipeline/ingest-findings.ts';
import { NotRegularFileError, openRegularFile } from './batch/open-regular.ts';
import { otherFileTypeResult, specialFileResult, unreadableFileResult } from './batch/failures.ts';
import { READABLE_EXTENSIONS, SNIFFED_EXTENSIONS } from './batch/walk.ts';

export * from './model/index.ts';
export { EVIDENCE_LIMITS } from './model/evidence.ts';
export { processBytes, type ProcessOptions, type ProcessedFile, type StageTimings } from './pipeline/index.ts';
export { runBatch, BatchInterruptedError, OutputWriteError, OutputSpaceError, type BatchOptions, type BatchSummary } from './batch/run.ts';
export { OutputLockedError } from './batch/lock.ts';
export { PublishError, MANIFEST_NAME, OUTPUT_NAMES, type OutputManifest } from './report/publish.ts';
export { ReviewSchema, ReviewDecisionSchema, REVIEW_FORMAT_VERSION, type Review, type ReviewDecision } from './batch/baseline.ts';
export { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.ts';
export type { CheckConfig } from './check/config.ts';

export interface ProcessFileOptions extends ProcessOptions {
  /** The path the result names (`file`, fingerprints); the file's own name when absent. */
  displayPath?: string;
}

/**
 * Reads one report file from disk and runs the whole pipeline over it: its figures (each with its page/line and
 * quote) and findings (checks and ingest problems, each with a Vietnamese message). Like the batch, it never
 * throws for a bad file: an unreadable, oversized, unsupported or special file (a FIFO, a device) is a result
 * with status `failed` or `skipped` and a fatal finding that says why. Extensions decide what is looked at
 * (.pdf, .docx, .txt; .doc, .rtf, .odt by their bytes); the bytes decide how it is read.
 *
 * Runs on the calling thread (pdf.js included); for many files use runBatch, which uses worker threads,
 * enforces time and memory limits per file and writes the outputs.
 */
export async function processFile(path: string, options: ProcessFileOptions = {}): Promise<DocumentResult> {
  const { displayPath = basename(path), ...processOptions } = options;
  const extension = extname(path).toLowerCase();
  if (!READABLE_EXTENSIONS.has(extension) && !SNIFFED_EXTENSIONS.has(extension)) return otherFileTypeResult(displayPath, extension);
  let opened;
  try {
    opened = await openRegularFile(path);
  } catch (error) {
    if (error instanceof NotRegularFileError) return specialFileResult(displayPath, { type: 'special', what: error.what, viaLink: false });
    return unreadableFileResult(displayPath, (error as NodeJS.ErrnoException).code ?? 'EIO');
  }
  const { handle, size } = opened;
  let buffer: Buffer;
  try {
    // An oversized file is refused from its size, never read into memory.
    const limits = resolveLimits(processOptions.limits);
    if (size > limits.maxFileMb * 1024 * 1024) {
      return { file: displayPath, status: 'failed', metadata: {}, figures: [], findings: [findingFromIngestError(fileTooLarge(size, limits), displayPath)] };
    }
    buffer = await handle.readFile();
  } catch (error) {
    return unreadableFileResult(displayPath, (error as NodeJS.ErrnoException).code ?? 'EIO');
  } finally {
    await handle.close().catch(() => {});
  }
  const { result } = await processBytes(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), displayPath, { ...processOptions, transferBytes: true });
  return result;
}
