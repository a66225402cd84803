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
