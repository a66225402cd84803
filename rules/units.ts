/** How a unit id is said in a Vietnamese finding ("còn 29 hồ sơ chưa đạt"). */
export const UNIT_WORDS: Readonly<Record<string, string>> = {
  villages: 'thôn/xóm',
  households: 'hộ',
  persons: 'người',
  km2: 'km²',
  tasks: 'nhiệm vụ',
  accounts: 'tài khoản',
  cards: 'thẻ',
  dossiers: 'hồ sơ',
  services: 'dịch vụ',
  procedures: 'thủ tục',
  posts: 'tin bài',
  broadcasts: 'lượt phát thanh',
  meetings: 'buổi',
  percent: '%',
};

export function unitWord(unit: string): string {
  return UNIT_WORDS[unit] ?? '';
}

/**
 * Units that count whole things. A value with decimals in one of them is no count ("90,5" read as dossiers from a
 * "Tỷ lệ (%)" column whose header the layout split): sums and bounds leave it alone. km² and % are measured.
 */
export const WHOLE_UNITS: ReadonlySet<string> = new Set(Object.keys(UNIT_WORDS).filter((unit) => unit !== 'km2' && unit !== 'percent'));
