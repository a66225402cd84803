// sha256 over a checkout's own files, by path and bytes: what the result cache's folder name and the
// command's bundle (bin/build.mjs) are keyed on. Plain JavaScript so that bin/build.mjs can use it before
// any TypeScript is loaded; the root is passed in, since the bundle lives at another depth than src/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Every file under `folders` plus the named `files` (paths relative to `root`); a listed file that is
 * missing is left out, so a checkout without package-lock.json still gets a fingerprint.
 * @param {string} root
 * @param {{ folders: readonly string[]; files: readonly string[] }} what
 * @returns {string} hex sha256
 */
export function fingerprintFiles(root, { folders, files }) {
  const paths = [...files];
  for (const folder of folders) {
    let entries = [];
    try {
      entries = readdirSync(join(root, folder), { recursive: true, withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) if (entry.isFile()) paths.push(relative(root, join(entry.parentPath, entry.name)));
  }
  const hash = createHash('sha256');
  for (const path of paths.map((file) => file.split(sep).join('/')).sort()) {
    let content;
    try {
      content = readFileSync(join(root, path));
    } catch {
      continue;
    }
    hash.update(path).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}
