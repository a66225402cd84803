import { mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BatchInterruptedError, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, runBatch } from './batch/run.ts';
import { BaselineError, readReview, type Review } from './batch/baseline.ts';
import { PoolStartupError } from './batch/pool.ts';
import { lockOutputDir, OutputLockedError, type OutputLock } from './batch/lock.ts';
import { formatSummary, ProgressReporter } from './batch/progress.ts';
import { TOOL_VERSION } from './version.ts';
import { DEFAULT_OCR_MAX_PAGES, OCR_MODES, type OcrMode } from './ingest/ocr-options.ts';
import type { Severity } from './model/index.ts';
import { CHECK_RULES, type CheckConfig } from './check/index.ts';
import { ConfigError, loadCheckConfig, withRuleOverrides } from './check/config.ts';
import { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.ts';

const USAGE = `solieu ${TOOL_VERSION} — đọc báo cáo Đề án 06, trích số liệu và chỉ ra số liệu mâu thuẫn

Cách dùng:
  solieu run <tệp-hoặc-thư-mục>... [--out DIR] [--jobs N] [--baseline FILE] [--fail-on none|warning|error] [--no-cache]
                                   [--timeout GIÂY] [--max-memory-mb MB] [--ocr off|auto|force] [--ocr-max-pages N]
                                   [--config FILE] [--rule MÃ=MỨC]... [--max-file-mb MB] [--max-pages N] [--max-unzipped-mb MB]

  --out DIR            thư mục kết quả (mặc định out/); bộ nhớ đệm nằm trong DIR/.cache/
  --jobs N             số luồng đọc tệp song song (mặc định: số nhân CPU, ở máy này ${availableParallelism()})
  --baseline FILE      tệp review.json xuất từ report.html: phát hiện đã "bỏ qua" không còn trong findings.csv
                       (đếm ở cột suppressed của reports.csv, vẫn xem được trong results.json)
  --fail-on MỨC        trả mã 1 khi có phát hiện từ mức này trở lên: none (mặc định), warning, error
  --no-cache           không dùng và không ghi bộ nhớ đệm
  --timeout GIÂY       thời gian tối đa cho một tệp (mặc định ${DEFAULT_TIMEOUT_SECONDS})
  --max-memory-mb MB   bộ nhớ tối đa của một luồng đọc tệp (mặc định ${DEFAULT_MAX_MEMORY_MB})
  --ocr CHẾ_ĐỘ         nhận dạng chữ (OCR) trang PDF quét: auto (mặc định: trang không có lớp chữ),
                       force (mọi trang), off (không OCR; trang quét được báo ingest.needs-ocr)
  --ocr-max-pages N    số trang OCR tối đa cho một tệp (mặc định ${DEFAULT_OCR_MAX_PAGES}); trang còn lại được báo
  --max-file-mb MB     cỡ tệp tối đa (mặc định ${DEFAULT_LIMITS.maxFileMb}); --max-pages N số trang PDF tối đa (mặc định ${DEFAULT_LIMITS.maxPages});
  --max-unzipped-mb MB dung lượng giải nén tối đa của một DOCX (mặc định ${DEFAULT_LIMITS.maxUnzippedMb})
  --config FILE        tệp cấu hình mức độ các phép kiểm tra (mặc định solieu.config.json nếu có), ví dụ
                       {"rules": {"ratio-mismatch": "warning", "ambiguous-number": "off"}}
  --rule MÃ=MỨC        đổi mức độ một phép kiểm tra: error, warning, info hoặc off (lặp lại được)

Mã thoát: 0 chạy xong; 1 có phát hiện từ mức --fail-on trở lên; 2 không chạy được (tham số sai,
không ghi được kết quả, thư mục kết quả đang có lần chạy khác dùng); 130/143 bị dừng bằng Ctrl+C/SIGTERM
(kết quả cũ được giữ nguyên).
`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** 128 + the signal number, as shells report a process ended by that signal. */
const INTERRUPT_EXIT_CODE = { SIGINT: 130, SIGTERM: 143 } as const;
type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODE;

class UsageError extends Error {}

/**
 * Exit codes (contract): 0 the batch ran; 1 a finding at or above --fail-on; 2 the command could not
 * run; 130 (SIGINT) or 143 (SIGTERM) when interrupted, with the previous outputs left as they were.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (command !== 'run') {
    const asksForHelp = command === undefined || command === '--help' || command === '-h';
    process.stderr.write(asksForHelp ? USAGE : `Lệnh không hợp lệ: ${command}\n\n${USAGE}`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }

  let options: RunOptions;
  try {
    options = await parseRunOptions(rest);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TypeError) && !(error instanceof BaselineError)) throw error;
    process.stderr.write(error instanceof BaselineError ? `solieu: ${error.message}\n` : `solieu: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    await checkOutDir(options.outDir, options.inputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`solieu: ${error.message}\n`);
    return 2;
  }

  // Two runs into one folder would overwrite each other's outputs: the second is refused.
  let lock: OutputLock;
  try {
    lock = await lockOutputDir(options.outDir);
  } catch (error) {
    if (!(error instanceof OutputLockedError)) throw error;
    process.stderr.write(`solieu: ${error.message}\n`);
    return 2;
  }
  try {
    return await runLocked(options);
  } finally {
    await lock.release();
  }
}

async function runLocked(options: RunOptions): Promise<number> {
  const controller = new AbortController();
  let interruptedBy: InterruptSignal | undefined;
  const onSignal = (signal: InterruptSignal) => {
    if (interruptedBy) process.exit(INTERRUPT_EXIT_CODE[signal]); // a second Ctrl+C means now
    interruptedBy = signal;
    controller.abort();
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);

  const progress = new ProgressReporter((text) => process.stderr.write(text), {
    tty: process.stderr.isTTY === true,
    columns: process.stderr.columns,
  });
  let summary;
  try {
    summary = await runBatch({
      inputs: options.inputs,
      outDir: options.outDir,
      jobs: options.jobs,
      timeoutSeconds: options.timeoutSeconds,
      maxMemoryMb: options.maxMemoryMb,
      cache: options.cache,
      ocr: options.ocr,
      checks: options.checks,
      limits: options.limits,
      baseline: options.baseline,
      // The CLI needs only the counts: results stream to disk and the batch is not held in memory.
      retainDocuments: false,
      signal: controller.signal,
      onEvent: progress.onEvent,
    });
  } catch (error) {
    progress.finish();
    if (interruptedBy || error instanceof BatchInterruptedError) {
      process.stderr.write(`solieu: đã dừng theo yêu cầu; không ghi kết quả nào, các tệp cũ trong ${options.outDir} được giữ nguyên.\n`);
      return INTERRUPT_EXIT_CODE[interruptedBy ?? 'SIGINT'];
    }
    const hint = error instanceof PoolStartupError ? ' (có thể --max-memory-mb quá nhỏ, hoặc bản cài đặt bị hỏng)' : '';
    process.stderr.write(`solieu: không chạy được: ${(error as Error).message}${hint}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
  progress.finish();
  process.stderr.write(formatSummary(summary.stats, options.outDir));

  if (options.failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[options.failOn];
  const failing = (Object.keys(SEVERITY_RANK) as Severity[]).some((severity) => SEVERITY_RANK[severity] >= threshold && summary.bySeverity[severity] > 0);
  return failing ? 1 : 0;
}

interface RunOptions {
  inputs: string[];
  outDir: string;
  jobs: number;
  timeoutSeconds: number;
  maxMemoryMb: number;
  cache: boolean;
  failOn: 'none' | Severity;
  ocr: { mode: OcrMode; maxPages: number };
  checks: CheckConfig;
  limits: Partial<IngestLimits>;
  /** The review.json given with --baseline, already validated. */
  baseline?: Review;
}

