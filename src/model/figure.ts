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
  partKind: z.enum(['inline', 'nested', 'list', 'table', 'side-by-side']).optional(),
  /**
   * What in the text made this a part of `parentId`, in words an auditor can judge: the marker ("trong đó",
   * "gồm", ":", "(…)"), the structure ("liệt kê dưới tổng", "dòng Tổng cộng của bảng") or the declared
   * relation for parts stated side by side ("trực tuyến + trực tiếp = tiếp nhận").
   */
  linkedBy: z.string().optional(),
  /** The text presents the parts of `parentId` as all of it ("gồm", a colon, a table's total): they must add up. */
  exhaustiveLink: z.boolean().optional(),
  /** The counted noun as written, normalised ("hồ sơ", "thủ tục", "lớp"): what the number counts. */
  noun: z.string().optional(),
  /**
   * For a table part (`partKind: 'table'`): 'column' when its total is the "Tổng cộng" row of its column, 'row'
   * when its total is the "Tổng số" column of its row (src/extract/table-links.ts).
   */
  tablePart: z.enum(['column', 'row']).optional(),
  /** For a percentage of a base stated elsewhere ("đạt 40%/ tổng dân số"): the base figure. */
  baseId: z.string().optional(),
  /** The base a percentage names in words ("tổng dân số"), whether or not a figure of it was found. */
  percentBase: z.string().optional(),
  /** A running total ("lũy kế", "tính đến ngày …", "từ đầu năm"), not the period's own count. */
  cumulative: z.boolean().optional(),
  /** The date a running total is counted to ("tính đến ngày 20/9/2025" → 2025-09-20; the year from the report when unwritten). */
  asOf: z.string().optional(),
  /**
   * The figure's own period when its words name one other than the report's: `2025-08`, `2025-Q3`, `2025-H1`, or
   * `previous` for a comparison with an earlier period ("cùng kỳ năm trước").
   */
  period: z.string().optional(),
  /** The unit the figure belongs to when it is not the issuer ("xã Hương Minh" in a district's roll-up). */
  subject: z.string().optional(),
  /** The field of work it counts in ("cu-tru", "dat-dai"), when its sentence, row or label names one. */
  field: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

/**
 * Every number with a counted noun, in the catalog or not ("18 lớp", "2.950 người", "98 thủ tục"): what the
 * checks add, compare and bound. A figure is a quantity whose metric the catalog names; the others have
 * only their noun. Ids are shared: figure f12 is quantity f12.
 */
export const QuantitySchema = FigureSchema.extend({
  metric: z.string().optional(),
  noun: z.string(),
});
export type Quantity = z.infer<typeof QuantitySchema>;
