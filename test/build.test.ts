import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript run by `solieu` before any TypeScript loads; it has no declarations.
import { builtEntry } from '../bin/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'solieu-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bundle bin/solieu.mjs runs from', () => {
  it('is built into one dist/<hash>/ folder, even when several callers ask at the same time', async () => {
    const urls: string[] = await Promise.all([builtEntry('cli'), builtEntry('cli'), builtEntry('worker')]);
    const folders = new Set(urls.map((url) => dirname(fileURLToPath(url))));
    expect(folders.size).toBe(1);
    const folder = [...folders][0]!;
    expect(dirname(folder)).toBe(join(root, 'dist'));
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['cli.mjs', 'worker.mjs', 'run.mjs']));
    // No half-built folder is left behind by the ones that lost the race.
    expect(readdirSync(join(root, 'dist')).filter((name) => name.startsWith('.building-'))).toEqual([]);
  });

  it('reaches pdf.js only through src/ingest/pdfjs/index.mjs, which must run before pdf.js loads', async () => {
    const folder = dirname(fileURLToPath(await builtEntry('worker')));
    const code = readdirSync(folder)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/from\s+["']pdfjs-dist/u);
    const doors = [...code.matchAll(/from\s+["']([^"']*pdfjs\/index\.mjs)["']/gu)].map((match) => resolve(folder, match[1]!));
    expect(doors.length).toBeGreaterThan(0);
    for (const door of doors) expect(door).toBe(join(root, 'src', 'ingest', 'pdfjs', 'index.mjs'));
  });

  it('is what the command runs: a PDF read by a bundled worker, with no fallback to the sources', () => {
    const out = join(scratch, 'out');
    const run = spawnSync(process.execPath, [join(root, 'bin', 'solieu.mjs'), 'run', join(root, 'fixtures', 'reports', 'seed-003.pdf'), '--out', out, '--no-cache', '--jobs', '1'], {
      encoding: 'utf8',
      env: { ...process.env, SOLIEU_FROM_SOURCE: '' },
    });
    expect(run.stderr).not.toContain('chạy thẳng mã nguồn');
    expect(run.status).toBe(0);
    const reports = readFileSync(join(out, 'reports.csv'), 'utf8');
    expect(reports).toContain('seed-003.pdf');
    expect(reports).toMatch(/^seed-003\.pdf,ok,/mu);
  });
});
