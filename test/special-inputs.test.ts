import { spawn, spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/run.ts';
import { displayName, listInputs } from '../src/batch/walk.ts';
import { processBytes } from '../src/pipeline/index.ts';
import type { DocumentResult } from '../src/model/index.ts';
import { readCsvRecords } from './support/read-csv.ts';
// @ts-expect-error plain JavaScript module without types
import { builtEntry } from '../bin/build.mjs';

/**
 * Inputs that are not plain report files: FIFOs, sockets, links to devices, folders that cannot be
 * listed, names that are not UTF-8, and word-processor formats told apart by their bytes. Each gets
 * exactly one row and a Vietnamese finding; none of them stops the batch or keeps the process alive.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
const isRoot = process.getuid?.() === 0;
const canMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

let work: string;
let server: Server | undefined;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-special-'));
});
afterAll(async () => {
  server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

function runCli(args: string[], options: { asNobody?: boolean; timeoutMs?: number } = {}): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  const command = options.asNobody ? 'setpriv' : process.execPath;
  const prefix = options.asNobody ? ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath] : [];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, [...prefix, CLI, ...args], { cwd: work, env: { ...process.env, SOLIEU_TEST_HOOKS: '' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, timedOut });
    });
  });
}

async function reportsOf(outDir: string): Promise<Array<Record<string, string>>> {
  return readCsvRecords((await readFile(join(outDir, 'reports.csv'), 'utf8')).replace(/^\uFEFF/u, ''));
}
async function findingsOf(outDir: string): Promise<Array<Record<string, string>>> {
  return readCsvRecords((await readFile(join(outDir, 'findings.csv'), 'utf8')).replace(/^\uFEFF/u, ''));
}

describe.skipIf(!canMkfifo)('FIFOs, sockets and links to devices are listed, never opened', () => {
  let inbox: string;
  beforeAll(async () => {
    inbox = join(work, 'inbox');
    await mkdir(inbox);
    await writeFile(join(inbox, 'a.txt'), 'Toàn xã có 12 thôn.\n');
    expect(spawnSync('mkfifo', [join(inbox, 'đường ống.txt')]).status).toBe(0);
    expect(spawnSync('mkfifo', [join(work, 'named.pdf')]).status).toBe(0);
    await symlink('/dev/zero', join(inbox, 'zero.pdf'));
    await symlink('/dev/urandom', join(inbox, 'urandom.docx'));
    server = createServer();
    await new Promise<void>((done) => server!.listen(join(inbox, 'socket.txt'), done));
  });

  it('each gets a skipped row with a finding that says what it is; the command exits', async () => {
    const run = await runCli(['run', 'inbox', join(work, 'named.pdf'), '--out', 'out-special', '--no-cache', '--jobs', '2', '--timeout', '30']);
    expect(run.timedOut, run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    const reports = await reportsOf(join(work, 'out-special'));
    expect(reports.map((row) => [row.file, row.status])).toEqual([
      ['a.txt', 'ok'],
      ['socket.txt', 'skipped'],
      ['urandom.docx', 'skipped'],
      ['zero.pdf', 'skipped'],
      ['đường ống.txt', 'skipped'],
      ['named.pdf', 'skipped'],
    ]);
    const findings = await findingsOf(join(work, 'out-special'));
    const say = (file: string) => findings.filter((finding) => finding.file === file).map((finding) => `${finding.rule}: ${finding.message}`).join('\n');
    expect(say('đường ống.txt')).toMatch(/^ingest\.skipped: Đây không phải tệp thông thường mà là một đường ống \(FIFO\)/u);
    expect(say('named.pdf')).toMatch(/đường ống \(FIFO\)/u);
    expect(say('zero.pdf')).toMatch(/liên kết tới một thiết bị \(như \/dev\/zero/u);
    expect(say('urandom.docx')).toMatch(/liên kết tới một thiết bị/u);
    expect(say('socket.txt')).toMatch(/một socket/u);
  }, 120_000);

  it('a FIFO swapped in after the walk is still not opened (the worker checks what it opened)', async () => {
    const fifo = join(work, 'late.txt');
    spawnSync('mkfifo', [fifo]);
    const { openRegularFile, NotRegularFileError } = await import('../src/batch/open-regular.ts');
    await expect(openRegularFile(fifo)).rejects.toBeInstanceOf(NotRegularFileError);
  });
});

describe('a folder that cannot be listed', () => {
  const asNobody = isRoot;
  // As `nobody`, the command must still reach the checkout: a clone inside a private folder (`mktemp -d` makes 0700)
  // cannot be run by another user at all, which says nothing of how a locked folder is reported.
  const canDropPrivileges =
    !isRoot || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', '--', process.execPath, '-e', `require('node:fs').accessSync(${JSON.stringify(CLI)})`]).status === 0;

  it.skipIf(!canDropPrivileges || process.platform === 'win32')('becomes a failed row with a finding; the rest of the batch is read', async () => {
    const inbox = join(work, 'locked-inbox');
    await mkdir(join(inbox, 'khóa'), { recursive: true });
    await writeFile(join(inbox, 'khóa/bí mật.txt'), 'Toàn xã có 12 thôn.\n');
    await writeFile(join(inbox, 'mở.txt'), 'Toàn xã có 15 xóm.\n');
    await chmod(join(inbox, 'khóa'), 0o000);
    const out = join(work, 'out-locked');
    await mkdir(out);
    if (asNobody) {
      // root reads any folder: the command runs as `nobody`, for whom 000 means no.
      await builtEntry('cli');
      for (const path of [work, inbox]) await chmod(path, 0o755);
      await chmod(out, 0o777);
      await chmod(join(inbox, 'mở.txt'), 0o644);
    }
    try {
      const run = await runCli(['run', inbox, '--out', out, '--no-cache', '--jobs', '1'], { asNobody });
      expect(run.code, run.stderr).toBe(0);
      const reports = await reportsOf(out);
      expect(reports.map((row) => [row.file, row.status])).toEqual([
        ['khóa/', 'failed'],
        ['mở.txt', 'ok'],
      ]);
      const finding = (await findingsOf(out)).find((row) => row.file === 'khóa/')!;
      expect(finding.rule).toBe('ingest.failed');
      expect(finding.message).toMatch(/^Không mở được thư mục này \(EACCES\).*quyền truy cập/u);
      expect(run.stderr).toMatch(/không đọc được 1 tệp: "khóa\/"/u);
    } finally {
      await chmod(join(inbox, 'khóa'), 0o755);
    }
  }, 120_000);
});

describe('names that are not UTF-8', () => {
  it('are read by their bytes and shown with \\xNN for each byte that is not UTF-8', async () => {
    const inbox = join(work, 'latin');
    await mkdir(inbox);
    // "báo cáo.txt" in Windows-1258/Latin-1: á is 0xE1, not valid UTF-8 on its own.
    const name = Buffer.concat([Buffer.from(`${inbox}/b`), Buffer.from([0xe1]), Buffer.from('o c'), Buffer.from([0xe1]), Buffer.from('o.txt')]);
    await writeFile(name, 'Toàn xã có 12 thôn.\n');
    await writeFile(join(inbox, 'đúng.txt'), 'Toàn xã có 15 xóm.\n');
    const inputs = await listInputs([inbox]);
    expect(inputs.map((input) => input.displayPath)).toEqual(['b\\xE1o c\\xE1o.txt', 'đúng.txt']);
    const summary = await runBatch({ inputs: [inbox], outDir: join(work, 'out-latin'), jobs: 1, cache: true });
    expect(summary.documents.map((document) => [document.file, document.status])).toEqual([
      ['b\\xE1o c\\xE1o.txt', 'ok'],
      ['đúng.txt', 'ok'],
    ]);
    expect(summary.documents[0]!.figures.map((figure) => figure.value)).toEqual([12]);
    // Served from the cache the second time: hashing opens the file by its bytes too.
    const again = await runBatch({ inputs: [inbox], outDir: join(work, 'out-latin'), jobs: 1, cache: true });
    expect(again.stats.cacheHits).toBe(2);
    expect((await readFile(join(work, 'out-latin/reports.csv'), 'utf8'))).toContain('b\\xE1o c\\xE1o.txt');
  });

  it('displayName keeps UTF-8 and escapes the rest', () => {
    expect(displayName(Buffer.from('Báo cáo.pdf'))).toBe('Báo cáo.pdf');
    expect(displayName(Buffer.from([0x61, 0xff, 0xc3, 0xa1, 0xe1, 0x80]))).toBe('a\\xFFá\\xE1\\x80');
  });
});

describe('.doc, .rtf and .odt are told apart by their bytes', () => {
  const dataDocx = join(root, 'test/data/docx');
  let results: Map<string, DocumentResult>;

  beforeAll(async () => {
    const inbox = join(work, 'formats');
    await mkdir(inbox);
    await copyFile(join(root, 'fixtures/reports/seed-000.docx'), join(inbox, 'thật ra là docx.doc'));
    await copyFile(join(root, 'fixtures/reports/seed-003.pdf'), join(inbox, 'thật ra là pdf.doc'));
    await copyFile(join(dataDocx, 'word97-renamed.docx'), join(inbox, 'word 97.doc'));
    await copyFile(join(dataDocx, 'word97-renamed.docx'), join(inbox, 'word 97 đổi tên.docx'));
    await copyFile(join(dataDocx, 'rtf-renamed.docx'), join(inbox, 'văn bản.rtf'));
    await copyFile(join(dataDocx, 'rtf-renamed.docx'), join(inbox, 'rtf đặt tên doc.doc'));
    const odt = new JSZip();
    odt.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
    odt.file('content.xml', '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>');
    await writeFile(join(inbox, 'libreoffice.odt'), await odt.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    await writeFile(join(inbox, 'trang web.doc'), '<html xmlns:w="urn:schemas-microsoft-com:office:word"><body>Báo cáo</body></html>');
    await writeFile(join(inbox, 'lạ.doc'), Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe]));
    await writeFile(join(inbox, 'bảng tính.xlsx'), 'PK\u0003\u0004');
    await writeFile(join(inbox, 'không đuôi'), 'Toàn xã có 12 thôn.');
    const summary = await runBatch({ inputs: [inbox], outDir: join(work, 'out-formats'), jobs: 2, cache: false, ocr: { mode: 'off' } });
    results = new Map(summary.documents.map((document) => [document.file, document]));
  }, 120_000);

  const expectations: Array<[file: string, status: DocumentResult['status'], rule: string, says: RegExp]> = [
    ['thật ra là docx.doc', 'ok', 'ingest.format-mismatch', /đuôi "\.doc" nhưng nội dung là văn bản Word \(DOCX\)/u],
    ['thật ra là pdf.doc', 'ok', 'ingest.format-mismatch', /nội dung là PDF/u],
    ['word 97.doc', 'skipped', 'ingest.unsupported-format', /^Tệp là văn bản Word 97–2003 \(\.doc\).*Lưu thành \(Save As\) > Tài liệu Word \(\*\.docx\).*PDF/u],
    ['word 97 đổi tên.docx', 'skipped', 'ingest.unsupported-format', /^Tệp có đuôi "\.docx" nhưng là văn bản Word 97–2003/u],
    ['văn bản.rtf', 'skipped', 'ingest.unsupported-format', /^Tệp là văn bản RTF.*\.docx/u],
    ['rtf đặt tên doc.doc', 'skipped', 'ingest.unsupported-format', /^Tệp là văn bản RTF/u],
    ['libreoffice.odt', 'skipped', 'ingest.unsupported-format', /OpenDocument \(\.odt.*LibreOffice Writer.*Word 2007–365 \(\.docx\)/u],
    ['trang web.doc', 'skipped', 'ingest.unsupported-format', /trang web \(HTML\)/u],
    ['lạ.doc', 'skipped', 'ingest.unsupported-format', /không phải văn bản Word, RTF hay OpenDocument/u],
    ['bảng tính.xlsx', 'skipped', 'ingest.skipped', /"\.xlsx" không phải định dạng báo cáo.*\.docx hoặc xuất PDF/u],
    ['không đuôi', 'skipped', 'ingest.skipped', /không có đuôi/u],
  ];

  it.each(expectations)('%s → %s, %s', (file, status, rule, says) => {
    const result = results.get(file);
    expect(result, [...results.keys()].join(', ')).toBeDefined();
    expect(result!.status).toBe(status);
    const finding = result!.findings.find((candidate) => candidate.rule === rule);
    expect(finding, JSON.stringify(result!.findings)).toBeDefined();
    expect(finding!.message).toMatch(says);
    if (status === 'skipped') expect(finding!.fatal).toBe(true);
  });

  it('every skipped file has a finding that says why', () => {
    for (const result of results.values()) if (result.status === 'skipped') expect(result.findings.length, result.file).toBeGreaterThan(0);
  });

  it('processBytes gives library callers the same answer', async () => {
    const { result } = await processBytes(new Uint8Array(await readFile(join(dataDocx, 'word97-renamed.docx'))), 'x.doc');
    expect(result.status).toBe('skipped');
    expect(result.findings[0]!.rule).toBe('ingest.unsupported-format');
    expect(result.findings[0]!.severity).toBe('warning');
  });
});

describe('a DOCX whose parts are UTF-16 (allowed by the standard)', () => {
  async function utf16Docx(encoding: 'utf16le' | 'utf16be', withBom: boolean): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(await readFile(join(root, 'fixtures/reports/seed-000.docx')));
    for (const name of ['word/document.xml', 'word/styles.xml', '[Content_Types].xml']) {
      const text = (await zip.file(name)!.async('string')).replace(/^(<\?xml[^>]*encoding=")UTF-8(")/iu, '$1UTF-16$2');
      const body = Buffer.from(text, 'utf16le');
      if (encoding === 'utf16be') body.swap16();
      const bom = encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      zip.file(name, withBom ? Buffer.concat([Buffer.from(bom), body]) : body);
    }
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it.each([
    ['utf16le', true],
    ['utf16be', true],
    ['utf16le', false],
  ] as const)('%s (BOM: %s) is read like its UTF-8 original, not refused as "nested too deep"', async (encoding, withBom) => {
    const original = await processBytes(new Uint8Array(await readFile(join(root, 'fixtures/reports/seed-000.docx'))), 'a.docx');
    const { result } = await processBytes(await utf16Docx(encoding, withBom), 'a.docx');
    expect(result.status, JSON.stringify(result.findings)).toBe('ok');
    expect(result.figures.map((figure) => [figure.metric, figure.value])).toEqual(original.result.figures.map((figure) => [figure.metric, figure.value]));
  });
});
