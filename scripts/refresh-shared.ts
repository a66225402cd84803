/**
 * `npm run refresh-shared`: copies what the project needs from the team's `../shared` folder into the
 * repository, so that a clone (which has no `../shared`) builds, tests and documents itself. Tests never read
 * `../shared`; this script is the only thing that does.
 *
 * - seeds `../shared/seeds/NNN_*.txt` → `fixtures/reports/seed-NNN.txt` (byte for byte: they are sample
 *   reports `npm start` reads, and the texts the gold in fixtures/expected/ was typed from);
 * - `domain.md`, `architecture.md`, `checks-design.md` → `docs/`.
 * `docs/contract.md` is the project's own contract (the shared one plus this version's extensions), so it is
 * not overwritten: the script says when the shared one changed, for a person to merge.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');
const SHARED = process.env.SOLIEU_SHARED ?? resolve(REPO, '..', 'shared');
if (!existsSync(SHARED)) {
  console.error(`Không thấy thư mục ${SHARED} (đặt SOLIEU_SHARED=… nếu nó ở nơi khác).`);
  process.exit(2);
}
for (const name of readdirSync(join(SHARED, 'seeds')).filter((file) => /^\d{3}_.*\.txt$/u.test(file)).sort()) {
  const target = join(REPO, 'fixtures/reports', `seed-${name.slice(0, 3)}.txt`);
  copyFileSync(join(SHARED, 'seeds', name), target);
  console.log(`${name} → ${target.slice(REPO.length + 1)}`);
}
for (const name of ['domain.md', 'architecture.md', 'checks-design.md']) {
  copyFileSync(join(SHARED, 'docs', name), join(REPO, 'docs', name));
  console.log(`docs/${name}`);
}
const sharedContract = readFileSync(join(SHARED, 'docs/contract.md'), 'utf8');
const ownContract = readFileSync(join(REPO, 'docs/contract.md'), 'utf8');
if (!ownContract.startsWith(sharedContract.trimEnd())) {
  console.log('docs/contract.md: the shared contract differs from the start of ours; merge the change by hand.');
}
