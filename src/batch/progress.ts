import type { DocumentResult, DocumentStatus, Severity } from '../model/index.ts';

/** What the batch tells whoever watches it; the batch itself never writes to a terminal. */
export type BatchEvent =
  | { type: 'listed'; total: number }
  /** Cache look-ups are over; `toParse` files go to `workers` worker threads. */
  | { type: 'parsing'; toParse: number; workers: number }
  | { type: 'file-done'; result: DocumentResult; fromCache: boolean }
  /** Something the operator should know that is not a finding (why a worker was lost). */
  | { type: 'incident'; file: string; detail: string };

export interface BatchStats {
  files: number;
  byStatus: Record<DocumentStatus, number>;
  bySeverity: Record<Severity, number>;
  cacheHits: number;
  /** Files handed to worker threads (cache misses among the readable files). */
  parsed: number;
  pages: number;
  elapsedMs: number;
  workers: number;
}

export interface ProgressOptions {
  /** A TTY gets one line redrawn in place; anything else gets a plain line now and then. */
  tty: boolean;
  /** Terminal width, to keep the redrawn line on one row. */
  columns?: number;
  /** Non-TTY: at most one line per this interval, unless another tenth of the batch is done. */
  plainIntervalMs?: number;
  now?: () => number;
}

const number = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const preciseNumber = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/**
 * Progress on stderr: files done/total, pages per second, an ETA and failures so far. On a terminal
 * it is a single line redrawn at most ten times a second (and every second, so the ETA moves while a
 * big PDF is parsed); in a log it is a plain line at every tenth of the batch or every ten seconds,
 * never one line per file for a big batch.
 */
export class ProgressReporter {
  private total = 0;
  private done = 0;
  private failed = 0;
  private pages = 0;
  private parsedDone = 0;
  private toParse = 0;
  private parsingSince?: number;
  private lastDraw = 0;
  private lastPlainDecile = 0;
  private ticker?: NodeJS.Timeout;
  private drawn = false;
  private readonly now: () => number;
  private readonly plainIntervalMs: number;

  constructor(
    private readonly write: (text: string) => void,
    private readonly options: ProgressOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.plainIntervalMs = options.plainIntervalMs ?? 10_000;
  }

  readonly onEvent = (event: BatchEvent): void => {
    switch (event.type) {
      case 'listed':
        this.total = event.total;
        this.lastDraw = this.now();
        if (!this.options.tty) this.write(`solieu: ${event.total} tệp cần xem.\n`);
        break;
      case 'parsing':
        this.toParse = event.toParse;
        this.parsingSince = this.now();
        if (!this.options.tty && event.toParse > 0) {
          this.write(`solieu: đọc ${event.toParse} tệp bằng ${event.workers} luồng (còn lại lấy từ bộ nhớ đệm hoặc bỏ qua).\n`);
        }
        if (event.toParse > 0) {
          // Keeps the ETA moving on a terminal, and shows a log that a long file is still being read.
          this.ticker = setInterval(() => this.draw(this.options.tty), this.options.tty ? 1000 : this.plainIntervalMs);
          this.ticker.unref();
        }
        break;
      case 'file-done':
        this.done++;
        if (event.result.status === 'failed') this.failed++;
        if (!event.fromCache && event.result.status !== 'skipped') {
          this.parsedDone++;
          this.pages += event.result.source?.pages ?? 0;
        }
        this.draw(false);
        break;
      case 'incident':
        this.clearLine();
        this.write(`solieu: ${event.file}: ${event.detail}\n`);
        if (this.options.tty) this.draw(true);
        break;
    }
  };

  /** Clears the live line so the summary starts on a clean row. */
  finish(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.clearLine();
  }

  private draw(force: boolean): void {
    const now = this.now();
    if (this.options.tty) {
      if (!force && now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      let line = this.statusLine(now, true);
      // A terminal that reports no size (0 columns, e.g. under `script`) gets a conventional 80.
      const columns = this.options.columns !== undefined && this.options.columns >= 40 ? this.options.columns : 80;
      const width = columns - 1;
      if (line.length > width) line = `${line.slice(0, width - 1)}…`;
      this.write(`\r\x1b[2K${line}`);
      this.drawn = true;
      return;
    }
    const decile = this.total === 0 ? 10 : Math.floor((this.done * 10) / this.total);
    const due = decile > this.lastPlainDecile || now - this.lastDraw >= this.plainIntervalMs;
    if (!due) return;
    this.lastPlainDecile = decile;
    this.lastDraw = now;
    this.write(`solieu: ${this.statusLine(now, false)}\n`);
  }

  private statusLine(now: number, withBar: boolean): string {
    const filled = this.total === 0 ? 20 : Math.round((this.done / this.total) * 20);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`;
    const parts: string[] = [];
    parts.push(`${this.done}/${this.total} tệp`);
    const seconds = this.parsingSince === undefined ? 0 : (now - this.parsingSince) / 1000;
    if (seconds > 0 && this.pages > 0) parts.push(`${number.format(this.pages / seconds)} trang/giây`);
    const remaining = this.toParse - this.parsedDone;
    if (remaining > 0 && this.parsedDone > 0 && seconds > 0) {
      const left = (remaining * seconds) / this.parsedDone;
      parts.push(left < 1 ? 'còn <1 giây' : `còn ~${duration(left)}`);
    }
    parts.push(`lỗi ${this.failed}`);
    const line = parts.join(' · ');
    return withBar ? `${bar} ${line}` : line;
  }

  private clearLine(): void {
    if (this.options.tty && this.drawn) {
      this.write('\r\x1b[2K');
      this.drawn = false;
    }
  }
}

export function duration(seconds: number): string {
  if (seconds < 1) return `${preciseNumber.format(seconds)} giây`;
  if (seconds < 60) return `${number.format(seconds < 10 ? seconds : Math.round(seconds))} giây`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  if (minutes < 60) return `${minutes} phút ${rest} giây`;
  return `${Math.floor(minutes / 60)} giờ ${minutes % 60} phút`;
}

/** The end-of-run summary: files by status, findings by severity, time, speed and cache hits. */
export function formatSummary(stats: BatchStats, outDir: string): string {
  const seconds = stats.elapsedMs / 1000;
  const statuses = (['ok', 'needs-ocr', 'failed', 'skipped'] as const)
    .filter((status) => stats.byStatus[status] > 0)
    .map((status) => `${status} ${stats.byStatus[status]}`)
    .join(', ');
  const speed =
    stats.parsed > 0 && seconds > 0
      ? `; ${number.format(stats.parsed / seconds)} tệp/giây, ${number.format(stats.pages / seconds)} trang/giây`
      : '';
  return (
    `solieu: xong ${stats.files} tệp trong ${duration(seconds)}${statuses ? ` (${statuses})` : ''}.\n` +
    `solieu: phát hiện: lỗi ${stats.bySeverity.error}, cảnh báo ${stats.bySeverity.warning}, thông tin ${stats.bySeverity.info}.\n` +
    `solieu: đã đọc ${stats.parsed} tệp (${stats.pages} trang) bằng ${stats.workers} luồng${speed}; ` +
    `lấy từ bộ nhớ đệm: ${stats.cacheHits} tệp.\n` +
    `solieu: kết quả trong ${outDir}\n`
  );
}
