import { ingestBytes, sha256Hex, type IngestOptions } from '../ingest/index.ts';
import { normalizeDocument } from '../normalize/vietnamese.ts';
import { extractQuantities, extractMetadata, reportContextOf } from '../extract/index.ts';
import { checkDocument, type CheckConfig } from '../check/index.ts';
import type { Document, DocumentResult } from '../model/index.ts';
import { IngestError, isIngestError } from '../model/index.ts';
import { boundFileEvidence, quoteEvidenceInPlace } from '../model/evidence.ts';
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
  // Taken now: with `transferBytes` pdf.js detaches the bytes.
  const fileSize = bytes.byteLength;
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
    const metadata = extractMetadata(document);
    const report = reportContextOf(metadata);
    const { figures: extracted, quantities } = extractQuantities(document, report);
    // Evidence is bounded before the checks see it: a quote around each number, never its whole paragraph
    // (in place: the figures are among the quantities, the same objects).
    quoteEvidenceInPlace(quantities);
    // A report read with (almost) no figures says so rather than passing as read.
    const fewFigures = fewFiguresFinding(document, extracted, metadata, file);
    if (fewFigures) findings.push(fewFigures);
    lap('extractMs');
    findings.push(...checkDocument({ file, document, figures: extracted, quantities, ...(report.year !== undefined ? { reportYear: report.year } : {}) }, options.checks));
    const extractedOthers = quantities.filter((quantity) => quantity.metric === undefined);
    // The caps per finding and per file (docs/contract.md), findings first.
    const bounded = boundFileEvidence(findings, [...extracted, ...extractedOthers]);
    const figures = bounded.figures.slice(0, extracted.length) as typeof extracted;
    const others = bounded.figures.slice(extracted.length) as typeof extractedOthers;
    lap('checkMs');
    return {
      document,
      timings,
      result: { file, status: 'ok', source: document.source, metadata, figures, ...(others.length > 0 ? { quantities: others } : {}), findings: bounded.findings },
    };
  } catch (caught) {
    const error = isIngestError(caught) ? caught : unexpected(caught);
    // A failure is charged to ingest: that is where nearly all of them come from.
    lap('ingestMs');
    return {
      timings,
      result: {
        file,
        status: error.code === 'needs-ocr' ? 'needs-ocr' : error.code === 'unsupported-format' ? 'skipped' : 'failed',
        ...(error.pages !== undefined
          ? { source: { path: file, format: 'pdf' as const, sha256: fileSha256, bytes: fileSize, pages: error.pages } }
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
