import { mkdir, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { BatchInterruptedError, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_SECONDS, OutputSpaceError, OutputWriteError, runBatch } from './batch/run.ts';
import { PublishError } from './report/publish.ts';
import { BaselineError, readReview, type Review } from './batch/baseline.ts';
import { PoolStartupError } from './batch/pool.ts';
import { OutputLockedError } from './batch/lock.ts';
import { formatSummary, ProgressReporter } from './batch/progress.ts';
import { TOOL_VERSION } from './version.ts';
import { DEFAULT_OCR_MAX_PAGES, OCR_MODES, type OcrMode } from './ingest/ocr-options.ts';
import type { Severity } from './model/index.ts';
import { CHECK_RULES, type CheckConfig } from './check/index.ts';
import { BATCH_CHECK_RULES } from './province/index.ts';
import { ConfigError, loadCheckConfig, withRuleOverrides } from './check/config.ts';
import { DEFAULT_LIMITS, type IngestLimits } from './ingest/limits.ts';
import { oneOf, parseCommandLine, positiveInteger, positiveSeconds, UsageError, type OptionSpecs } from './cli-args.ts';

const USAGE = `solieu ${TOOL_VERSION} — đọc báo cáo Đề án 06, trích số liệu và chỉ ra số liệu mâu thuẫn

Cách dùng:
  solieu run <tệp-hoặc-thư-mục>... [tùy chọn]
  solieu --help | run --help         in hướng dẫn này
  solieu --version                   in số phiên bản

Kết quả (trong thư mục --out):
  --out DIR            thư mục kết quả (mặc định out/); bộ nhớ đệm nằm trong DIR/.cache/
  --baseline FILE      tệp review.json xuất từ report.html: phát hiện đã "bỏ qua" không còn trong findings.csv
                       (đếm ở cột suppressed của reports.csv, vẫn xem được trong results.json)
  --fail-on MỨC        trả mã 1 khi có phát hiện từ mức này trở lên: none (mặc định), warning, error
  --no-cache           không dùng và không ghi bộ nhớ đệm

Đọc tệp:
  --jobs N             số luồng đọc tệp song song (mặc định: số nhân CPU, ở máy này ${availableParallelism()})
  --timeout GIÂY       thời gian tối đa cho một tệp (mặc định ${DEFAULT_TIMEOUT_SECONDS})
  --max-memory-mb MB   bộ nhớ tối đa của một luồng đọc tệp (mặc định ${DEFAULT_MAX_MEMORY_MB})
  --max-file-mb MB     cỡ tối đa của một tệp (mặc định ${DEFAULT_LIMITS.maxFileMb})
  --max-pages N        số trang tối đa của một tệp PDF (mặc định ${DEFAULT_LIMITS.maxPages})
  --max-unzipped-mb MB dung lượng giải nén tối đa của một tệp DOCX (mặc định ${DEFAULT_LIMITS.maxUnzippedMb})
  --ocr CHẾ_ĐỘ         nhận dạng chữ (OCR) trang PDF quét: auto (mặc định: trang không có lớp chữ),
                       force (mọi trang), off (không OCR; trang quét được báo ingest.needs-ocr)
  --ocr-max-pages N    số trang OCR tối đa cho một tệp (mặc định ${DEFAULT_OCR_MAX_PAGES}); trang còn lại được báo

Đầu ra cho chương trình khác (tiến độ vẫn ở stderr; các tệp trong --out vẫn được ghi như thường):
  --format DẠNG        none (mặc định: stdout trống), json (in results.json ra stdout),
                       sarif (in nhật ký SARIF 2.1.0 của các phát hiện ra stdout, cho CI/code scanning)
  -q, --quiet          không in tiến độ và tóm tắt, chỉ in lỗi

Phép kiểm tra:
  --config FILE        tệp cấu hình mức độ các phép kiểm tra (mặc định solieu.config.json nếu có), ví dụ
                       {"rules": {"ratio-mismatch": "warning", "ambiguous-number": "off"}}
  --rule MÃ=MỨC        đổi mức độ một phép kiểm tra: error, warning, info hoặc off (lặp lại được)

  -h, --help           in hướng dẫn này

Mã thoát: 0 chạy xong; 1 có phát hiện từ mức --fail-on trở lên; 2 không chạy được (tham số sai,
không ghi được kết quả, ổ đĩa đầy, thư mục kết quả đang có lần chạy khác dùng); 129/130/143 bị dừng bằng
SIGHUP/Ctrl+C/SIGTERM. Khi không chạy xong, bộ kết quả cũ được giữ nguyên.
`;

const MORE_HELP = 'Xem "solieu run --help" để biết cách dùng.\n';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** 128 + the signal number, as shells report a process ended by that signal. */
const INTERRUPT_EXIT_CODE = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODE;

/**
 * Exit codes (contract): 0 the batch ran; 1 a finding at or above --fail-on; 2 the command could not
 * run; 130 (SIGINT) or 143 (SIGTERM) when interrupted, with the previous outputs left as they were.
 */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === '-V') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  // Asked for, help is the answer: stdout, exit 0. Given after a mistake, it is on stderr with exit 2.
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command !== 'run') {
    process.stderr.write(command === undefined ? USAGE : `solieu: lệnh không hợp lệ: "${command}"; lệnh duy nhất là "run".\n${MORE_HELP}`);
    return 2;
  }
  if (asksForHelp(rest)) {
    process.stdout.write(USAGE);
    return 0;
  }

  let options: RunOptions;
  try {
    options = await parseRunOptions(rest);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof BaselineError)) throw error;
    process.stderr.write(error instanceof BaselineError ? `solieu: ${error.message}\n` : `solieu: ${error.message}\n${MORE_HELP}`);
    return 2;
  }
  try {
    await checkOutDir(options.outDir, options.inputs);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`solieu: ${error.message}\n`);
    return 2;
  }

  return run(options);
}

