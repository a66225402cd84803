/**
 * Provinces and centrally-run cities, before and after the 2025 mergers (a report may use either), so
 * that "tỉnh Quảng ninh" (sic) is still recognised and "tỉnh lộ 534D" is not a province.
 */
export const PROVINCES: readonly string[] = [
  'An Giang', 'Bà Rịa - Vũng Tàu', 'Bạc Liêu', 'Bắc Giang', 'Bắc Kạn', 'Bắc Ninh', 'Bến Tre', 'Bình Dương', 'Bình Định',
  'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cao Bằng', 'Cần Thơ', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai',
  'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng', 'Hậu Giang', 'Hòa Bình',
  'Hồ Chí Minh', 'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lạng Sơn', 'Lào Cai', 'Lâm Đồng', 'Long An',
  'Nam Định', 'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi',
  'Quảng Ninh', 'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế',
  'Huế', 'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
];

/**
 * Cities run by the central government: a province in their own right, so "UBND thành phố Đà Nẵng" names a
 * province, while "UBND thành phố Hạ Long" names a city inside one.
 */
export const CENTRAL_CITIES: readonly string[] = ['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế'];

/** Short forms a document may use for a province or central city. */
const ALIASES: Readonly<Record<string, string>> = { 'hcm': 'Hồ Chí Minh', 'tp.hcm': 'Hồ Chí Minh', 'tphcm': 'Hồ Chí Minh', 'bà rịa-vũng tàu': 'Bà Rịa - Vũng Tàu' };

/** Old and new spellings of the same province ("Thanh Hoá" / "Thanh Hóa"), any case ("THANH HÓA"). */
export function canonicalProvince(name: string): string | undefined {
  const key = comparable(name);
  return ALIASES[key] ?? PROVINCES.find((province) => comparable(province) === key);
}

export function isCentralCity(name: string): boolean {
  const province = canonicalProvince(name);
  return province !== undefined && CENTRAL_CITIES.includes(province);
}

function comparable(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/oà/g, 'òa')
    .replace(/oá/g, 'óa')
    .replace(/oả/g, 'ỏa')
    .replace(/oã/g, 'õa')
    .replace(/oạ/g, 'ọa')
    .replace(/uỷ/g, 'ủy')
    .replace(/\s+/g, ' ')
    .trim();
}
