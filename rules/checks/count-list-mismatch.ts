import { defineCheck } from '../../src/check/rule.ts';
import { FIGURE_KINDS, findNumbers } from '../../src/normalize/numbers.ts';
import type { Evidence } from '../../src/model/index.ts';

/**
 * "05 mô hình điểm … (Kế hoạch A; Kế hoạch B; Kế hoạch C; Kế hoạch D)": a count followed by an enumeration
 * of a different length. Only explicit enumerations are counted — a parenthesis or a colon right after the
 * counted phrase, with items separated by ";" — since commas inside items are common and a looser reading
 * would count wrong. An enumeration that holds numbers is a breakdown to add, not a list to count.
 */
const COUNT_THEN_LIST = /^\s*([\p{L}][\p{L}\s/-]{1,60}?)\s*(?:[^();:\d]{0,60}?)\s*(\(|:)\s*([^()]*?)(?:\)|$)/u;

export default defineCheck({
  meta: {
    id: 'count-list-mismatch',
    description: 'Một con số đếm ("05 mô hình") đi kèm một danh sách liệt kê có số mục khác.',
    defaultSeverity: 'warning',
    messages: {
      mismatch: 'Nêu {{count}} {{noun}} nhưng chỉ liệt kê {{listed}} mục: {{items}}.',
    },
  },
  check(context) {
    context.document.blocks.forEach((block) => {
      const texts = block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => ({ text: cell.text, location: cell.location }))) : [{ text: block.text, location: block.location }];
      for (const { text, location } of texts) {
        // The listed items are told apart by semicolons, and one item is no list: without a ';' nothing
        // below can report, and reading every number of every block is most of this check's time.
        if (!text.includes(';')) continue;
        const mentions = findNumbers(text);
        // Identifiers ("Đề án 06", "104/2022/NĐ-CP") may sit between a count and its list; figures may not.
        let masked = text;
        for (const other of mentions) if (!FIGURE_KINDS.has(other.kind)) masked = masked.slice(0, other.start) + 'x'.repeat(other.end - other.start) + masked.slice(other.end);
        for (const mention of mentions) {
          if (mention.kind !== 'integer' || mention.value === undefined || mention.value < 2 || mention.value > 30) continue;
          const match = COUNT_THEN_LIST.exec(masked.slice(mention.end));
          if (!match) continue;
          const listStart = mention.end + match.index + match[0].length - match[3]!.length - (match[0].endsWith(')') ? 1 : 0);
          const items = text.slice(listStart, listStart + match[3]!.length).split(';').map((item) => item.trim()).filter((item) => item.length > 0);
          if (items.length < 2 || items.some((item) => /\d/u.test(item))) continue;
          if (items.length === mention.value) continue;
          const noun = text.slice(mention.end).trim().split(/\s+/u).slice(0, 3).join(' ').replace(/[(:;,].*$/u, '');
          const evidence: Evidence = { quote: text.slice(mention.start, Math.min(text.length, mention.end + match[0].length)).trim(), location: { ...location, start: mention.start, end: mention.end } };
          context.report({
            messageId: 'mismatch',
            data: { count: mention.raw, noun, listed: items.length, items: items.map((item, index) => `(${index + 1}) ${shorten(item)}`).join('; ') },
            values: [mention.value, items.length],
            evidence: [evidence],
          });
        }
      }
    });
  },
  tests: {
    valid: [
      {
        name: 'seed 004: "07 máy tính (01 + 04 + 01 + 01)" is a breakdown, not a list',
        text: 'Được trang bị 07 máy tính (01 máy All in one, 04 máy tính để bàn cho công chức, 01 máy lãnh đạo trực, 01 máy laptop); 02 máy in A4.',
      },
      { name: 'a count matching its list', text: 'Triển khai 03 mô hình (mô hình lưu trú; mô hình tố giác tội phạm; mô hình công dân số).' },
      { name: 'list markers are not a count', text: 'xác định tổng số nhiệm vụ được giao, trong đó: (1) UBND xã chủ trì; (2) Thành lập Tổ công tác; (3) Tuyên truyền' },
    ],
    invalid: [
      {
        name: 'seed 000: 05 mô hình điểm, four plans listed',
        text:
          '- Công an xã đã xây dựng các kế hoạch triển khai thực hiện 05 mô hình điểm trong thực hiện Đề án 06 (Kế hoạch về triển khai mô hình nền tảng quản lý lưu trú qua phần mềm ASM tại các cơ sở khám, chữa bệnh trên địa bàn xã; Kế hoạch về triển khai mô hình thực hiện các dịch vụ công thiết yếu thuộc Bộ Công an; Kế hoạch về triển khai mô hình tố giác tội phạm qua ứng dụng VNEID trên địa bàn xã; Kế hoạch số về triển khai mô hình Đảm bảo điều kiện công dân số).',
        errors: [{ messageId: 'mismatch', values: [5, 4] }],
      },
    ],
  },
});

function shorten(item: string): string {
  return item.length <= 60 ? item : `${item.slice(0, 57)}…`;
}
