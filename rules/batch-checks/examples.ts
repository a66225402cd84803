/**
 * Short reports for the example batches of rules/batch-checks/: as short as a report can be and still say who issued
 * it, for which period, and what it counts. The suite reads them through the whole pipeline (test/batch-checks.test.ts).
 */

/** A commune's report of 2025: `period` is the title's words ("tháng 2", "quý I"). */
export function commune(name: string, month: number | string, body: string): string {
  return `UBND XÃ ${name.toUpperCase()}\nBÁO CÁO\nKết quả thực hiện Đề án 06 ${typeof month === 'number' ? `tháng ${month}` : month} năm 2025\n${body}\n`;
}

/** A district's report (or roll-up) of 2025. */
export function district(name: string, month: number | string, body: string): string {
  return `UBND HUYỆN ${name.toUpperCase()}\nBÁO CÁO\nKết quả thực hiện Đề án 06 ${typeof month === 'number' ? `tháng ${month}` : month} năm 2025\n${body}\n`;
}
