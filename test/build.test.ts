import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript run by `solieu` before any TypeScript loads; it has no declarations.
import { builtEntry } from '../bin/build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'solieu-build-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const DAY_MS = 24 * 60 * 60 * 1000;

describe('the bundle bin/solieu.mjs runs from', () => {
  it('is built into one folder when several callers ask at once, and old unused builds are removed', async () => {
    // A dist folder of its own: the real dist/ is warm, and other test files build into it meanwhile.
    const distDir = join(scratch, 'dist');
    const stale = join(distDir, 'stale-build');
    const recent = join(distDir, 'recent-build');
    mkdirSync(stale, { recursive: true });
    mkdirSync(recent);
    const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS);
    utimesSync(stale, twoDaysAgo, twoDaysAgo);

    const urls: string[] = await Promise.all([builtEntry('cli', { distDir }), builtEntry('cli', { distDir }), builtEntry('worker', { distDir })]);
    const folders = new Set(urls.map((url) => dirname(fileURLToPath(url))));
    expect(folders.size).toBe(1);
    const folder = [...folders][0]!;
    expect(dirname(folder)).toBe(distDir);
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['cli.mjs', 'worker.mjs', 'run.mjs']));
    // The builds that lost the race left nothing behind; a build unused for two days went, a recent one stayed.
    expect(readdirSync(distDir).sort()).toEqual([basename(folder), 'recent-build'].sort());

    // Using a build makes it recent again, so a batch that is still starting workers from it keeps it.
    utimesSync(folder, twoDaysAgo, twoDaysAgo);
    await builtEntry('run', { distDir });
    expect(Date.now() - statSync(folder).mtimeMs).toBeLessThan(60_000);
  });

  it('reaches pdf.js only through src/ingest/pdfjs/index.mjs, which must run before pdf.js loads', async () => {
    const folder = dirname(fileURLToPath(await builtEntry('worker')));
    const code = readdirSync(folder)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join('\n');
    // Static, bare and dynamic imports and requires alike; resolving pdfjs-dist/package.json (for its cMaps) loads nothing.
    expect(code).not.toMatch(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*["']pdfjs-dist(?!\/package\.json)/u);
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
    expect(readFileSync(join(out, 'reports.csv'), 'utf8')).toMatch(/^seed-003\.pdf,ok,/mu);
  });
});
