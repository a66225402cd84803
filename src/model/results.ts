import { z } from 'zod';
import { SourceInfoSchema } from './document.ts';
import { FigureSchema, QuantitySchema } from './figure.ts';
import { FindingSchema } from './finding.ts';
import { LocationSchema } from './location.ts';
import { BatchFindingSchema, RollupRowSchema, SuppressedBatchFindingSchema } from './batch.ts';

export const DocumentStatusSchema = z.enum(['ok', 'needs-ocr', 'failed', 'skipped']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** The levels of Vietnamese administrative units a report can come from (đặc khu: the island units since July 2025). */
export const UnitLevelSchema = z.enum(['xã', 'phường', 'thị trấn', 'đặc khu', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh']);
export type UnitLevel = z.infer<typeof UnitLevelSchema>;

/**
 * What kind of document it is, read from its content whatever its format: `rollup` is a report that names several
 * units and quantifies each, `inspection` an inspection conclusion, `dispatch` a công văn, `statistics` a portal's
 * statistics page. The contract's first version knew only `report`, `plan` and `other`.
 */
export const DocTypeSchema = z.enum(['report', 'rollup', 'plan', 'inspection', 'dispatch', 'news', 'statistics', 'other']);
export type DocType = z.infer<typeof DocTypeSchema>;

/**
 * Where an identity field was read, so that an auditor can check it against the document and correct it:
 * the part of the document (`source`), the text it was read from and its place. `guess` marks a value no
 * statement gives (the unit most mentioned in the body, say).
 */
export const MetadataEvidenceSchema = z.object({
  source: z.enum([
    'letterhead', 'title', 'self-reference', 'signature', 'headline', 'addressee', 'superior', 'opening', 'body', 'dateline',
    'document-number', 'layout', 'units-quantified', 'mentions',
  ]),
  quote: z.string(),
  location: LocationSchema.optional(),
  guess: z.boolean().optional(),
});
export type MetadataEvidence = z.infer<typeof MetadataEvidenceSchema>;

export const DocumentMetadataSchema = z.object({
  /** The issuing unit without its level word ("Tân Lập"), also when a police or working-group body issued it. */
  unitName: z.string().optional(),
  unitLevel: UnitLevelSchema.optional(),
  /** The district the unit belonged to, when the document names it (communes before the July 2025 reform). */
  district: z.string().optional(),
  province: z.string().optional(),
  docType: DocTypeSchema.optional(),
  /**
   * The period reported on: `2025-08`, `2025-Q3`, `2025-H1`, `2025-H2`, `2025`, `2022/2025` (a phase),
   * `2025-01/2025-09` (the months from January), `2024-12-15/2025-06-14` (a custom range).
   */
  period: z.string().optional(),
  reportDate: z.string().optional(),
  documentNumber: z.string().optional(),
  /** Where each identity field was read (docs/contract.md, "Report identity"). */
  evidence: z
    .object({
      unit: MetadataEvidenceSchema,
      district: MetadataEvidenceSchema,
      province: MetadataEvidenceSchema,
      period: MetadataEvidenceSchema,
      reportDate: MetadataEvidenceSchema,
      docType: MetadataEvidenceSchema,
    })
    .partial()
    .optional(),
});
export type DocumentMetadata = z.infer<typeof DocumentMetadataSchema>;

/**
 * A finding an auditor dismissed in the review file given with `--baseline`: kept out of findings.csv and the
 * counts, but kept here, with the auditor's note, so that what was suppressed can always be looked up.
 */
export const SuppressedFindingSchema = FindingSchema.extend({
  review: z.object({ decision: z.literal('dismissed'), note: z.string(), decidedAt: z.string().optional() }),
});
export type SuppressedFinding = z.infer<typeof SuppressedFindingSchema>;

/** Everything known about one input file after the pipeline ran over it. */
export const DocumentResultSchema = z.object({
  /** Path relative to the folder given on the command line. */
  file: z.string(),
  status: DocumentStatusSchema,
  source: SourceInfoSchema.optional(),
  metadata: DocumentMetadataSchema,
  figures: z.array(FigureSchema),
  /** Counted numbers outside the metric catalog ("18 lớp", "98 thủ tục"): checked like figures, not in figures.csv. */
  quantities: z.array(QuantitySchema).optional(),
  findings: z.array(FindingSchema),
  /** Present only when a baseline dismissed some of this file's findings (`solieu run --baseline`). */
  suppressedFindings: z.array(SuppressedFindingSchema).optional(),
});
export type DocumentResult = z.infer<typeof DocumentResultSchema>;

/** The shape of results.json. */
export const ResultsSchema = z.object({
  tool: z.literal('solieu'),
  toolVersion: z.string(),
  rulesVersion: z.string(),
  generatedAt: z.string(),
  documents: z.array(DocumentResultSchema),
  /**
   * Findings that compare the batch's reports with each other, once for the batch (written by this version always;
   * optional so that results.json of earlier versions still parse).
   */
  batchFindings: z.array(BatchFindingSchema).optional(),
  /** Batch findings a `--baseline` review dismissed, with the note. */
  batchSuppressedFindings: z.array(SuppressedBatchFindingSchema).optional(),
  /** rollup.csv's rows: each unit's own values for each period. */
  rollup: z.array(RollupRowSchema).optional(),
});
export type Results = z.infer<typeof ResultsSchema>;