async function run(options: RunOptions): Promise<number> {
  const controller = new AbortController();
  let interruptedBy: InterruptSignal | undefined;
  const onSignal = (signal: InterruptSignal) => {
    if (interruptedBy) process.exit(INTERRUPT_EXIT_CODE[signal]); // a second Ctrl+C means now
    interruptedBy = signal;
    controller.abort();
  };
  const onSigint = () => onSignal('SIGINT');
  const onSigterm = () => onSignal('SIGTERM');
  // A closed terminal or an ssh session that drops: stop like SIGTERM, leaving nothing half-done behind.
  const onSighup = () => onSignal('SIGHUP');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  process.on('SIGHUP', onSighup);

  const progress = new ProgressReporter(options.quiet ? () => {} : (text) => process.stderr.write(text), {
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
      ...(options.format !== 'none' ? { print: { format: options.format, stream: process.stdout } } : {}),
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
    // These say in Vietnamese what happened and what to do; the previous outputs are intact.
    if (error instanceof OutputLockedError || error instanceof PublishError || error instanceof OutputWriteError || error instanceof OutputSpaceError) {
      process.stderr.write(`solieu: ${error.message}\n`);
      return 2;
    }
    const hint = error instanceof PoolStartupError ? ' (có thể --max-memory-mb quá nhỏ, hoặc bản cài đặt bị hỏng)' : '';
    process.stderr.write(`solieu: không chạy được: ${(error as Error).message}${hint}\n`);
    return 2;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    process.off('SIGHUP', onSighup);
  }
  progress.finish();
  if (!options.quiet) process.stderr.write(formatSummary(summary.stats, options.outDir));

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
  /** `--format`: what goes to stdout once the outputs are published (nothing, results.json, or SARIF). */
  format: (typeof OUTPUT_FORMATS)[number];
  /** `--quiet`: no progress and no summary on stderr, only errors. */
  quiet: boolean;
  checks: CheckConfig;
  limits: Partial<IngestLimits>;
  /** The review.json given with --baseline, already validated. */
  baseline?: Review;
}

const RUN_OPTIONS: OptionSpecs = {
  out: { type: 'string' },
  jobs: { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  'no-cache': { type: 'boolean' },
  timeout: { type: 'string' },
  'max-memory-mb': { type: 'string' },
  ocr: { type: 'string' },
  'ocr-max-pages': { type: 'string' },
  config: { type: 'string' },
  'max-file-mb': { type: 'string' },
  'max-pages': { type: 'string' },
  'max-unzipped-mb': { type: 'string' },
  rule: { type: 'string', multiple: true },
  format: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
};

export const OUTPUT_FORMATS = ['none', 'json', 'sarif'] as const;

/** `--help` or `-h` anywhere before `--`: help wins over every other argument, right or wrong. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

async function parseRunOptions(args: string[]): Promise<RunOptions> {
  const { values, positionals } = parseCommandLine(args, RUN_OPTIONS);
  const text = (name: string): string | undefined => values[name] as string | undefined;
  const ocrMode = oneOf('--ocr', text('ocr') ?? 'auto', OCR_MODES);
  const format = oneOf('--format', text('format') ?? 'none', OUTPUT_FORMATS);
  const failOn = oneOf('--fail-on', text('fail-on') ?? 'none', ['none', 'warning', 'error'] as const);
  const jobs = text('jobs') === undefined ? availableParallelism() : positiveInteger('--jobs', text('jobs')!);
  const timeoutSeconds = text('timeout') === undefined ? DEFAULT_TIMEOUT_SECONDS : positiveSeconds('--timeout', text('timeout')!);
  const maxMemoryMb = text('max-memory-mb') === undefined ? DEFAULT_MAX_MEMORY_MB : positiveInteger('--max-memory-mb', text('max-memory-mb')!);
  const ocrMaxPages = text('ocr-max-pages') === undefined ? DEFAULT_OCR_MAX_PAGES : positiveInteger('--ocr-max-pages', text('ocr-max-pages')!);
  const limits: Partial<IngestLimits> = {};
  if (text('max-file-mb') !== undefined) limits.maxFileMb = positiveInteger('--max-file-mb', text('max-file-mb')!);
  if (text('max-pages') !== undefined) limits.maxPages = positiveInteger('--max-pages', text('max-pages')!);
  if (text('max-unzipped-mb') !== undefined) limits.maxUnzippedMb = positiveInteger('--max-unzipped-mb', text('max-unzipped-mb')!);
  const outDir = text('out') ?? 'out';
  if (outDir === '') throw new UsageError('--out không được để trống (nhận được "").');
  if (positionals.length === 0) throw new UsageError('thiếu tệp hoặc thư mục đầu vào, ví dụ: solieu run bao-cao/');
  for (const input of positionals) {
    if (!(await stat(input).catch(() => undefined))) throw new UsageError(`không tìm thấy tệp hoặc thư mục "${input}".`);
  }
  const checks = checkConfiguration(text('config'), (values.rule as string[] | undefined) ?? []);
  const baseline = text('baseline');
  return {
    inputs: positionals,
    outDir,
    jobs,
    timeoutSeconds,
    maxMemoryMb,
    cache: values['no-cache'] !== true,
    failOn,
    ocr: { mode: ocrMode, maxPages: ocrMaxPages },
    format,
    quiet: values.quiet === true,
    checks,
    limits,
    ...(baseline !== undefined ? { baseline: await readReview(baseline) } : {}),
  };
}

/** `solieu.config.json` (or `--config FILE`), then each `--rule id=severity|off`; a bad setting is a usage error. */
function checkConfiguration(file: string | undefined, rules: readonly string[]): CheckConfig {
  const ids = [...CHECK_RULES, ...BATCH_CHECK_RULES].map((rule) => rule.meta.id);
  try {
    return withRuleOverrides(loadCheckConfig(file, ids), rules, ids);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
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
