import { z } from 'zod';
import { FigureSchema } from './figure.ts';
import { SeveritySchema } from './finding.ts';

/**
 * The hand-written gold files in `fixtures/expected/`: what a careful clerk reads out of each seed
 * document, typed without running any extractor. They are the yardstick extraction and checks are
 * scored against, so their conventions (documented in `fixtures/expected/README.md`) are part of the
 * schema's meaning.
 */

/** Metric ids of the contract's catalog (`docs/contract.md`). */
export const CATALOG_METRIC_IDS = [
  'villages',
  'households',
  'population',
  'area_km2',
  'tasks.assigned',
  'tasks.completed',
  'tasks.unfinished',
  'tasks.recurring',
  'tasks.in_progress',
  'tasks.overdue',
  'eid.accounts',
  'eid.level1',
  'eid.level2',
  'eid.activated',
  'eid.applications',
  'idcards.issued',
  'idcards.applications',
  'dossiers.received',
  'dossiers.resolved',
  'dossiers.due',
  'dossiers.early',
  'dossiers.online',
  'dossiers.direct',
  'dossiers.on_time',
  'dossiers.late',
  'dossiers.in_progress',
  'dossiers.returned',
  'dossiers.supplement',
  'dossiers.carried_over',
  'digitized.dossiers',
  'digitized.results',
  'services.essential',
  'services.full_online',
  'services.partial_online',
  'procedures.published',
  'outreach.posts',
  'outreach.broadcasts',
  'outreach.meetings',
  'outreach.participants',
  'smartphone_rate',
] as const;

/**
 * Metrics the seeds state that the catalog lacks ("more metrics are welcome, under new ids"). Each is
 * described in `fixtures/expected/README.md`; scorers count them apart from catalog recall.
 */
export const EXTRA_METRIC_IDS = [
  'models.count',
  'services.online',
  'services.interlinked',
  'services.essential_not_integrated',
  'procedures.interlinked',
  'digitized.components',
  'documents.issued',
  'meetings.steering',
  'inspections',
  'inspection.teams',
  'outreach.displays',
  'computers',
  'printers',
  'scanners',
  'screens',
  'staff.vacancies',
] as const;

export const PROCEDURE_IDS = [
  'thuong-tru',
  'tam-tru',
  'tam-vang',
  'luu-tru',
  'khai-sinh',
  'khai-tu',
  'ket-hon',
  'chung-thuc',
  'xac-nhan-hon-nhan',
  'trich-luc',
  'dang-ky-xe',
  'lien-thong-khai-sinh',
  'lien-thong-khai-tu',
] as const;

/** Check ids of the contract (findings in a gold file name one of these, never an ingest id). */
export const CHECK_IDS = [
  'ratio-mismatch',
  'rounded-to-full',
  'sum-mismatch',
  'part-exceeds-whole',
  'status-contradiction',
  'count-list-mismatch',
  'conflicting-values',
  'reconciliation',
  'percent-out-of-range',
  'exceeds-population',
  'ambiguous-number',
] as const;

export const GoldMetricIdSchema = z.enum([...CATALOG_METRIC_IDS, ...EXTRA_METRIC_IDS]);
export const GoldCheckIdSchema = z.enum(CHECK_IDS);
export const GoldProcedureSchema = z.enum(PROCEDURE_IDS);
/** Same words as the extractor's figures, so a gold qualifier compares with an extracted one directly. */
const GoldQualifierSchema = FigureSchema.shape.qualifier.unwrap();

const IndexSchema = z.number().int().nonnegative();
/** 1-based: which standalone occurrence of `raw` inside `quote` is meant, when it occurs more than once. */
const OccurrenceSchema = z.number().int().positive();

