/**
 * Soak test (not part of `npm test`): `npx tsx scripts/soak.ts [--files 5000] [--jobs 2] [--keep]`.
 *
 * Builds a folder of mixed hostile and valid inputs — the sample reports in three formats, every file of
 * fixtures/bad/, random bytes under every extension the batch reads, image bombs, 1 MB lines of figures, FIFOs,
 * links to /dev/zero, names that are not UTF-8, .doc/.rtf/.odt, other file types — runs the real command over it
 * with --jobs 2, and prints the peak RSS of the whole process (main thread and workers), the time, and the rows:
 * every entry must have exactly one row in reports.csv. Exits 1 when an entry has no row or the peak passes 1.2 GB.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..');
const argument = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const total = Number(argument('files', '5000'));
const jobs = argument('jobs', '2');
const keep = process.argv.includes('--keep');

const work = mkdtempSync(join(tmpdir(), 'solieu-soak-'));
const inbox = join(work, 'inbox');
mkdirSync(inbox);

function imagePdf(width: number, height: number): Buffer {
  const image = deflateSync(Buffer.alloc(width * height * 3, 0x80), { level: 9 });
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`), image, Buffer.from('\nendstream')]),
  ];
  const parts = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let position = parts[0]!.length;
  objects.forEach((object, index) => {
    const bytes = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), object, Buffer.from('\nendobj\n')]);
    offsets.push(position);
    parts.push(bytes);
    position += bytes.length;
  });
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${position}\n%%EOF\n`));
  return Buffer.concat(parts);
}

// The kinds of input, each with its share of the batch (the rest of the batch is valid reports).
// Valid reports as they come in: mostly DOCX and text, a PDF in four.
const seeds = (extension: string) => readdirSync(join(root, 'fixtures/reports')).filter((name) => name.startsWith('seed-') && name.endsWith(extension)).map((name) => join(root, 'fixtures/reports', name));
const reports = [...seeds('.docx'), ...seeds('.txt'), ...seeds('.docx'), ...seeds('.pdf')];
const scans = [join(root, 'fixtures/reports/scan/seed-003-scan.pdf')];
const bad = readdirSync(join(root, 'fixtures/bad')).filter((name) => name !== 'README.md' && name !== 'long-line-numbers.txt' && name !== 'zip-bomb-lying.docx').map((name) => join(root, 'fixtures/bad', name));
const bomb = imagePdf(12_000, 12_000);
const largestAllowed = imagePdf(4_000, 4_000);
const canMkfifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

let entries = 0;
const counts = new Map<string, number>();
const made = (kind: string) => {
  entries++;
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
};
const folderOf = (index: number) => {
  const folder = join(inbox, `lô ${String(Math.floor(index / 250)).padStart(2, '0')}`);
  mkdirSync(folder, { recursive: true });
  return folder;
};

for (let index = 0; index < total; index++) {
  const folder = folderOf(index);
  const name = (extension: string) => join(folder, `${String(index).padStart(5, '0')}${extension}`);
  const slot = index % 100;
  if (slot < 45) {
    const source = reports[index % reports.length]!;
    copyFileSync(source, name(source.slice(source.lastIndexOf('.'))));
    made('valid report');
  } else if (slot < 70) {
    const source = bad[index % bad.length]!;
    copyFileSync(source, name(`-${source.slice(source.lastIndexOf('/') + 1)}`));
    made('fixtures/bad');
  } else if (slot < 82) {
    const extension = ['.pdf', '.docx', '.txt', '.doc', '.rtf', '.odt'][index % 6]!;
    const magic = [Buffer.from('%PDF-1.7\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('{\\rtf1'), Buffer.alloc(0)][index % 5]!;
    writeFileSync(name(extension), Buffer.concat([magic, randomBytes(1 + ((index * 7919) % 65_536))]));
    made('random bytes');
  } else if (slot < 86) {
    writeFileSync(name(['.xlsx', '.png', '.jpg', '.zip', ''][index % 5]!), randomBytes(512));
    made('other file type');
  } else if (slot < 88) {
    const source = [join(root, 'test/data/docx/word97-renamed.docx'), join(root, 'test/data/docx/rtf-renamed.docx'), join(root, 'fixtures/reports/seed-001.docx')][index % 3]!;
    copyFileSync(source, name(['.doc', '.rtf', '.doc'][index % 3]!));
    made('.doc/.rtf');
  } else if (slot < 90) {
    writeFileSync(Buffer.concat([Buffer.from(folder), Buffer.from('/b'), Buffer.from([0xe1, 0x6f]), Buffer.from(`-${index}.txt`)]), 'Toàn xã có 12 thôn, 5.388 hộ.\n');
    made('name not UTF-8');
  } else if (slot === 90) {
    writeFileSync(name('-bomb.pdf'), bomb);
    made('image bomb (144 MP)');
  } else if (slot === 91 && index % 500 === 91) {
    writeFileSync(name('-16mp.pdf'), largestAllowed);
    made('largest image allowed (16 MP)');
  } else if (slot === 92 && index % 2500 === 92) {
    copyFileSync(join(root, 'fixtures/bad/long-line-numbers.txt'), name('-long-line.txt'));
    made('1 MB line of figures');
  } else if (slot === 93 && index % 1000 === 93) {
    copyFileSync(join(root, 'fixtures/bad/zip-bomb-lying.docx'), name('-zip-bomb.docx'));
    made('zip bomb (400 MB inflated)');
  } else if (slot === 94 && index % 2500 === 94) {
    copyFileSync(scans[0]!, name('-scan.pdf'));
    made('scan (OCR)');
  } else if (slot === 95 && canMkfifo) {
    spawnSync('mkfifo', [name('-fifo.pdf')]);
    made('FIFO');
  } else if (slot === 96) {
    symlinkSync(index % 2 ? '/dev/zero' : '/dev/urandom', name('-device.pdf'));
    made('link to a device');
  } else {
    const source = reports[index % reports.length]!;
    copyFileSync(source, name(source.slice(source.lastIndexOf('.'))));
    made('valid report');
  }
}

console.log(`soak: ${entries} inputs in ${inbox}`);
for (const [kind, count] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)} ${kind}`);

const out = join(work, 'out');
const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`soak-maxrss ${process.resourceUsage().maxRSS}\\n`))';
const started = Date.now();
const child = spawn(process.execPath, ['--import', report, join(root, 'bin/solieu.mjs'), 'run', inbox, '--out', out, '--jobs', jobs, '--no-cache', '--timeout', '60'], {
  stdio: ['ignore', 'ignore', 'pipe'],
});
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
  stderr += chunk;
  process.stderr.write(chunk);
});
const code: number = await new Promise((done) => child.on('close', (exitCode) => done(exitCode ?? -1)));
const seconds = (Date.now() - started) / 1000;
const peakMb = Number(/soak-maxrss (\d+)/u.exec(stderr)?.[1] ?? 0) / 1024;

let csv = '';
try {
  csv = readFileSync(join(out, 'reports.csv'), 'utf8');
} catch {
  console.log('soak: no reports.csv (the run did not finish)');
}
const rows = csv === '' ? 0 : csv.replace(/^\uFEFF/u, '').split('\r\n').filter((line) => line !== '').length - 1;
const statuses = new Map<string, number>();
for (const line of csv.split('\r\n').slice(1)) {
  const status = /,(ok|needs-ocr|failed|skipped),/u.exec(line)?.[1];
  if (status) statuses.set(status, (statuses.get(status) ?? 0) + 1);
}
console.log(`\nsoak: exit ${code}; ${entries} inputs, ${rows} rows (${[...statuses].map(([status, count]) => `${status} ${count}`).join(', ')})`);
console.log(`soak: ${seconds.toFixed(0)} s, ${(entries / seconds).toFixed(1)} files/s, peak RSS ${peakMb.toFixed(0)} MB with --jobs ${jobs}`);
const ok = code === 0 && rows === entries && peakMb > 0 && peakMb < 1200;
if (!keep) rmSync(work, { recursive: true, force: true });
else console.log(`soak: kept ${work}`);
process.exitCode = ok ? 0 : 1;
