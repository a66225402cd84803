import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentResult } from '../src/model/index.ts';
import { processBytes } from '../src/pipeline/index.ts';
import { figuresCsv, findingsCsv, reportsCsv, rollupCsv } from '../src/report/csv.ts';
import { analyseDocuments } from '../src/province/index.ts';
import { reportHtml } from '../src/report/html.ts';
import { resultsJson } from '../src/report/json.ts';
import { StreamingOutputs } from '../src/report/stream.ts';

const REPORTS = resolve(import.meta.dirname, '../fixtures/reports');
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

async function streamed(documents: readonly DocumentResult[], sourcePaths: readonly string[], generatedAt: Date): Promise<Map<string, string>> {
  const outDir = await mkdtemp(join(tmpdir(), 'solieu-stream-'));
  folders.push(outDir);
  const outputs = await StreamingOutputs.open({ outDir });
  for (const [index, document] of documents.entries()) await outputs.add(document, sourcePaths[index]);
  await outputs.finish(generatedAt);
  const names = (await readdir(outDir)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(outDir, name), 'utf8')] as const)));
}

describe('streamed outputs', () => {
  it('are the same bytes as the whole-batch writers, for real reports, a skipped file and report text that quotes </script>', async () => {
    const fixtures = ['seed-003.txt', 'seed-004.txt'];
    const documents: DocumentResult[] = [];
    for (const fixture of fixtures) documents.push((await processBytes(readFileSync(join(REPORTS, fixture)), fixture)).result);
    const quoting = (await processBytes(new TextEncoder().encode('- Tổng số hồ sơ tiếp nhận: 130 hồ sơ </script><!--\n- Trong đó:\n- Đăng ký thường trú:\nTiếp nhận: 31 hồ sơ\n- Đăng ký tạm trú:\nTiếp nhận: 89 hồ sơ'), 'a&b.txt')).result;
    documents.push(quoting, { file: 'ghi chú.xlsx', status: 'skipped', metadata: {}, figures: [], findings: [] });
    expect(documents[0]!.figures.length).toBeGreaterThan(10);
    expect(quoting.findings.some((finding) => finding.rule === 'sum-mismatch')).toBe(true);
    const sourcePaths = [join(REPORTS, fixtures[0]!), join(REPORTS, fixtures[1]!), '/tmp/a&b.txt', '/tmp/ghi chú.xlsx'];
    const generatedAt = new Date('2025-03-04T05:06:07.000Z');

    const files = await streamed(documents, sourcePaths, generatedAt);
    // The outputs of the contract and the manifest naming them, nothing else (no staging folder left).
    expect([...files.keys()]).toEqual(['figures.csv', 'findings.csv', 'outputs.json', 'report.html', 'reports.csv', 'results.json', 'rollup.csv', 'solieu.xlsx']);
    expect(files.get('rollup.csv')).toBe(rollupCsv(analyseDocuments(documents).rollup));
    expect(files.get('figures.csv')).toBe(figuresCsv(documents));
    expect(files.get('findings.csv')).toBe(findingsCsv(documents));
    expect(files.get('reports.csv')).toBe(reportsCsv(documents));
    expect(files.get('results.json')).toBe(resultsJson(documents, generatedAt));
    expect(files.get('report.html')).toBe(reportHtml(documents, generatedAt, { sourcePaths }));
  });

  it('are the same bytes for an empty batch', async () => {
    const generatedAt = new Date('2025-03-04T05:06:07.000Z');
    const files = await streamed([], [], generatedAt);
    expect(files.get('results.json')).toBe(resultsJson([], generatedAt));
    expect(files.get('report.html')).toBe(reportHtml([], generatedAt, { sourcePaths: [] }));
    expect(files.get('figures.csv')).toBe(figuresCsv([]));
  });

  it('leave nothing behind when discarded, and refuse a document that breaks the schema', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'solieu-stream-'));
    folders.push(outDir);
    const outputs = await StreamingOutputs.open({ outDir });
    await outputs.add({ file: 'a.txt', status: 'skipped', metadata: {}, figures: [], findings: [] }, undefined);
    await expect(outputs.add({ file: 'b.txt', status: 'weird' } as unknown as DocumentResult, undefined)).rejects.toThrow();
    await outputs.discard();
    expect(await readdir(outDir)).toEqual([]);
  });
});
