import { z } from 'zod';
import { FindingSchema } from './finding.ts';
import { LocationSchema } from './location.ts';

/** A quote behind a finding across reports: which report it is from, besides the quote and its place. */
export const BatchEvidenceSchema = z.object({
  file: z.string(),
  quote: z.string(),
  location: LocationSchema,
});
export type BatchEvidence = z.infer<typeof BatchEvidenceSchema>;

/**
 * A finding that compares reports of one batch with each other (docs/contract.md, "Checks across the reports of one
 * batch"): a per-file finding plus `file` — the report it is shown under — and `files`, every report involved in
 * batch order (the shown one included). Each quote names its report. It appears once for the batch, in results.json's
 * `batchFindings`, never under a document.
 */
export const BatchFindingSchema = FindingSchema.omit({ evidence: true }).extend({
  file: z.string(),
  files: z.array(z.string()),
  evidence: z.array(BatchEvidenceSchema),
  /** The unit (or units) and the period it is about, as an auditor names them ("xã Hồng Phong", "tháng 3/2025"). */
  unit: z.string().optional(),
  period: z.string().optional(),
  metric: z.string().optional(),
});
export type BatchFinding = z.infer<typeof BatchFindingSchema>;

export const SuppressedBatchFindingSchema = BatchFindingSchema.extend({
  review: z.object({ decision: z.literal('dismissed'), note: z.string(), decidedAt: z.string().optional() }),
});
export type SuppressedBatchFinding = z.infer<typeof SuppressedBatchFindingSchema>;

/**
 * One row of rollup.csv: a unit's own values for one period, one per catalog metric (the rule of which value heads a
 * report is src/province/heads.ts). `source` is `report` when the unit's own report gives them, `rollup` when only a
 * roll-up's row for the unit does; `alsoIn` names the other files of the same unit and period (a resend).
 */
export const RollupRowSchema = z.object({
  unit: z.string(),
  unitLevel: z.string().optional(),
  unitName: z.string(),
  district: z.string().optional(),
  province: z.string().optional(),
  period: z.string(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  docType: z.string().optional(),
  reportDate: z.string().optional(),
  file: z.string(),
  source: z.enum(['report', 'rollup']),
  alsoIn: z.array(z.string()),
  values: z.record(z.string(), z.number()),
});
export type RollupRow = z.infer<typeof RollupRowSchema>;
