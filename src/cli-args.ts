/**
 * The command line, read by hand rather than with node:util's parseArgs: its errors are English
 * ("Unknown option '--bogus'", "argument is ambiguous" for `--jobs -1`) and cannot be translated,
 * and an auditor must be told in Vietnamese which option and which value were wrong.
 *
 * Conventions (getopt_long's): `--name value` and `--name=value`; a value may begin with "-" (`--jobs -1`
 * is a bad number, not a missing one); `--` ends the options; a boolean option takes no value; the
 * last of a repeated option wins unless it is `multiple`.
 */

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** Collects every occurrence (`--rule a=off --rule b=info`). */
  multiple?: boolean;
  /** One-letter alias: `-h` for `--help`. */
  short?: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedCommandLine {
  /** Strings for string options (arrays for `multiple`), `true` for booleans given. Absent when not given. */
  values: Record<string, string | string[] | true>;
  positionals: string[];
}

/** Throws UsageError with a Vietnamese sentence naming the option and the value. */
export function parseCommandLine(args: readonly string[], specs: OptionSpecs): ParsedCommandLine {
  const values: ParsedCommandLine['values'] = {};
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === '--') {
      positionals.push(...args.slice(index + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=');
      name = equals < 0 ? arg.slice(2) : arg.slice(2, equals);
      inline = equals < 0 ? undefined : arg.slice(equals + 1);
    } else if (arg.length > 1 && arg.startsWith('-') && !/^-\d/u.test(arg)) {
      const long = byShort.get(arg.slice(1));
      if (long === undefined) throw new UsageError(`tùy chọn không hợp lệ: "${arg}"${suggestion(arg, specs)}.`);
      name = long;
    } else {
      positionals.push(arg);
      continue;
    }
    const spec = specs[name];
    if (!spec) throw new UsageError(`tùy chọn không hợp lệ: "${inline === undefined ? arg : `--${name}`}"${suggestion(name, specs)}.`);
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw new UsageError(`tùy chọn --${name} không nhận giá trị (nhận được "${inline}").`);
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[index + 1];
      // "--out --jobs 2": the next word is an option, so --out was given no value.
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        throw new UsageError(`thiếu giá trị cho tùy chọn --${name}${next === undefined ? '' : ` (ngay sau nó là "${next}")`}.`);
      }
      value = next;
      index++;
    }
    if (spec.multiple) values[name] = [...((values[name] as string[] | undefined) ?? []), value];
    else values[name] = value;
  }
  return { values, positionals };
}

/** " (có phải là --timeout?)" for a near miss of a known option, else "". */
function suggestion(given: string, specs: OptionSpecs): string {
  const bare = given.replace(/^-+/u, '');
  let best: { name: string; distance: number } | undefined;
  for (const name of Object.keys(specs)) {
    const distance = editDistance(bare, name);
    if (distance <= Math.max(1, Math.floor(name.length / 4)) && (!best || distance < best.distance)) best = { name, distance };
  }
  return best ? ` (có phải là --${best.name}?)` : '';
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A whole number ≥ 1, written in digits ("2", not "hai", "-1" or "1.5"). */
export function positiveInteger(option: string, text: string): number {
  const value = /^\d+$/u.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`${option} phải là số nguyên dương, ví dụ 2 (nhận được "${text}").`);
  return value;
}

/** Seconds > 0, with a decimal point or comma ("120", "0.5", "0,5"). */
export function positiveSeconds(option: string, text: string): number {
  const value = /^\d+(?:[.,]\d+)?$/u.test(text.trim()) ? Number(text.trim().replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${option} phải là số giây lớn hơn 0, ví dụ 120 hoặc 0.5 (nhận được "${text}").`);
  return value;
}

/** One of a fixed list of words. */
export function oneOf<T extends string>(option: string, text: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  const list = choices.length === 2 ? `${choices[0]} hoặc ${choices[1]}` : `${choices.slice(0, -1).join(', ')} hoặc ${choices.at(-1)}`;
  throw new UsageError(`${option} phải là ${list} (nhận được "${text}").`);
}