export const GoldMetadataSchema = z.strictObject({
  unit_name: z.string().min(1).nullable(),
  unit_level: z.enum(['xã', 'phường', 'thị trấn', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh']).nullable(),
  province: z.string().min(1).nullable(),
  doc_type: z.enum(['report', 'plan', 'other']),
  /** "2022-2025" or a single year "2023"; null when the document states none. */
  period: z.string().regex(/^\d{4}(-\d{4})?$/u).nullable(),
  /** ISO date, truncated to what the document states ("2024-04" when the day is left blank). */
  report_date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/u).nullable(),
  document_number: z.string().min(1).nullable(),
  /** The body that signs the document ("UBND xã Giai Xuân", "Tổ công tác Đề án 06 huyện ..."). */
  issuer: z.string().min(1).nullable().optional(),
  note: z.string().optional(),
});
export type GoldMetadata = z.infer<typeof GoldMetadataSchema>;

export const GoldFigureSchema = z.strictObject({
  metric: GoldMetricIdSchema,
  /** Plain number: the count, or the numerator of a ratio, or the percentage itself when `unit` is "percent". */
  value: z.number(),
  unit: z.string().min(1),
  year: z.number().int().min(1990).max(2100).nullable(),
  procedure: GoldProcedureSchema.nullable(),
  denominator: z.number().nullable(),
  /** The percentage stated with a count or ratio ("= 92%", "đạt 40%"); null for bare percentages. */
  percent: z.number().nullable(),
  /** Exact source text of the number(s), from the first number to the last (and its "%"). */
  raw: z.string().min(1),
  /** The sentence, line block or table row, verbatim from the seed with whitespace folded and "ƣ" read as "ư". */
  quote: z.string().min(1),
  occurrence: OccurrenceSchema.optional(),
  qualifier: GoldQualifierSchema.optional(),
  /** Free-text scope beyond year/procedure, so two figures of one metric are not mistaken for restatements. */
  scope: z.string().min(1).optional(),
  /** The figure is a change versus this year ("năm 2023 tăng 29 hồ sơ so với năm 2022"), not a level. */
  change_vs: z.number().int().optional(),
  /** Index of the stated total this figure is a part of; `breakdown` names the partition. */
  parent: IndexSchema.optional(),
  breakdown: z.string().min(1).optional(),
  /** Index of the figure a percentage is taken of when the base is stated elsewhere ("đạt 40%/ tổng dân số"). */
  base: IndexSchema.optional(),
  note: z.string().optional(),
});
export type GoldFigure = z.infer<typeof GoldFigureSchema>;

/** One partition of a total: which total, and whether the parts are meant to exhaust it (then they must add up). */
export const GoldBreakdownSchema = z.strictObject({
  parent: IndexSchema,
  breakdown: z.string().min(1),
  complete: z.boolean(),
  /** The arithmetic, written out. */
  note: z.string().min(1),
});
export type GoldBreakdown = z.infer<typeof GoldBreakdownSchema>;

export const GoldFindingSchema = z.strictObject({
  rule: GoldCheckIdSchema,
  severity: SeveritySchema,
  values: z.array(z.number()).min(1),
  /** Indices of the figures involved (empty when none of them is a figure, e.g. a list's length). */
  figures: z.array(IndexSchema),
  quotes: z.array(z.string().min(1)).min(1),
  /** The arithmetic and why an auditor should be told. */
  note: z.string().min(1),
});
export type GoldFinding = z.infer<typeof GoldFindingSchema>;

/** A trap: a check that a naive reading would fire here, and that must stay silent. */
export const GoldSilentSchema = z.strictObject({
  rule: GoldCheckIdSchema,
  figures: z.array(IndexSchema),
  quotes: z.array(z.string().min(1)).min(1),
  note: z.string().min(1),
});
export type GoldSilent = z.infer<typeof GoldSilentSchema>;

/** A number whose meaning is genuinely open: neither rewarded nor penalised when extracted. */
export const GoldAmbiguousSchema = z.strictObject({
  raw: z.string().min(1),
  quote: z.string().min(1),
  occurrence: OccurrenceSchema.optional(),
  /** Metric ids a reasonable reading could give it. */
  candidates: z.array(GoldMetricIdSchema).optional(),
  note: z.string().min(1),
});
export type GoldAmbiguous = z.infer<typeof GoldAmbiguousSchema>;

/**
 * A number that is not a figure. A bare string is not a figure wherever it occurs (document numbers,
 * dates); the object form pins one occurrence by its quote ("dưới 14 tuổi").
 */
export const GoldNotFigureSchema = z.union([
  z.string().min(1),
  z.strictObject({
    raw: z.string().min(1),
    quote: z.string().min(1),
    occurrence: OccurrenceSchema.optional(),
    note: z.string().min(1),
  }),
]);
export type GoldNotFigure = z.infer<typeof GoldNotFigureSchema>;

export const GoldFileSchema = z
  .strictObject({
    fixture: z.string().regex(/^seed-\d{3}$/u),
    /** Original file name of the seed (its copy is `fixtures/reports/seed-NNN.txt`). */
    seed: z.string().regex(/^\d{3}_[0-9a-f]+\.txt$/u),
    metadata: GoldMetadataSchema,
    figures: z.array(GoldFigureSchema),
    breakdowns: z.array(GoldBreakdownSchema).default([]),
    findings: z.array(GoldFindingSchema),
    silent: z.array(GoldSilentSchema).default([]),
    ambiguous: z.array(GoldAmbiguousSchema).default([]),
    not_figures: z.array(GoldNotFigureSchema).default([]),
  })
  .superRefine((gold, context) => {
    const count = gold.figures.length;
    const checkIndex = (index: number, path: Array<string | number>) => {
      if (index >= count) context.addIssue({ code: 'custom', path, message: `figure index ${index} out of range (${count} figures)` });
    };
    const partitions = new Set(gold.breakdowns.map((entry) => `${entry.parent}|${entry.breakdown}`));
    gold.figures.forEach((figure, index) => {
      if (figure.parent !== undefined) {
        checkIndex(figure.parent, ['figures', index, 'parent']);
        if (figure.parent === index) context.addIssue({ code: 'custom', path: ['figures', index, 'parent'], message: 'a figure cannot be its own parent' });
        if (figure.breakdown === undefined) {
          context.addIssue({ code: 'custom', path: ['figures', index, 'breakdown'], message: 'a part needs the name of its breakdown' });
        } else if (!partitions.has(`${figure.parent}|${figure.breakdown}`)) {
          context.addIssue({ code: 'custom', path: ['figures', index, 'breakdown'], message: `no breakdowns entry for parent ${figure.parent} / "${figure.breakdown}"` });
        }
      } else if (figure.breakdown !== undefined) {
        context.addIssue({ code: 'custom', path: ['figures', index, 'breakdown'], message: 'breakdown without parent' });
      }
      if (figure.base !== undefined) checkIndex(figure.base, ['figures', index, 'base']);
      if (figure.unit === 'percent' && (figure.percent !== null || figure.denominator !== null)) {
        context.addIssue({ code: 'custom', path: ['figures', index, 'unit'], message: 'a bare percentage keeps its value in `value`; percent and denominator stay null' });
      }
    });
    gold.breakdowns.forEach((entry, index) => {
      checkIndex(entry.parent, ['breakdowns', index, 'parent']);
      const hasPart = gold.figures.some((figure) => figure.parent === entry.parent && figure.breakdown === entry.breakdown);
      if (!hasPart) context.addIssue({ code: 'custom', path: ['breakdowns', index], message: 'breakdown without any part' });
    });
    gold.findings.forEach((finding, index) => finding.figures.forEach((figure, position) => checkIndex(figure, ['findings', index, 'figures', position])));
    gold.silent.forEach((trap, index) => trap.figures.forEach((figure, position) => checkIndex(figure, ['silent', index, 'figures', position])));
  });
export type GoldFile = z.infer<typeof GoldFileSchema>;

// ---------------------------------------------------------------------------------------------------------
// The blind corpus (fixtures/corpus/): the same gold, written by readers who never saw the tool, with what the
// corpus adds — every counted quantity (a `null` metric with its noun), whose figure it is, its date and
// period, the marker that made a part a part, and report identity. Conventions: fixtures/corpus/briefs/GOLD.md.
// ---------------------------------------------------------------------------------------------------------

export const UNIT_LEVELS = ['xã', 'phường', 'thị trấn', 'đặc khu', 'huyện', 'quận', 'thị xã', 'thành phố', 'tỉnh'] as const;
export const DOC_TYPES = ['report', 'rollup', 'plan', 'inspection', 'dispatch', 'news', 'statistics', 'other'] as const;

/**
 * A period as the outputs write it: `2025-08` (a month), `2025-Q3`, `2025-H1`, `2025` (a year), `2022/2025` (a phase),
 * `2025-01/2025-09` (months), `2024-12-15/2025-06-14` (a custom range).
 */
export const PERIOD_PATTERN = /^(?:\d{4}(?:-(?:\d{2}|Q[1-4]|H[12]))?|\d{4}\/\d{4}|\d{4}-\d{2}\/\d{4}-\d{2}|\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2})$/u;

