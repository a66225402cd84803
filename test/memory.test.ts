import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMAGE_PIXELS } from '../src/ingest/limits.ts';
import { processBytes } from '../src/pipeline/index.ts';

/**
 * Native memory (decoded images, pdf.js's canvases) is outside V8's heap limit, so --max-memory-mb does not
 * bound it. A 420 KB PDF that declares a 144-megapixel image took a worker to 2.7 GB; pdf.js may now decode
 * 16 megapixels at most (src/ingest/limits.ts), and two such files read at once with --jobs 2 stay under the
 * 1.2 GB the whole process may use.
 */

const root = resolve(import.meta.dirname, '..');
const CLI = join(root, 'bin/solieu.mjs');
let work: string;

/** One page painting a width × height RGB image, deflated from a constant colour: tiny on disk, huge decoded. */
function imagePdf(width: number, height: number): Buffer {
  const image = deflateSync(Buffer.alloc(width * height * 3, 0x80), { level: 9 });
  const content = 'q 595 0 0 842 0 0 cm /Im1 Do Q';
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>'),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode /Length ${image.length} >>\nstream\n`),
      image,
      Buffer.from('\nendstream'),
    ]),
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
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${position}\n%%EOF\n`));
  return Buffer.concat(parts);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-memory-'));
});
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('images pdf.js may decode', () => {
  it('are capped at 16 megapixels: a 400 dpi A4 scan', () => {
    expect(MAX_IMAGE_PIXELS).toBe(16_000_000);
    expect(Math.round((8.27 * 400) * (11.69 * 400))).toBeLessThan(MAX_IMAGE_PIXELS);
  });

  it('a larger one is dropped unread, and the message says so', async () => {
    const { result } = await processBytes(new Uint8Array(imagePdf(5000, 5000)), 'a.pdf');
    expect(result.status).toBe('failed');
    expect(result.findings[0]!.message).toMatch(/ảnh lớn hơn 16 megapixel/u);
  });

  it('two 144-megapixel bombs and two 16-megapixel images read at once stay under 1.2 GB for the whole process', async () => {
    const folder = join(work, 'bombs');
    await mkdir(folder);
    const bomb = imagePdf(12_000, 12_000);
    const allowed = imagePdf(4_000, 4_000);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await writeFile(join(folder, 'a.pdf'), bomb);
    await writeFile(join(folder, 'b.pdf'), bomb);
    await writeFile(join(folder, 'c.pdf'), allowed);
    await writeFile(join(folder, 'd.pdf'), allowed);
    // The command in this process, which reports its own peak (worker threads included) as it exits.
    const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`))';
    const run = spawnSync(process.execPath, ['--import', report, CLI, 'run', folder, '--out', join(work, 'out'), '--jobs', '2', '--no-cache'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const kilobytes = Number(/maxrss (\d+)/u.exec(run.stderr)?.[1]);
    expect(kilobytes).toBeGreaterThan(0);
    expect(kilobytes / 1024).toBeLessThan(1200);
  }, 180_000);
});
