import { spawnSync } from 'node:child_process';

/**
 * Programs some tests drive for real (LibreOffice, Chromium, poppler, tesseract). `.ci/run` installs every
 * one of them; under CI a missing one is a failure, elsewhere the test is skipped with a loud line that
 * says what to install — never a TypeError from a spawn that found nothing.
 */
export interface ExternalProgram {
  name: string;
  /** The Debian package that provides it. */
  apt: string;
  available: boolean;
  /** Run the dependent tests: here (installed), or under CI (where their absence must fail). */
  shouldRun: boolean;
  /** For a test under CI: throws a message that names the package. */
  require(): void;
}

const inCi = Boolean(process.env.CI);
const announced = new Set<string>();

export function externalProgram(name: string, apt: string, versionArgs: readonly string[] = ['--version']): ExternalProgram {
  const probe = spawnSync(name, versionArgs, { stdio: 'ignore', timeout: 60_000 });
  const available = !probe.error && probe.status !== 127;
  if (!available && !inCi && !announced.has(name)) {
    announced.add(name);
    console.warn(`\n*** \`${name}\` is not installed: the tests that need it are SKIPPED (apt-get install ${apt}). On CI this is a failure. ***\n`);
  }
  return {
    name,
    apt,
    available,
    shouldRun: available || inCi,
    require() {
      if (!available) throw new Error(`\`${name}\` is required here: apt-get install ${apt} (.ci/run installs it)`);
    },
  };
}
