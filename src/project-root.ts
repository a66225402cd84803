import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root folder (the one holding package.json), found by walking up from this module, so
 * that files read at run time are found both from the TypeScript sources and from the bundle in
 * dist/<build>/, which sits at another depth.
 */
function findProjectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`no package.json above ${fileURLToPath(import.meta.url)}`);
    folder = parent;
  }
  return folder;
}

export const PROJECT_ROOT = findProjectRoot();

/** A file of the checkout by its path from the root, e.g. projectFile('src', 'report', 'html', 'style.css'). */
export function projectFile(...segments: string[]): string {
  return join(PROJECT_ROOT, ...segments);
}
