import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES } from '../rules/checks/index.ts';
import { ConfigError, loadCheckConfig, withRuleOverrides } from '../src/check/config.ts';
import { runChecks } from '../src/check/engine.ts';
import { documentFromReportText } from '../src/check/report-text.ts';
import { extractFigures } from '../src/extract/index.ts';
import { relationIndex } from '../src/check/index.ts';

/** Severity comes from configuration, never from a rule: defaults, a config file, and --rule overrides. */
const ids = CHECK_RULES.map((rule) => rule.meta.id);
const text = [
  '+ Số hoá đầu vào hồ sơ giải quyết TTHC:',
  'Năm 2023: 6.702/6.715 hồ sơ = 91%;',
  '+ Số hồ sơ đã giải quyết đúng hạn, trước hạn: 13.274/13.303 = 100%',
].join('\n');
const document = documentFromReportText(text);
const figures = extractFigures(document);

function severities(config?: Parameters<typeof runChecks>[2]) {
  return Object.fromEntries(runChecks(CHECK_RULES, { file: 'a.txt', document, figures, relations: relationIndex() }, config).map((finding) => [finding.rule, finding.severity]));
}

describe('check configuration', () => {
  it('uses each check’s default severity when nothing is configured', () => {
    expect(severities()).toEqual({ 'ratio-mismatch': 'error', 'rounded-to-full': 'info' });
  });

  it('a config file can change a severity or turn a check off', () => {
    const folder = mkdtempSync(join(tmpdir(), 'solieu-config-'));
    const file = join(folder, 'solieu.config.json');
    writeFileSync(file, JSON.stringify({ rules: { 'ratio-mismatch': 'warning', 'rounded-to-full': 'off' } }));
    expect(severities(loadCheckConfig(file, ids))).toEqual({ 'ratio-mismatch': 'warning' });
  });

  it('--rule overrides win over the file', () => {
    const config = withRuleOverrides({ rules: { 'ratio-mismatch': 'warning' } }, ['ratio-mismatch=off', 'rounded-to-full=error'], ids);
    expect(severities(config)).toEqual({ 'rounded-to-full': 'error' });
  });

  it('fingerprints do not depend on severity, so a baseline survives a configuration change', () => {
    const a = runChecks(CHECK_RULES, { file: 'a.txt', document, figures, relations: relationIndex() });
    const b = runChecks(CHECK_RULES, { file: 'a.txt', document, figures, relations: relationIndex() }, { rules: { 'ratio-mismatch': 'warning' } });
    expect(a.map((finding) => finding.fingerprint)).toEqual(b.map((finding) => finding.fingerprint));
  });

  it('refuses unknown check ids, bad severities and malformed files, in Vietnamese', () => {
    expect(() => withRuleOverrides({ rules: {} }, ['ratio-mismach=off'], ids)).toThrow(ConfigError);
    expect(() => withRuleOverrides({ rules: {} }, ['ratio-mismatch=fatal'], ids)).toThrow(/--rule phải có dạng/u);
    const folder = mkdtempSync(join(tmpdir(), 'solieu-config-'));
    const bad = join(folder, 'bad.json');
    writeFileSync(bad, '{ "rules": { "ratio-mismatch": "loud" } }');
    expect(() => loadCheckConfig(bad, ids)).toThrow(/không hợp lệ/u);
    writeFileSync(bad, '{ not json');
    expect(() => loadCheckConfig(bad, ids)).toThrow(/Không đọc được tệp cấu hình/u);
    expect(() => loadCheckConfig(join(folder, 'missing.json'), ids)).toThrow(ConfigError);
  });
});

describe('solieu run --rule / --config', () => {
  it('changes the severity written to findings.csv, and refuses an unknown check with exit 2', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const { readFileSync } = await import('node:fs');
    const root = join(import.meta.dirname, '..');
    const out = mkdtempSync(join(tmpdir(), 'solieu-rule-'));
    const input = join(root, 'fixtures/reports/seed-004.txt');
    execFileSync(process.execPath, [join(root, 'bin/solieu.mjs'), 'run', input, '--out', out, '--no-cache', '--rule', 'ratio-mismatch=warning', '--rule', 'conflicting-values=off'], { stdio: 'pipe' });
    const rows = readFileSync(join(out, 'findings.csv'), 'utf8').split('\r\n').map((line) => line.split(',').slice(1, 3).join(','));
    expect(rows).toContain('ratio-mismatch,warning');
    expect(rows.some((row) => row.startsWith('conflicting-values'))).toBe(false);
    const refused = spawnSync(process.execPath, [join(root, 'bin/solieu.mjs'), 'run', input, '--out', out, '--rule', 'ratio-mismach=off'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/không có phép kiểm tra ratio-mismach/u);
  });
});
