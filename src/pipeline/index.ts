import { ingestBytes, sha256Hex, type IngestOptions } from '../ingest/index.ts';
import { normalizeDocument } from '../normalize/vietnamese.ts';
import { extractFigures, extractMetadata } from '../extract/index.ts';
import { checkDocument, type CheckConfig } from '../check/index.ts';
import type { Document, DocumentResult } from '../model/index.ts';
import { IngestError, isIngestError } from '../model/index.ts';
import { findingFromIngestError, findingsFromNotes, findingsFromRepairs } from './ingest-findings.ts';
import { fewFiguresFinding } from './few-figures.ts';

/** Wall-clock milliseconds per pipeline stage, for the benchmark; never written to results.json. */
export interface StageTimings {
  ingestMs: number;
  normalizeMs: number;
  extractMs: number;
  checkMs: number;
}

export interface ProcessedFile {
  result: DocumentResult;
  timings: StageTimings;
  /** The normalized document, for callers that need the text (tests, the eval); absent when unreadable. */
  document?: Document;
}

/**
 * file → SourceDocument → Document → (figures → findings). One call per file; never throws for a bad
 * file, because one unreadable report must not stop a batch of hundreds.
 */
export interface ProcessOptions extends IngestOptions {
  /** Which checks run and how severe their findings are (`solieu.config.json`, `--rule`). */
  checks?: CheckConfig;
}

export async function processBytes(bytes: Uint8Array, file: string, options: ProcessOptions = {}): Promise<ProcessedFile> {
  const fileSha256 = sha256Hex(bytes);
  const timings: StageTimings = { ingestMs: 0, normalizeMs: 0, extractMs: 0, checkMs: 0 };
  let mark = performance.now();
  const lap = (stage: keyof StageTimings) => {
    const now = performance.now();
    timings[stage] += now - mark;
    mark = now;
  };
  try {
    const source = await ingestBytes(bytes, file, options);
    lap('ingestMs');
    const document = normalizeDocument(source);
    lap('normalizeMs');
    const findings = [...findingsFromNotes(document.notes, file, { document, ...(options.ocr?.maxPages !== undefined ? { ocrMaxPages: options.ocr.maxPages } : {}) }), ...findingsFromRepairs(document, file)];
    const figures = extractFigures(document);
    const metadata = extractMetadata(document);
    // A report read with (almost) no figures says so rather than passing as read.
    const fewFigures = fewFiguresFinding(document, figures, metadata, file);
    if (fewFigures) findings.push(fewFigures);
    lap('extractMs');
    findings.push(...checkDocument({ file, document, figures }, options.checks));
    lap('checkMs');
    return {
      document,
      timings,
      result: { file, status: 'ok', source: document.source, metadata, figures, findings },
    };
  } catch (caught) {
    const error = isIngestError(caught) ? caught : unexpected(caught);
    // A failure is charged to ingest: that is where nearly all of them come from.
    lap('ingestMs');
    return {
      timings,
      result: {
        file,
        status: error.code === 'needs-ocr' ? 'needs-ocr' : 'failed',
        ...(error.pages !== undefined
          ? { source: { path: file, format: 'pdf' as const, sha256: fileSha256, bytes: bytes.byteLength, pages: error.pages } }
          : {}),
        metadata: {},
        figures: [],
        findings: [findingFromIngestError(error, file)],
      },
    };
  }
}

/**
 * A library failing in a way no adapter foresaw is still this file's problem, not the batch's: it is
 * reported like any unreadable file, with the technical detail kept for whoever investigates.
 */
function unexpected(caught: unknown): IngestError {
  const detail = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  return new IngestError(
    'failed',
    'Không đọc được tệp do lỗi không mong đợi của bộ đọc; hãy mở tệp, lưu lại (hoặc xuất lại PDF) và gửi lại, đồng thời báo lỗi cho nhóm phát triển.',
    detail,
  );
}
