/**
 * Counted nouns that belong to no metric. A number followed by one of these is a count of something
 * the catalog does not track ("02 Quyết định", "05 cuộc họp", "dưới 6 tuổi"), so no rule may claim it.
 * Listing them also stops a shorter metric noun matching inside them ("hộ nghèo" is not "hộ").
 */
export const OTHER_NOUNS: readonly string[] = [
  'văn bản', 'quyết định', 'kế hoạch', 'công văn', 'thông báo', 'nghị quyết', 'chỉ thị', 'báo cáo',
  'lượt kiểm tra', 'lượt góp ý', 'cuộc kiểm tra', 'cuộc họp', 'cuộc', 'lớp', 'lớp tập huấn', 'đợt', 'lần', 'kỳ',
  'điểm', 'điểm kết nối', 'điểm mới', 'nhóm', 'nhóm tiện ích', 'tiện ích', 'mô hình', 'mô hình điểm',
  'năm', 'tháng', 'ngày', 'giờ', 'phút', 'tuần', 'quý', 'tuổi',
  'máy', 'máy tính', 'máy in', 'máy scan', 'màn hình', 'thiết bị', 'bộ', 'm2', 'km', 'đồng', 'triệu', 'tỷ', 'nghìn đồng',
  'công chức', 'cán bộ', 'đồng chí', 'thành viên', 'tổ', 'tổ công tác', 'đơn vị', 'cơ quan', 'cơ sở', 'trường', 'ngành', 'cấp',
  'xã', 'phường', 'huyện', 'tỉnh', 'thị trấn',
  'hộ nghèo', 'hộ cận nghèo', 'hộ kinh doanh', 'hộ chiếu', 'hộ khẩu', 'hộ tịch', 'chủ hộ', 'hộ gia đình có',
  'câu hỏi', 'chỉ tiêu', 'nhiệm vụ trọng tâm', 'giải pháp', 'nội dung', 'trường hợp học sinh',
  'số', 'chữ số', 'ký tự', 'ngành nghề', 'dịch vụ viễn thông',
];
