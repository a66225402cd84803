/**
 * Builds mixed.pdf, the partly scanned report the OCR tests read. The file is committed; rerun this
 * only to change it (needs qpdf):
 *
 *   npx tsx test/data/ocr/make.ts
 *
 *   page 1  a text page: page 1 of fixtures/reports/seed-003.pdf
 *   page 2  a scanned page (image only): page 2 of fixtures/reports/scan/seed-003-scan.pdf, with its table
 *   page 3  a scanned page carrying a few words of real text on top (a copy stamp, as document
 *           systems add): page 3 of the scan with "Ban sao dien tu" overlaid in Helvetica
 *   page 4  a blank page: nothing drawn at all
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../../fixtures/reports');

/** A one-page A4 PDF around `content`, with Helvetica as /F1, and a correct cross-reference table. */
function onePagePdf(content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.44 841.68] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const work = mkdtempSync(join(tmpdir(), 'solieu-ocr-data-'));
try {
  const stamp = join(work, 'stamp.pdf');
  writeFileSync(stamp, onePagePdf('BT /F1 9 Tf 420 24 Td (Ban sao dien tu) Tj ET'));
  const blank = join(work, 'blank.pdf');
  writeFileSync(blank, onePagePdf(''));
  const stamped = join(work, 'stamped.pdf');
  execFileSync('qpdf', ['--empty', '--pages', join(fixtures, 'scan/seed-003-scan.pdf'), '3', '--', join(work, 'page3.pdf')]);
  execFileSync('qpdf', [join(work, 'page3.pdf'), '--overlay', stamp, '--', stamped]);
  execFileSync('qpdf', [
    '--deterministic-id',
    '--empty',
    '--pages',
    join(fixtures, 'seed-003.pdf'), '1',
    join(fixtures, 'scan/seed-003-scan.pdf'), '2',
    stamped, '1',
    blank, '1',
    '--',
    join(here, 'mixed.pdf'),
  ]);
} finally {
  rmSync(work, { recursive: true, force: true });
}
