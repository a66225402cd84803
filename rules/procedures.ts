/**
 * Procedure qualifiers (contract: "Procedure qualifiers"). A figure under a heading or label that
 * names one of these procedures ("- Đăng ký thường trú: Tiếp nhận: 31 hồ sơ") carries its id.
 * Longer phrases win, so "liên thông đăng ký khai sinh" is not read as plain "khai sinh".
 */
export const PROCEDURES: ReadonlyArray<{ id: string; cues: string[] }> = [
  { id: 'lien-thong-khai-sinh', cues: ['liên thông đăng ký khai sinh', 'dịch vụ công liên thông đăng ký khai sinh', 'liên thông khai sinh'] },
  { id: 'lien-thong-khai-tu', cues: ['liên thông đăng ký khai tử', 'dịch vụ công liên thông đăng ký khai tử', 'liên thông khai tử'] },
  { id: 'thuong-tru', cues: ['đăng ký thường trú', 'thường trú'] },
  { id: 'tam-tru', cues: ['đăng ký tạm trú', 'tạm trú'] },
  { id: 'tam-vang', cues: ['khai báo tạm vắng', 'tạm vắng'] },
  { id: 'luu-tru', cues: ['thông báo lưu trú', 'lưu trú'] },
  { id: 'khai-sinh', cues: ['đăng ký khai sinh', 'khai sinh'] },
  { id: 'khai-tu', cues: ['đăng ký khai tử', 'khai tử'] },
  { id: 'ket-hon', cues: ['đăng ký kết hôn', 'kết hôn'] },
  { id: 'chung-thuc', cues: ['chứng thực bản sao', 'chứng thực'] },
  { id: 'xac-nhan-hon-nhan', cues: ['xác nhận tình trạng hôn nhân'] },
  { id: 'trich-luc', cues: ['trích lục bản sao', 'trích lục'] },
  { id: 'dang-ky-xe', cues: ['đăng ký xe', 'đăng ký, cấp biển số', 'cấp biển số mô tô', 'biển số mô tô, xe gắn máy', 'đăng ký mô tô'] },
];
