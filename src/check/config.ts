import { readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import type { Severity } from '../model/index.ts';
import { SeveritySchema } from '../model/index.ts';

/**
 * Which checks run and how severe their findings are. A check's own `meta.defaultSeverity` applies unless
 * the configuration says otherwise: `solieu.config.json` in the working folder (or `--config FILE`), then
 * `--rule id=severity|off` on the command line, the later winning.
 */
export const CheckSettingSchema = z.union([SeveritySchema, z.literal('off')]);
export type CheckSetting = z.infer<typeof CheckSettingSchema>;

export const CheckConfigSchema = z.strictObject({
  rules: z.record(z.string(), CheckSettingSchema).default({}),
});
export type CheckConfig = z.infer<typeof CheckConfigSchema>;

export const DEFAULT_CONFIG_FILE = 'solieu.config.json';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads a config file; an explicit path that is missing or invalid is an error, the default file is optional. */
export function loadCheckConfig(path: string | undefined, knownChecks: readonly string[]): CheckConfig {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return { rules: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`Không đọc được tệp cấu hình "${file}" (${code ?? `JSON không hợp lệ: ${(error as Error).message}`}).`);
  }
  const parsed = CheckConfigSchema.safeParse(raw, { error: z.locales.vi().localeError });
  if (!parsed.success) throw new ConfigError(`Tệp cấu hình ${file} không hợp lệ: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  assertKnown(Object.keys(parsed.data.rules), knownChecks, file);
  return parsed.data;
}

/** "ratio-mismatch=warning", "ambiguous-number=off" → the config with those settings applied. */
export function withRuleOverrides(config: CheckConfig, overrides: readonly string[], knownChecks: readonly string[]): CheckConfig {
  const rules = { ...config.rules };
  for (const override of overrides) {
    const match = /^([a-z0-9.-]+)=(error|warning|info|off)$/u.exec(override.trim());
    if (!match) throw new ConfigError(`--rule phải có dạng <mã-kiểm-tra>=error|warning|info|off (nhận được "${override}")`);
    assertKnown([match[1]!], knownChecks, '--rule');
    rules[match[1]!] = match[2] as CheckSetting;
  }
  return { rules };
}

function assertKnown(ids: readonly string[], knownChecks: readonly string[], where: string): void {
  const unknown = ids.filter((id) => !knownChecks.includes(id));
  if (unknown.length > 0) throw new ConfigError(`${where}: không có phép kiểm tra ${unknown.join(', ')} (có: ${knownChecks.join(', ')})`);
}

export function severityOf(checkId: string, defaultSeverity: Severity, config: CheckConfig | undefined): Severity | 'off' {
  return config?.rules[checkId] ?? defaultSeverity;
}
