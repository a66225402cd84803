/**
 * Renders many documents with every requested producer, batching the LibreOffice work (one soffice call for
 * all b.docx, one for all a.pdf). Used by make.ts, selfcheck.ts and the planted-error harness (mutate.ts).
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinPdf, pinZip, PINNED_DATE } from './determinism.ts';
import { renderDocxA } from './docx-a.ts';
import { renderHtmlB } from './html-b.ts';
import { convertAll, scratchDir } from './lo.ts';
import { renderPdfB } from './pdf-b.ts';
import { makeScans } from './scan.ts';
import type { SourceModel } from './source.ts';
import { programsNeeded, requirePrograms, type Producer } from './tools.ts';
import { renderTxt } from './txt.ts';

export interface NamedModel {
  /** The output base name: `<id>.txt`, `<id>.a.docx` … */
  id: string;
  model: SourceModel;
}

export interface WrittenFile {
  id: string;
  producer: Producer | 'scan.pdf';
  path: string;
  bytes: number;
}

export interface RenderOptions {
  /** Ids that also get a `<id>.scan.pdf`. */
  scan?: readonly string[];
  /** Called once per file written, as it is written. */
  onFile?: (file: WrittenFile) => void;
  /** Called with the time each producer took over the whole batch. */
  onTiming?: (producer: string, ms: number, documents: number) => void;
}

/** Output file name of a producer. */
export function outputName(id: string, producer: Producer | 'scan.pdf'): string {
  return `${id}.${producer}`;
}

export async function renderAll(models: readonly NamedModel[], outDir: string, producers: readonly Producer[], options: RenderOptions = {}): Promise<WrittenFile[]> {
  const ids = new Set<string>();
  for (const { id } of models) {
    if (ids.has(id)) throw new Error(`two documents with the id ${JSON.stringify(id)}`);
    ids.add(id);
  }
  const scanIds = new Set(options.scan ?? []);
  const unknown = [...scanIds].filter((id) => !ids.has(id));
  if (unknown.length) throw new Error(`--scan names unknown ids: ${unknown.join(', ')}`);
  requirePrograms(programsNeeded(producers, scanIds.size > 0));

  mkdirSync(outDir, { recursive: true });
  const written: WrittenFile[] = [];
  const write = (id: string, producer: Producer | 'scan.pdf', content: Buffer | string): void => {
    const path = join(outDir, outputName(id, producer));
    writeFileSync(path, content);
    const file = { id, producer, path, bytes: statSync(path).size };
    written.push(file);
    options.onFile?.(file);
  };
  const timed = async (producer: string, count: number, work: () => Promise<void> | void): Promise<void> => {
    const started = performance.now();
    await work();
    options.onTiming?.(producer, performance.now() - started, count);
  };

  const work = scratchDir('corpus-render-');
  try {
    // soffice names outputs after inputs: numbered names avoid clashes and odd characters in ids.
    const slot = (index: number): string => `d${String(index + 1).padStart(5, '0')}`;

    if (producers.includes('txt')) {
      await timed('txt', models.length, () => {
        for (const { id, model } of models) write(id, 'txt', renderTxt(model));
      });
    }

    const needPdfA = producers.includes('a.pdf') || scanIds.size > 0;
    const docxA = new Map<string, Buffer>();
    if (producers.includes('a.docx') || needPdfA) {
      await timed('a.docx', models.length, async () => {
        for (const { id, model } of models) {
          const bytes = await renderDocxA(model);
          docxA.set(id, bytes);
          if (producers.includes('a.docx')) write(id, 'a.docx', bytes);
        }
      });
    }

    if (producers.includes('b.docx')) {
      await timed('b.docx', models.length, async () => {
        const htmlDir = join(work, 'html');
        mkdirSync(htmlDir, { recursive: true });
        const inputs = models.map(({ model }, index) => {
          const path = join(htmlDir, `${slot(index)}.html`);
          writeFileSync(path, renderHtmlB(model));
          return path;
        });
        const outputs = convertAll(inputs, 'html-to-docx', join(work, 'b-docx'));
        for (const [index, { id }] of models.entries()) write(id, 'b.docx', await pinZip(readFileSync(outputs[index]!), PINNED_DATE));
      });
    }

    const pdfA = new Map<string, Buffer>();
    if (needPdfA) {
      const wanted = producers.includes('a.pdf') ? models : models.filter(({ id }) => scanIds.has(id));
      await timed('a.pdf', wanted.length, () => {
        const docxDir = join(work, 'a-docx');
        mkdirSync(docxDir, { recursive: true });
        const inputs = wanted.map(({ id }, index) => {
          const path = join(docxDir, `${slot(index)}.docx`);
          writeFileSync(path, docxA.get(id)!);
          return path;
        });
        const outputs = convertAll(inputs, 'docx-to-pdf', join(work, 'a-pdf'));
        for (const [index, { id }] of wanted.entries()) {
          const bytes = pinPdf(readFileSync(outputs[index]!), PINNED_DATE, outputName(id, 'a.pdf'));
          pdfA.set(id, bytes);
          if (producers.includes('a.pdf')) write(id, 'a.pdf', bytes);
        }
      });
    }

    if (producers.includes('b.pdf')) {
      await timed('b.pdf', models.length, async () => {
        for (const { id, model } of models) write(id, 'b.pdf', await renderPdfB(model));
      });
    }

    if (scanIds.size > 0) {
      await timed('scan.pdf', scanIds.size, async () => {
        const wanted = models.filter(({ id }) => scanIds.has(id)).map(({ id }) => ({ id, aPdf: pdfA.get(id)! }));
        const scans = await makeScans(wanted, work);
        for (const { id } of wanted) write(id, 'scan.pdf', scans.get(id)!);
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return written;
}
