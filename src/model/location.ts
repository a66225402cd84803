import { z } from 'zod';

/**
 * Where a piece of text sits in its source file, so that every figure and finding can be traced
 * back to the quote an auditor will look for.
 *
 * - PDF: `page` is 1-based; `line` is the 1-based line within that page after headers/footers are
 *   dropped (so it matches what a reader counts on the printed page, minus the running header).
 * - DOCX: no pages exist in the file; `line` is the 1-based paragraph index in document order
 *   (every heading, paragraph, list item and table row counts as one).
 * - TXT: `line` is the 1-based line number in the file.
 *
 * `start`/`end` are a UTF-16 character range inside the text of the block (or cell) the location
 * belongs to, after normalization; absent when the location covers the whole block.
 */
export const LocationSchema = z.object({
  page: z.number().int().positive().optional(),
  line: z.number().int().positive(),
  /** Last line covered, when a block spans several lines (a wrapped paragraph in a PDF). */
  endLine: z.number().int().positive().optional(),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});
export type Location = z.infer<typeof LocationSchema>;