export const CorpusGoldMetadataSchema = z.strictObject({
  unit_name: z.string().min(1).nullable(),
  unit_level: z.enum(UNIT_LEVELS).nullable(),
  district: z.string().min(1).nullable(),
  province: z.string().min(1).nullable(),
  doc_type: z.enum(DOC_TYPES),
  period: z.string().regex(PERIOD_PATTERN).nullable(),
  report_date: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/u).nullable(),
  document_number: z.string().min(1).nullable(),
  issuer: z.string().min(1).nullable(),
  note: z.string().optional(),
});
export type CorpusGoldMetadata = z.infer<typeof CorpusGoldMetadataSchema>;

export const CorpusGoldFigureSchema = GoldFigureSchema.extend({
  /** A catalog or extra id; null for any other counted quantity, which then names its `noun`. */
  metric: GoldMetricIdSchema.nullable(),
  noun: z.string().min(1).optional(),
  /** The unit the figure belongs to when it is not the issuer ("xã An Hòa" in a district roll-up). */
  subject: z.string().min(1).optional(),
  /** "tính đến ngày 20/9/2025" → 2025-09-20. */
  as_of: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/u).optional(),
  /** A running total ("lũy kế", "tính đến", "từ đầu năm"), not the period's own count. */
  cumulative: z.boolean().optional(),
  /** The figure's own period when it differs from the document's ("6 tháng đầu năm" in a monthly report). */
  period: z.string().regex(PERIOD_PATTERN).optional(),
  /** A change versus that year or period ("tăng 15 hồ sơ so với tháng 9/2024"), not a level. */
  change_vs: z.union([z.number().int(), z.string().regex(PERIOD_PATTERN)]).optional(),
}).refine((figure) => figure.metric !== null || figure.noun !== undefined, { message: 'a quantity outside the catalog names its noun' });
export type CorpusGoldFigure = z.infer<typeof CorpusGoldFigureSchema>;

