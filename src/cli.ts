import { parseArgs } from 'node:util';
import { runBatch } from './batch/run.ts';
import { TOOL_VERSION } from './version.ts';
import type { Severity } from './model/index.ts';

const USAGE = `solieu ${TOOL_VERSION} — đọc báo cáo Đề án 06, trích số liệu và chỉ ra số liệu mâu thuẫn

Cách dùng:
  solieu run <tệp-hoặc-thư-mục>... [--out DIR] [--jobs N] [--baseline FILE] [--fail-on none|warning|error] [--no-cache]
`;

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Exit codes (contract): 0 the batch ran; 1 a finding at or above --fail-on; 2 the command could not run. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  if (command !== 'run') {
    process.stderr.write(command === undefined || command === '--help' || command === '-h' ? USAGE : `Lệnh không hợp lệ: ${command}\n\n${USAGE}`);
    return command === '--help' || command === '-h' ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'out' },
        jobs: { type: 'string' },
        baseline: { type: 'string' },
        'fail-on': { type: 'string', default: 'none' },
        'no-cache': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const failOn = values['fail-on'];
  if (failOn !== 'none' && failOn !== 'warning' && failOn !== 'error') {
    process.stderr.write(`--fail-on phải là none, warning hoặc error (nhận được "${failOn}")\n`);
    return 2;
  }
  if (positionals.length === 0) {
    process.stderr.write(`Thiếu tệp hoặc thư mục đầu vào.\n\n${USAGE}`);
    return 2;
  }
  let summary;
  try {
    summary = await runBatch({ inputs: positionals, outDir: values.out });
  } catch (error) {
    process.stderr.write(`Không chạy được: ${(error as Error).message}\n`);
    return 2;
  }
  const byStatus = new Map<string, number>();
  for (const document of summary.documents) byStatus.set(document.status, (byStatus.get(document.status) ?? 0) + 1);
  process.stderr.write(
    `${summary.documents.length} tệp: ${[...byStatus].map(([status, count]) => `${status} ${count}`).join(', ')}; ` +
      `phát hiện: lỗi ${summary.bySeverity.error}, cảnh báo ${summary.bySeverity.warning}, thông tin ${summary.bySeverity.info}. ` +
      `Kết quả trong ${values.out}/\n`,
  );
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn];
  const failing = summary.documents.some((document) => document.findings.some((finding) => SEVERITY_RANK[finding.severity] >= threshold));
  return failing ? 1 : 0;
}
