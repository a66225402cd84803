/**
 * Same source, same bytes. Every producer stamps something of the moment into its output (zip entry times,
 * docProps dates, PDF CreationDate/ModDate, random /ID arrays, LibreOffice's DocChecksum); these helpers
 * replace all of it with values derived from a pinned date and the content.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { run } from './tools.ts';

/** The moment every generated file claims to have been made. */
export const PINNED_DATE = '2025-10-01T08:00:00Z';

/** Re-zips a DOCX with pinned entry times and pinned docProps dates (and a fixed entry order). */
export async function pinZip(buffer: Buffer, isoDate: string): Promise<Buffer> {
  const date = new Date(isoDate);
  const source = await JSZip.loadAsync(buffer);
  const target = new JSZip();
  // [Content_Types].xml first, as Word writes it; then the order the producer used.
  const names = Object.keys(source.files).filter((name) => !source.files[name]!.dir);
  names.sort((a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'));
  for (const name of names) {
    let content: string | Uint8Array = await source.files[name]!.async('uint8array');
    if (name === 'docProps/core.xml') {
      content = Buffer.from(content)
        .toString('utf8')
        .replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/gu, `$1${isoDate}$2`);
    }
    target.file(name, content, { date, createFolders: false });
  }
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}

/** "D:20251001080000Z", PDF's date syntax. */
export function pdfDate(isoDate: string): string {
  return `D:${isoDate.replace(/[-:T]/gu, '').replace(/\.\d+Z$|Z$/u, '')}Z`;
}

/**
 * Pins the dates, the /ID and LibreOffice's DocChecksum of a PDF so that rebuilds are byte-stable: qpdf
 * rewrites it uncompressed, the stamps are replaced, fix-qdf repairs the offsets, and qpdf recompresses
 * with an /ID derived from the content alone.
 */
export function pinPdf(input: Buffer, isoDate: string, name: string): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'corpus-pin-'));
  try {
    const raw = join(work, 'raw.pdf');
    const qdf = join(work, 'qdf.pdf');
    const edited = join(work, 'edited.pdf');
    const fixed = join(work, 'fixed.pdf');
    const out = join(work, 'out.pdf');
    writeFileSync(raw, input);
    run('qpdf', ['--qdf', '--object-streams=disable', raw, qdf], { okCodes: [0, 3] });
    let bytes = readFileSync(qdf).toString('latin1');
    const date = pdfDate(isoDate);
    bytes = bytes.replace(/\/(CreationDate|ModDate)\s*\(D:[^)]*\)/gu, (_match, key: string) => `/${key} (${date})`);
    // LibreOffice's checksum covers the export time; derive it from the name and the pinned date instead.
    const checksum = createHash('md5').update(`${name} ${date}`).digest('hex').toUpperCase();
    bytes = bytes.replace(/\/DocChecksum\s*\/[0-9A-Fa-f]+/gu, `/DocChecksum /${checksum}`);
    // A random /ID would seed qpdf's "deterministic" one; without it qpdf derives the ID from content.
    bytes = bytes.replace(/\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/gu, '');
    // XMP metadata repeats the dates in ISO form.
    bytes = bytes.replace(/(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)[^<]*(<\/xmp:)/gu, `$1${isoDate}$2`);
    writeFileSync(edited, Buffer.from(bytes, 'latin1'));
    writeFileSync(fixed, run('fix-qdf', [edited]));
    run('qpdf', ['--compress-streams=y', '--object-streams=generate', '--deterministic-id', fixed, out], { okCodes: [0, 3] });
    return readFileSync(out);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