export const CorpusGoldBreakdownSchema = GoldBreakdownSchema.extend({
  /** What in the text makes the parts parts: "trong đó", "gồm", ":", "()", "list", "table total row", "definition" … */
  marker: z.string().min(1).optional(),
});

export const CorpusGoldFileSchema = z.strictObject({
  /** The report's id: c01…, n01…, i01…, p-<unit>-<month>. */
  fixture: z.string().regex(/^[a-z][a-z0-9-]*$/u),
  /** The text the reader annotated (the TXT rendering of the source). */
  source: z.string().regex(/\.txt$/u),
  metadata: CorpusGoldMetadataSchema,
  figures: z.array(CorpusGoldFigureSchema),
  breakdowns: z.array(CorpusGoldBreakdownSchema).default([]),
  findings: z.array(GoldFindingSchema),
  silent: z.array(GoldSilentSchema).default([]),
  ambiguous: z.array(GoldAmbiguousSchema).default([]),
  not_figures: z.array(GoldNotFigureSchema).default([]),
});
export type CorpusGoldFile = z.infer<typeof CorpusGoldFileSchema>;

/** Contradictions that show only between the files of one batch (fixtures/corpus/gold/batch-*.json). */
export const BATCH_CHECK_IDS = ['cumulative-decrease', 'ytd-mismatch', 'rollup-mismatch', 'duplicate-report', 'peer-outlier'] as const;
export const BatchGoldSchema = z.strictObject({
  findings: z.array(
    z.object({
      rule: z.enum(BATCH_CHECK_IDS),
      files: z.array(z.string().min(1)).min(1),
      unit: z.string().min(1).optional(),
      metric: z.string().min(1).nullable().optional(),
      period: z.union([z.string(), z.array(z.string())]).optional(),
      values: z.array(z.number()),
      note: z.string().min(1),
    }),
  ),
  silent: z.array(z.unknown()).default([]),
});
export type BatchGold = z.infer<typeof BatchGoldSchema>;
