import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine, UsageError } from '../src/cli-args.ts';

/**
 * Command-line conventions: help asked for goes to stdout with exit 0; a mistake is answered on stderr, in
 * Vietnamese, naming the option and the value, with exit 2 — never node:util's English.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-cli-help-'));
  await writeFile(join(work, 'a.txt'), 'Toàn xã có 12 thôn.\n');
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

function cli(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Words node:util's parseArgs and zod would print. */
const ENGLISH = /\b(Unknown|option|argument|ambiguous|Invalid|expected|received|Usage)\b/u;

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']], [['run', '--help']], [['run', '-h']], [['run', 'a.txt', '--jobs', 'hai', '--help']]])(
    '%j prints the usage to stdout and exits 0',
    (args) => {
      const run = cli(args);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^solieu \S+ — /u);
      for (const option of ['--out', '--jobs', '--baseline', '--fail-on', '--no-cache', '--timeout', '--max-memory-mb', '--ocr ', '--ocr-max-pages',
        '--config', '--rule', '--max-file-mb', '--max-pages', '--max-unzipped-mb', '--format', '--quiet', '--help']) {
        expect(run.stdout, option).toContain(option);
      }
    },
  );

  it('--version prints the version to stdout', () => {
    const run = cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });
});

describe('mistakes: exit 2, Vietnamese, the option and the value named, nothing written', () => {
  it.each([
    [['run', 'a.txt', '--bogus'], /tùy chọn không hợp lệ: "--bogus"/u],
    [['run', 'a.txt', '--timout', '5'], /"--timout" \(có phải là --timeout\?\)/u],
    [['run', 'a.txt', '-x'], /tùy chọn không hợp lệ: "-x"/u],
    [['run', 'a.txt', '--jobs', '-1'], /--jobs phải là số nguyên dương.*"-1"/u],
    [['run', 'a.txt', '--jobs', 'hai'], /--jobs phải là số nguyên dương.*"hai"/u],
    [['run', 'a.txt', '--jobs=0'], /--jobs .*"0"/u],
    [['run', 'a.txt', '--timeout', '-3'], /--timeout phải là số giây lớn hơn 0.*"-3"/u],
    [['run', 'a.txt', '--timeout', 'abc'], /--timeout .*"abc"/u],
    [['run', 'a.txt', '--max-memory-mb', '1e3'], /--max-memory-mb .*"1e3"/u],
    [['run', 'a.txt', '--max-file-mb', '0'], /--max-file-mb .*"0"/u],
    [['run', 'a.txt', '--max-pages', 'x'], /--max-pages .*"x"/u],
    [['run', 'a.txt', '--max-unzipped-mb', ''], /--max-unzipped-mb .*""/u],
    [['run', 'a.txt', '--ocr-max-pages', '2.5'], /--ocr-max-pages .*"2.5"/u],
    [['run', 'a.txt', '--ocr', 'sometimes'], /--ocr phải là off, auto hoặc force \(nhận được "sometimes"\)/u],
    [['run', 'a.txt', '--fail-on', 'fatal'], /--fail-on phải là none, warning hoặc error \(nhận được "fatal"\)/u],
    [['run', 'a.txt', '--format', 'xml'], /--format phải là none, json hoặc sarif \(nhận được "xml"\)/u],
    [['run', 'a.txt', '--no-cache=yes'], /--no-cache không nhận giá trị \(nhận được "yes"\)/u],
    [['run', 'a.txt', '--jobs'], /thiếu giá trị cho tùy chọn --jobs/u],
    [['run', 'a.txt', '--out', '--jobs', '2'], /thiếu giá trị cho tùy chọn --out \(ngay sau nó là "--jobs"\)/u],
    [['run', 'a.txt', '--rule', 'foo'], /--rule .*"foo"/u],
    [['run', 'a.txt', '--rule', 'no-such-check=off'], /no-such-check/u],
    [['run', 'a.txt', '--config', 'none.json'], /Không đọc được tệp cấu hình "none.json" \(ENOENT\)/u],
    [['run', 'không có.txt'], /không tìm thấy tệp hoặc thư mục "không có.txt"/u],
    [['run'], /thiếu tệp hoặc thư mục đầu vào/u],
    [['chạy', 'a.txt'], /lệnh không hợp lệ: "chạy"/u],
  ])('%j', (args, message) => {
    const run = cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    // Check ids are English words joined by dashes ("ambiguous-number"); they are names, not prose.
    expect(run.stderr.replace(/[a-z]+(?:-[a-z]+)+/gu, '')).not.toMatch(ENGLISH);
  });

  it('wrote nothing for any of them', async () => {
    expect((await readdir(work)).sort()).toEqual(['a.txt']);
  });

  it('a bad config file is answered in Vietnamese, zod messages included', async () => {
    await writeFile(join(work, 'bad-config.json'), JSON.stringify({ rules: { 'ratio-mismatch': 1 } }));
    const run = cli(['run', 'a.txt', '--config', 'bad-config.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/bad-config.json không hợp lệ: rules.ratio-mismatch/u);
    expect(run.stderr).not.toMatch(ENGLISH);
    await rm(join(work, 'bad-config.json'));
  });
});

describe('parseCommandLine', () => {
  const specs = { out: { type: 'string' }, rule: { type: 'string', multiple: true }, quiet: { type: 'boolean', short: 'q' } } as const;

  it('reads --name value, --name=value, short aliases, repeated options and --', () => {
    expect(parseCommandLine(['a', '--out', 'x', '--rule=r1', '-q', '--rule', 'r2', 'b', '--', '--out', '-q'], specs)).toEqual({
      values: { out: 'x', rule: ['r1', 'r2'], quiet: true },
      positionals: ['a', 'b', '--out', '-q'],
    });
  });

  it('takes a value that begins with a dash (a negative number is a bad value, not a missing one)', () => {
    expect(parseCommandLine(['--out', '-5'], specs).values.out).toBe('-5');
    expect(parseCommandLine(['-5'], specs).positionals).toEqual(['-5']);
  });

  it('throws UsageError for what it cannot read', () => {
    expect(() => parseCommandLine(['--nope'], specs)).toThrow(UsageError);
    expect(() => parseCommandLine(['--quiet=1'], specs)).toThrow(/không nhận giá trị/u);
    expect(() => parseCommandLine(['--out'], specs)).toThrow(/thiếu giá trị/u);
  });
});