async function parseRunOptions(args: string[]): Promise<RunOptions> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'out' },
      jobs: { type: 'string' },
      baseline: { type: 'string' },
      'fail-on': { type: 'string', default: 'none' },
      'no-cache': { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'max-memory-mb': { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      'ocr-max-pages': { type: 'string' },
      config: { type: 'string' },
      'max-file-mb': { type: 'string' },
      'max-pages': { type: 'string' },
      'max-unzipped-mb': { type: 'string' },
      rule: { type: 'string', multiple: true, default: [] },
    },
  });
  const ocrMode = values.ocr as OcrMode;
  if (!OCR_MODES.includes(ocrMode)) throw new UsageError(`--ocr phải là off, auto hoặc force (nhận được "${values.ocr}").`);
  const failOn = values['fail-on'];
  if (failOn !== 'none' && failOn !== 'warning' && failOn !== 'error') {
    throw new UsageError(`--fail-on phải là none, warning hoặc error (nhận được "${failOn}").`);
  }
  if (positionals.length === 0) throw new UsageError('thiếu tệp hoặc thư mục đầu vào.');
  for (const input of positionals) {
    if (!(await stat(input).catch(() => undefined))) throw new UsageError(`không tìm thấy tệp hoặc thư mục "${input}".`);
  }
  if (values.out === '') throw new UsageError('--out không được để trống.');
  return {
    inputs: positionals,
    outDir: values.out,
    jobs: values.jobs === undefined ? availableParallelism() : positiveInteger('--jobs', values.jobs),
    timeoutSeconds: values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : positiveSeconds('--timeout', values.timeout),
    maxMemoryMb: values['max-memory-mb'] === undefined ? DEFAULT_MAX_MEMORY_MB : positiveInteger('--max-memory-mb', values['max-memory-mb']),
    cache: !values['no-cache'],
    failOn,
    ocr: {
      mode: ocrMode,
      maxPages: values['ocr-max-pages'] === undefined ? DEFAULT_OCR_MAX_PAGES : positiveInteger('--ocr-max-pages', values['ocr-max-pages']),
    },
    checks: checkConfiguration(values.config, values.rule),
    limits: {
      ...(values['max-file-mb'] !== undefined ? { maxFileMb: positiveInteger('--max-file-mb', values['max-file-mb']) } : {}),
      ...(values['max-pages'] !== undefined ? { maxPages: positiveInteger('--max-pages', values['max-pages']) } : {}),
      ...(values['max-unzipped-mb'] !== undefined ? { maxUnzippedMb: positiveInteger('--max-unzipped-mb', values['max-unzipped-mb']) } : {}),
    },
    ...(values.baseline !== undefined ? { baseline: await readReview(values.baseline) } : {}),
  };
}

