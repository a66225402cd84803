/**
 * Words that announce a breakdown: the counts after them are parts of the count before them ("Tiếp nhận 500
 * hồ sơ, trong đó trực tuyến 450 …"). `exhaustive` says whether the words present the parts as all of the
 * total ("gồm", "chia ra") or possibly only some of them ("trong đó"); a colon right after the words ("trong đó: a, b,
 * c") opens an enumeration, all of the total like the same parts listed on lines. `totalAfter` marks words that put the
 * total after themselves ("Trong số 1.200 hồ sơ: …"). Longer phrases are tried first.
 *
 * A colon right after a count ("Đã giải quyết 480 hồ sơ: đúng hạn 470, trễ hạn 10") and a parenthesis
 * right after one ("07 máy tính (01 + 04 + 01 + 01)") announce a breakdown too; the linker reads those from
 * the punctuation (src/extract/breakdowns.ts).
 */
export interface BreakdownMarker {
  phrase: string;
  exhaustive: boolean;
  totalAfter?: boolean;
}

export const BREAKDOWN_MARKERS: readonly BreakdownMarker[] = [
  { phrase: 'trong số đó', exhaustive: false },
  { phrase: 'trong đó', exhaustive: false },
  { phrase: 'trong số', exhaustive: false, totalAfter: true },
  { phrase: 'bao gồm', exhaustive: true },
  { phrase: 'gồm có', exhaustive: true },
  { phrase: 'gồm', exhaustive: true },
  { phrase: 'cụ thể là', exhaustive: true },
  { phrase: 'cụ thể', exhaustive: true },
  { phrase: 'chia ra', exhaustive: true },
  { phrase: 'chia theo', exhaustive: true },
  { phrase: 'phân theo', exhaustive: true },
];

/**
 * A paragraph that opens by announcing the outcome of the one before it ("Kết quả, trung tâm đã giải quyết 2.371
 * hồ sơ; …" after "… tiếp nhận mới 2.416 hồ sơ; …"): its counts stand beside the previous paragraph's, as items of
 * one list do, so what was resolved is read against what was received.
 */
export const CONTINUES_PREVIOUS_PARAGRAPH = /^\s*(?:kết quả(?:\s+(?:giải quyết|xử lý|thực hiện|cụ thể))?|theo đó|qua đó)\s*[,:]/iu;

/**
 * A table row (or column) that sums the others: "Tổng cộng", "Cộng", "Tổng số", "Cả năm", and the whole of the
 * reporting unit's area named as such, "Toàn huyện", "Toàn tỉnh" (the communes' rows above it are its parts).
 */
export const TOTAL_ROW_LABEL = /^(?:tổng\s*(?:cộng|số)?|cộng|cả\s+năm|toàn\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn))(?![\p{L}\p{M}])/iu;

/** The words that call a count of prose the total ("tổng số hồ sơ phải giải quyết là 493"). */
export const TOTAL_WORDS = /(?<![\p{L}])(?:tổng số|tổng cộng)(?![\p{L}])/iu;
