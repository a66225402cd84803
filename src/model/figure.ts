import { z } from 'zod';
import { LocationSchema } from './location.ts';

/**
 * One figure stated in a report: a catalog metric with its value, the qualifiers that scope it, and
 * where it was read. `value` is a plain number (5388, 0.76); for a ratio statement ("6.065/6588 hồ sơ
 * = 92%") `value` is the numerator and `denominator`/`percent` are set.
 */
export const FigureSchema = z.object({
  /** Unique within its document, stable across runs of the same file: links parts to totals. */
  id: z.string(),
  metric: z.string(),
  value: z.number(),
  denominator: z.number().optional(),
  percent: z.number().optional(),
  /** Decimals the percentage was written with: the rounding interval of the ratio check. */
  percentDecimals: z.number().int().nonnegative().optional(),
  unit: z.string(),
  year: z.number().int().optional(),
  procedure: z.string().optional(),
  /** "hơn 200" is more-than, not 200: kept so nobody invents precision. */
  qualifier: z.enum(['more-than', 'less-than', 'about', 'nearly', 'at-least']).optional(),
  /** The reading was not certain ("1.500" could be 1.5 or 1500; an OCR'd digit the engine doubted). */
  uncertain: z.boolean().optional(),
  /** Why, in Vietnamese, for the `ambiguous-number` finding. */
  uncertainReason: z.string().optional(),
  /** The other values the raw text could mean. */
  alternatives: z.array(z.number()).optional(),
  /** Read by OCR from a scanned page. */
  ocr: z.boolean().optional(),
  raw: z.string(),
  evidence: z.string(),
  location: LocationSchema,
  rule: z.string(),
  /** The nearest heading above the figure: figures in different sections are not restatements of each other. */
  section: z.string().optional(),
  /** The label the figure sits under (a table row's first cell, a "- Đăng ký tạm trú:" item). */
  context: z.string().optional(),
  /** The total this figure is a stated part of ("trong đó", breakdown lines, table rows). */
  parentId: z.string().optional(),
  /**
   * How the part was stated: after an inline "trong đó", nested below its total, as a sibling after a bare
   * "Trong đó:" line, or as a table row under a total row. Lists and table rows enumerate every part; a
   * nested item or an inline "trong đó" may name only some.
   */
  partKind: z.enum(['inline', 'nested', 'list', 'table']).optional(),
  /**
   * For a table part (`partKind: 'table'`): 'column' when its total is the "Tổng cộng" row of its column, 'row'
   * when its total is the "Tổng số" column of its row (src/extract/table-links.ts).
   */
  tablePart: z.enum(['column', 'row']).optional(),
  /** For a percentage of a base stated elsewhere ("đạt 40%/ tổng dân số"): the base figure. */
  baseId: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;
