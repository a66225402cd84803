import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install chromium`, done by .ci/run); playwright's own browser downloads are not used. */
export const CHROMIUM_PATH = process.env.SOLIEU_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumIsInstalled(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Flags that keep the browser quiet and offline by itself: no background requests of its own (component
 * updates, sync, QUIC probes), so that any request the test sees comes from the page.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh profile each time (its own --user-data-dir), so localStorage starts empty and is private to the caller. */
export async function launchChromium(viewport = { width: 1280, height: 900 }): Promise<Chromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'solieu-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