/** `solieu.config.json` (or `--config FILE`), then each `--rule id=severity|off`; a bad setting is a usage error. */
function checkConfiguration(file: string | undefined, rules: readonly string[]): CheckConfig {
  const ids = CHECK_RULES.map((rule) => rule.meta.id);
  try {
    return withRuleOverrides(loadCheckConfig(file, ids), rules, ids);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function positiveInteger(option: string, text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${option} phải là số nguyên dương (nhận được "${text}").`);
  return value;
}

function positiveSeconds(option: string, text: string): number {
  const value = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} phải là số giây lớn hơn 0, ví dụ 120 hoặc 0.5 (nhận được "${text}").`);
  return value;
}

/**
 * Refuses an output folder the run cannot or must not write, before any file is parsed: a typo
 * should cost a second, not an hour of parsing followed by a failed write.
 */
async function checkOutDir(outDir: string, inputs: readonly string[]): Promise<void> {
  const info = await stat(outDir).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(`--out phải là một thư mục, nhưng "${outDir}" là một tệp.`);
  const outReal = info ? await realpath(outDir) : resolve(outDir);
  for (const input of inputs) {
    // The walk skips the output folder so that a run never reads its own CSVs; if the output folder
    // were the input folder itself, nothing would be left to read.
    if ((await stat(input)).isDirectory() && (await realpath(input)) === outReal) {
      throw new UsageError(`--out không được trùng với thư mục đầu vào "${input}"; hãy chọn thư mục khác, ví dụ "${join(input, 'out')}".`);
    }
  }
  const probe = join(outDir, `.solieu-write-check-${process.pid}`);
  try {
    await mkdir(outDir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    throw new UsageError(`không ghi được vào thư mục kết quả "${outDir}" (${code}).`);
  }
}
