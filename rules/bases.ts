/**
 * What a percentage is "of" when the text names its base instead of a denominator ("đạt 40%/ tổng dân
 * số"): the metric of the figure, stated elsewhere in the document, that the ratio check divides by.
 */
export const PERCENT_BASES: ReadonlyArray<{ pattern: RegExp; metric: string }> = [
  { pattern: /dân số|nhân khẩu|người dân|công dân/iu, metric: 'population' },
  { pattern: /hộ gia đình|số hộ|tổng số hộ/iu, metric: 'households' },
  { pattern: /tài khoản/iu, metric: 'eid.accounts' },
  { pattern: /hồ sơ (?:tiếp nhận|đã tiếp nhận)|tổng số hồ sơ/iu, metric: 'dossiers.received' },
];
