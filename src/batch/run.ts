import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentResult, Severity } from '../model/index.ts';
import { fingerprintOf } from '../model/index.ts';
import { READABLE_EXTENSIONS } from '../ingest/index.ts';
import { processBytes } from '../pipeline/index.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import { figuresCsv, findingsCsv, reportsCsv } from '../report/csv.ts';
import { reportHtml } from '../report/html.ts';
import { resultsJson } from '../report/json.ts';
import { listInputs, type InputFile } from './walk.ts';

export interface BatchOptions {
  inputs: string[];
  outDir: string;
}

export interface BatchSummary {
  documents: DocumentResult[];
  bySeverity: Record<Severity, number>;
}

/** Runs every input through the pipeline, in input order, and writes every output file atomically. */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const inputs = await listInputs(options.inputs, options.outDir);
  const documents: DocumentResult[] = [];
  for (const input of inputs) documents.push(await processInput(input));

  const generatedAt = new Date();
  await writeFileAtomic(join(options.outDir, 'figures.csv'), figuresCsv(documents));
  await writeFileAtomic(join(options.outDir, 'findings.csv'), findingsCsv(documents));
  await writeFileAtomic(join(options.outDir, 'reports.csv'), reportsCsv(documents));
  await writeFileAtomic(join(options.outDir, 'results.json'), resultsJson(documents, generatedAt));
  await writeFileAtomic(join(options.outDir, 'report.html'), reportHtml(documents, generatedAt));

  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const document of documents) for (const finding of document.findings) bySeverity[finding.severity]++;
  return { documents, bySeverity };
}

async function processInput(input: InputFile): Promise<DocumentResult> {
  if (!READABLE_EXTENSIONS.has(input.extension)) {
    return { file: input.displayPath, status: 'skipped', metadata: {}, figures: [], findings: [] };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(input.absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      file: input.displayPath,
      status: 'failed',
      metadata: {},
      figures: [],
      findings: [
        {
          rule: 'ingest.failed',
          severity: 'error',
          fatal: true,
          message: `Không mở được tệp (${code}); hãy kiểm tra quyền truy cập hoặc đường dẫn rồi chạy lại.`,
          values: [],
          evidence: [],
          fingerprint: fingerprintOf(input.displayPath, 'ingest.failed', []),
        },
      ],
    };
  }
  return (await processBytes(bytes, input.displayPath)).result;
}
