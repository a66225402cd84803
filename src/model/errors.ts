/**
 * The one error type allowed to cross a stage boundary: "this file cannot be used". The batch turns
 * it into a fatal finding and a status row; nothing else is thrown between stages.
 */
export type IngestErrorCode =
  /** Unreadable: corrupt, truncated, encrypted, not the format it claims, over a limit. */
  | 'failed'
  /** Readable, but there is no text in it. */
  | 'empty'
  /** Pages carry no text layer: a scan. */
  | 'needs-ocr'
  /** A document in a format solieu does not read (Word 97–2003 .doc, RTF, OpenDocument): the file is `skipped`. */
  | 'unsupported-format';

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    /** A Vietnamese sentence for the auditor: what is wrong and what to do about it. */
    readonly messageVi: string,
    /** Technical detail (the library's own message) for the log, never shown as the main message. */
    readonly detail?: string,
    readonly pages?: number,
  ) {
    super(detail ? `${messageVi} (${detail})` : messageVi);
  }
}

export function isIngestError(error: unknown): error is IngestError {
  return error instanceof IngestError;
}
