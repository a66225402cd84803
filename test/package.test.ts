import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as another program gets it: `npm pack` (which builds lib/ on prepack), installed into an empty
 * folder, then used from a plain Node ESM script (no tsx, no TypeScript) and through its command, and its
 * types checked from a TypeScript consumer. The tarball carries no tests and no fixtures.
 */

const root = resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let work: string;
let app: string;
let files: string[];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, SOLIEU_TEST_HOOKS: '', npm_config_audit: 'false', npm_config_fund: 'false' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'solieu-package-'));
  const packed = run(npm, ['pack', '--json', '--pack-destination', work], root);
  expect(packed.code, packed.stderr).toBe(0);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = info!.files.map((file) => file.path);
  app = join(work, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
  // The registry is reachable, but everything is in npm's cache after the project's own install.
  const installed = run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, info!.filename)], app);
  expect(installed.code, installed.stderr).toBe(0);
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('ships the built library, its types, the command and the page assets — no tests, no fixtures, no sources', () => {
    for (const needed of ['package.json', 'README.md', 'bin/solieu.mjs', 'lib/index.mjs', 'lib/cli.mjs', 'lib/worker.mjs', 'lib/types/src/index.d.ts',
      'src/ingest/pdfjs/index.mjs', 'src/report/html/client.js', 'src/report/html/style.css', 'schemas/sarif-schema-2.1.0.json', 'docs/contract.md']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((file) => /^(test|fixtures|scripts|bench|rules|\.ci)\//u.test(file))).toEqual([]);
    expect(files.filter((file) => file.startsWith('src/') && file.endsWith('.ts'))).toEqual([]);
  });
});

describe('the installed package', () => {
  it('is imported from a plain Node ESM script: processFile, runBatch, ResultsSchema, ReviewSchema', async () => {
    const script = `
      import { processFile, runBatch, ResultsSchema, ReviewSchema } from 'solieu';
      import { readFileSync } from 'node:fs';
      const one = await processFile(${JSON.stringify(join(root, 'fixtures/reports/seed-004.pdf'))}, { ocr: { mode: 'off' } });
      const batch = await runBatch({ inputs: [${JSON.stringify(join(root, 'fixtures/reports/seed-001.txt'))}, ${JSON.stringify(join(root, 'fixtures/reports/seed-000.docx'))}], outDir: 'out', jobs: 2 });
      const results = ResultsSchema.parse(JSON.parse(readFileSync('out/results.json', 'utf8')));
      const review = ReviewSchema.parse({ tool: 'solieu', version: 1, decisions: [] });
      console.log(JSON.stringify({ status: one.status, figures: one.figures.length, rules: one.findings.map((f) => f.rule), files: batch.stats.files, documents: results.documents.map((d) => [d.file, d.status]), decisions: review.decisions.length }));
    `;
    await writeFile(join(app, 'use.mjs'), script);
    const used = run(process.execPath, ['use.mjs'], app);
    expect(used.code, used.stderr).toBe(0);
    const output = JSON.parse(used.stdout) as { status: string; figures: number; rules: string[]; files: number; documents: string[][]; decisions: number };
    expect(output.status).toBe('ok');
    expect(output.figures).toBeGreaterThan(30);
    expect(output.rules).toContain('ratio-mismatch');
    expect(output.documents).toEqual([
      ['seed-001.txt', 'ok'],
      ['seed-000.docx', 'ok'],
    ]);
    expect(output.decisions).toBe(0);
  }, 120_000);

  it('runs its command: --help, and run with every output written', async () => {
    const help = run(npm, ['exec', '--offline', '--', 'solieu', '--help'], app);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^solieu \d+\.\d+\.\d+ — /u);
    const runHelp = run(npm, ['exec', '--offline', '--', 'solieu', 'run', '-h'], app);
    expect(runHelp.code).toBe(0);
    const ran = run(npm, ['exec', '--offline', '--', 'solieu', 'run', join(root, 'fixtures/reports/seed-003.txt'), join(root, 'fixtures/reports/seed-002.pdf'), '--out', 'out-cli', '--format', 'json', '--quiet', '--ocr', 'off'], app);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toBe('');
    const results = JSON.parse(ran.stdout) as { documents: Array<{ file: string; status: string }> };
    expect(results.documents.map((document) => [document.file, document.status])).toEqual([
      ['seed-003.txt', 'ok'],
      ['seed-002.pdf', 'ok'],
    ]);
    expect((await readdir(join(app, 'out-cli'))).sort()).toEqual(['.cache', 'figures.csv', 'findings.csv', 'outputs.json', 'report.html', 'reports.csv', 'results.json', 'rollup.csv', 'solieu.xlsx']);
    expect(await readFile(join(app, 'out-cli/report.html'), 'utf8')).toContain('seed-002.pdf');
  }, 120_000);

  it('ships types a TypeScript consumer compiles against', async () => {
    await writeFile(
      join(app, 'check.ts'),
      [
        "import { processFile, runBatch, ResultsSchema, ReviewSchema, type DocumentResult, type Results, type BatchOptions } from 'solieu';",
        "const result: DocumentResult = await processFile('x.pdf', { ocr: { mode: 'off' } });",
        "const options: BatchOptions = { inputs: ['x'], outDir: 'out', jobs: 1 };",
        'const results: Results = ResultsSchema.parse({});',
        'void runBatch(options); void ReviewSchema; void results; void result.figures.length;',
        '// @ts-expect-error: a wrong argument is a type error, so the types are really there',
        'void processFile(42);',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, typeRoots: [join(root, 'node_modules/@types')], types: ['node'] },
        files: ['check.ts'],
      }),
    );
    const checked = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', '.'], app);
    expect(checked.stdout + checked.stderr).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);
});

describe('in the checkout', () => {
  it('`npm run build` is what prepare and prepack run', async () => {
    const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; exports: unknown };
    expect(manifest.scripts.prepare).toBe(manifest.scripts.build);
    expect(manifest.scripts.prepack).toBe(manifest.scripts.build);
    expect(manifest.exports).toEqual({ '.': { types: './lib/types/src/index.d.ts', import: './lib/index.mjs' }, './package.json': './package.json' });
    expect(execFileSync('git', ['check-ignore', 'lib/index.mjs'], { cwd: root, encoding: 'utf8' }).trim()).toBe('lib/index.mjs');
  });
});
