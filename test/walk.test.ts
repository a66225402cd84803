import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READABLE_EXTENSIONS as INGEST_READABLE_EXTENSIONS, SNIFFED_EXTENSIONS as INGEST_SNIFFED_EXTENSIONS } from '../src/ingest/index.ts';
import { listInputs, READABLE_EXTENSIONS, SNIFFED_EXTENSIONS } from '../src/batch/walk.ts';

describe('listInputs', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'solieu-walk-'));
    const files = [
      'reports/Báo cáo tháng 5.txt',
      'reports/b.PDF',
      'reports/a.docx',
      'reports/Z.txt',
      'reports/xã Tân Phú/quý 1/kế hoạch.pdf',
      'reports/xã Tân Phú/ảnh.png',
      'reports/out/reports.csv',
      'reports/out/.cache/x.json',
      'single/Tờ trình.docx',
    ];
    for (const file of files) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), 'x');
    }
    // A link back up the tree must not send the walk round in circles.
    await symlink(join(root, 'reports'), join(root, 'reports/xã Tân Phú/vòng lặp'));
    // A linked folder outside the tree is followed once.
    await mkdir(join(root, 'elsewhere'));
    await writeFile(join(root, 'elsewhere/linked.txt'), 'x');
    await symlink(join(root, 'elsewhere'), join(root, 'reports/liên kết'));
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('walks folders recursively in a fixed order, with paths relative to the folder given', async () => {
    const inputs = await listInputs([join(root, 'reports')], join(root, 'reports/out'));
    // UTF-16 code-unit order: capitals before lower case, accented letters after "z".
    expect(inputs.map((input) => input.displayPath)).toEqual([
      'Báo cáo tháng 5.txt',
      'Z.txt',
      'a.docx',
      'b.PDF',
      'liên kết/linked.txt',
      'xã Tân Phú/quý 1/kế hoạch.pdf',
      'xã Tân Phú/ảnh.png',
    ]);
  });

  it('skips the output folder (and its cache) when it lies inside the input folder', async () => {
    const inputs = await listInputs([join(root, 'reports')], join(root, 'reports/out'));
    expect(inputs.some((input) => input.displayPath.startsWith('out/'))).toBe(false);
    const withoutSkip = await listInputs([join(root, 'reports')]);
    expect(withoutSkip.map((input) => input.displayPath)).toContain('out/reports.csv');
  });

  it('lowercases extensions and keeps absolute paths for reading', async () => {
    const inputs = await listInputs([join(root, 'reports')], join(root, 'reports/out'));
    const pdf = inputs.find((input) => input.displayPath === 'b.PDF')!;
    expect(pdf.extension).toBe('.pdf');
    expect(pdf.absolutePath).toBe(join(root, 'reports/b.PDF'));
  });

  it('lists a file given by name under its own name, in command-line order', async () => {
    const inputs = await listInputs([join(root, 'single/Tờ trình.docx'), join(root, 'reports/Z.txt')]);
    expect(inputs.map((input) => input.displayPath)).toEqual(['Tờ trình.docx', 'Z.txt']);
  });

  it('gives the same list on every call', async () => {
    const first = await listInputs([join(root, 'reports')], join(root, 'reports/out'));
    const second = await listInputs([join(root, 'reports')], join(root, 'reports/out'));
    expect(second).toEqual(first);
  });

  it('reads exactly the extensions ingest reads', () => {
    expect([...READABLE_EXTENSIONS].sort()).toEqual([...INGEST_READABLE_EXTENSIONS].sort());
    expect([...SNIFFED_EXTENSIONS].sort()).toEqual([...INGEST_SNIFFED_EXTENSIONS].sort());
  });
});
