import { z } from 'zod';
import { SourceInfoSchema } from './document.ts';
import { FigureSchema, QuantitySchema } from './figure.ts';
import { FindingSchema } from './finding.ts';

export const DocumentStatusSchema = z.enum(['ok', 'needs-ocr', 'failed', 'skipped']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const DocumentMetadataSchema = z.object({
  unitName: z.string().optional(),
  unitLevel: z.enum(['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh']).optional(),
  province: z.string().optional(),
  docType: z.enum(['report', 'plan', 'other']).optional(),
  period: z.string().optional(),
  reportDate: z.string().optional(),
  documentNumber: z.string().optional(),
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
});
export type Results = z.infer<typeof ResultsSchema>;
