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
  /** The first few files that could not be read (status `failed`), in output order: the summary names them. */
  failedFiles?: string[];
}

/** How many unreadable files the end-of-run summary names before it says "và N tệp khác". */
export const FAILED_FILES_NAMED = 5;

/**
 * One Vietnamese word per meaning: a file is "không đọc được" (status failed), a finding is a "lỗi" (severity
 * error). The status words of the summary, in the order reports.csv's statuses are listed in the contract.
 */
export const STATUS_WORDS: Record<DocumentStatus, string> = {
  ok: 'đọc được',
  'needs-ocr': 'cần OCR',
  failed: 'không đọc được',
  skipped: 'bỏ qua',
};

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
 * Progress on stderr: files done/total, pages per second, an ETA and the files that could not be read so far. On a terminal
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
          this.write(`solieu: xử lý ${event.toParse} tệp bằng ${event.workers} luồng (còn lại lấy từ bộ nhớ đệm hoặc bỏ qua).\n`);
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
      // A terminal that reports no size (0 columns, e.g. under `script`) gets a conventional 80.
      const columns = this.options.columns !== undefined && this.options.columns >= 40 ? this.options.columns : 80;
      // One column is left free: writing into the last one wraps the cursor on some terminals.
      this.write(`\r\x1b[2K${this.statusLine(now, columns - 1, true)}`);
      this.drawn = true;
      return;
    }
    const decile = this.total === 0 ? 10 : Math.floor((this.done * 10) / this.total);
    const due = decile > this.lastPlainDecile || now - this.lastDraw >= this.plainIntervalMs;
    if (!due) return;
    this.lastPlainDecile = decile;
    this.lastDraw = now;
    this.write(`solieu: ${this.statusLine(now, 80 - 'solieu: '.length, false)}\n`);
  }

  /**
   * Files done, speed, time left and unreadable files, fitted to `width` by leaving out the least needed
   * parts first (the bar, then the speed, then the time left): the count of unreadable files is never cut.
   */
  private statusLine(now: number, width: number, withBar: boolean): string {
    const seconds = this.parsingSince === undefined ? 0 : (now - this.parsingSince) / 1000;
    const remaining = this.toParse - this.parsedDone;
    const left = remaining > 0 && this.parsedDone > 0 && seconds > 0 ? (remaining * seconds) / this.parsedDone : undefined;
    const parts: Array<{ text: string; keep: number } | undefined> = [
      withBar ? { text: this.bar(), keep: 0 } : undefined,
      { text: `${this.done}/${this.total} tệp`, keep: 4 },
      seconds > 0 && this.pages > 0 ? { text: `${number.format(this.pages / seconds)} trang/giây`, keep: 1 } : undefined,
      left === undefined ? undefined : { text: left < 1 ? 'còn <1 giây' : `còn ~${duration(left)}`, keep: 2 },
      { text: `không đọc được ${this.failed}`, keep: 3 },
    ];
    let shown = parts.filter((part) => part !== undefined);
    const render = () => {
      const texts = shown.map((part) => part.text);
      return shown[0]?.keep === 0 ? `${texts[0]} ${texts.slice(1).join(' · ')}` : texts.join(' · ');
    };
    for (let keep = 0; render().length > width && keep < 3; keep++) shown = shown.filter((part) => part.keep !== keep);
    return render();
  }

  private bar(): string {
    const filled = this.total === 0 ? 20 : Math.round((this.done / this.total) * 20);
    return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`;
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

/** The end-of-run summary: files by status (the unreadable ones named), findings by severity, time, speed and cache hits. */
export function formatSummary(stats: BatchStats, outDir: string): string {
  const seconds = stats.elapsedMs / 1000;
  const statuses = (['ok', 'needs-ocr', 'failed', 'skipped'] as const)
    .filter((status) => stats.byStatus[status] > 0)
    .map((status) => `${stats.byStatus[status]} ${STATUS_WORDS[status]}`)
    .join(', ');
  const speed =
    stats.parsed > 0 && seconds > 0
      ? `; ${number.format(stats.parsed / seconds)} tệp/giây, ${number.format(stats.pages / seconds)} trang/giây`
      : '';
  const failed = stats.byStatus.failed;
  const named = (stats.failedFiles ?? []).slice(0, FAILED_FILES_NAMED);
  const unreadable =
    failed > 0 && named.length > 0
      ? `solieu: không đọc được ${failed} tệp: ${named.map((file) => `"${file}"`).join(', ')}` +
        `${failed > named.length ? ` và ${failed - named.length} tệp khác` : ''} (lý do và cách xử lý trong findings.csv).\n`
      : '';
  return (
    `solieu: xong ${stats.files} tệp trong ${duration(seconds)}${statuses ? `: ${statuses}` : ''}.\n` +
    unreadable +
    `solieu: phát hiện: ${stats.bySeverity.error} lỗi, ${stats.bySeverity.warning} cảnh báo, ${stats.bySeverity.info} thông tin.\n` +
    `solieu: đã xử lý ${stats.parsed} tệp (${stats.pages} trang) bằng ${stats.workers} luồng${speed}; ` +
    `lấy từ bộ nhớ đệm: ${stats.cacheHits} tệp.\n` +
    `solieu: kết quả trong ${outDir}\n`
  );
}
