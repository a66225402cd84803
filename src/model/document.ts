import { z } from 'zod';
import { LocationSchema } from './location.ts';

/**
 * A font-tagged stretch of a block's text. Ingest records the font name where the file format
 * names one (DOCX runs, PDF fonts) because the font is the surest sign of a legacy 8-bit
 * encoding (`.VnTime` → TCVN3, `VNI-Times` → VNI). Offsets are into the block's raw text.
 */
export const FontSpanSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  font: z.string(),
});
export type FontSpan = z.infer<typeof FontSpanSchema>;

/**
 * Where each source line starts inside a block's text, for blocks rebuilt from several lines
 * (a wrapped PDF paragraph, possibly across a page break). Lets any character offset be mapped
 * back to the exact page and line an auditor will look at. The first entry has `start: 0`.
 */
export const LineStartSchema = z.object({
  start: z.number().int().nonnegative(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive(),
});
export type LineStart = z.infer<typeof LineStartSchema>;

/**
 * Text read by OCR from a scanned page: how sure the engine was, and the stretches (offsets into the block's
 * text) it was unsure of, so a number read there is flagged instead of passing as certain.
 */
export const OcrInfoSchema = z.object({
  /** Mean word confidence of the block, 0–100 as the OCR engine reports it. */
  confidence: z.number(),
  uncertainRanges: z.array(z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })).optional(),
});
export type OcrInfo = z.infer<typeof OcrInfoSchema>;

const textBlockFields = {
  text: z.string(),
  location: LocationSchema,
  fontSpans: z.array(FontSpanSchema).optional(),
  lineStarts: z.array(LineStartSchema).optional(),
  /** Present when the text was read by OCR from a page image. */
  ocr: OcrInfoSchema.optional(),
};

export const HeadingBlockSchema = z.object({
  kind: z.literal('heading'),
  /** 1 = top level. DOCX takes it from the Heading style; PDF/TXT from the numbering pattern. */
  level: z.number().int().min(1).max(9),
  ...textBlockFields,
});

export const ParagraphBlockSchema = z.object({
  kind: z.literal('paragraph'),
  ...textBlockFields,
});

export const ListItemBlockSchema = z.object({
  kind: z.literal('list-item'),
  /** 1 = outermost list. */
  level: z.number().int().min(1).max(9),
  /** The visible marker when the source shows one ("-", "+", "a)", "1."); DOCX numbering loses it. */
  marker: z.string().optional(),
  ordered: z.boolean(),
  ...textBlockFields,
});

export const TableCellSchema = z.object({
  text: z.string(),
  colSpan: z.number().int().positive().default(1),
  rowSpan: z.number().int().positive().default(1),
  location: LocationSchema,
  fontSpans: z.array(FontSpanSchema).optional(),
  lineStarts: z.array(LineStartSchema).optional(),
  ocr: OcrInfoSchema.optional(),
});
export type TableCell = z.infer<typeof TableCellSchema>;

export const TableRowSchema = z.object({
  cells: z.array(TableCellSchema),
  /** True when the source marks the row as a header (DOCX `<th>`, or the first row of a PDF grid). */
  header: z.boolean().default(false),
  location: LocationSchema,
});
export type TableRow = z.infer<typeof TableRowSchema>;

export const TableBlockSchema = z.object({
  kind: z.literal('table'),
  rows: z.array(TableRowSchema),
  location: LocationSchema,
});

export const BlockSchema = z.discriminatedUnion('kind', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  ListItemBlockSchema,
  TableBlockSchema,
]);
export type Block = z.infer<typeof BlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type ListItemBlock = z.infer<typeof ListItemBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;
export type TextBlock = HeadingBlock | ParagraphBlock | ListItemBlock;

export const SourceFormatSchema = z.enum(['pdf', 'docx', 'txt']);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

export const SourceInfoSchema = z.object({
  /** Path as given (relative to the folder on the command line where there is one). */
  path: z.string(),
  /** The format the content really is (magic bytes), which may differ from the extension. */
  format: SourceFormatSchema,
  /** sha256 of the file's bytes, hex: the identity used by fingerprints and the cache. */
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative().optional(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/**
 * Why ingest produced a note rather than an error: a library warning (mammoth's unrecognised
 * styles), or a fact a later stage turns into an info finding (a PDF whose extension lied).
 */
export const IngestNoteSchema = z.object({
  code: z.string(),
  message: z.string(),
  location: LocationSchema.optional(),
});
export type IngestNote = z.infer<typeof IngestNoteSchema>;

/** What an ingest adapter returns: blocks in reading order with raw (not yet normalized) text. */
export const SourceDocumentSchema = z.object({
  source: SourceInfoSchema,
  blocks: z.array(BlockSchema),
  notes: z.array(IngestNoteSchema),
});
export type SourceDocument = z.infer<typeof SourceDocumentSchema>;

/** One repair the normalizer made, reported as an `ingest.encoding-repaired` info finding. */
export const RepairSchema = z.object({
  kind: z.enum(['tcvn3', 'vni', 'u01a3', 'nfc', 'combining-space']),
  /** How many blocks/cells were changed by this repair. */
  count: z.number().int().positive(),
  /** How it was detected: the font name, or statistics over the text. */
  detectedBy: z.enum(['font', 'statistics', 'always']),
  /** First place it happened, with a short before/after sample for the finding. */
  location: LocationSchema,
  before: z.string(),
  after: z.string(),
});
export type Repair = z.infer<typeof RepairSchema>;

/** A normalized document: clean NFC Vietnamese, same blocks and locations as its source. */
export const DocumentSchema = z.object({
  source: SourceInfoSchema,
  blocks: z.array(BlockSchema),
  notes: z.array(IngestNoteSchema),
  repairs: z.array(RepairSchema),
});
export type Document = z.infer<typeof DocumentSchema>;
