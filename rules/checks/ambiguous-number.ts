import { defineCheck } from '../../src/check/rule.ts';
import { vietnamese } from '../../src/check/engine.ts';

/** A number the reader could not read with certainty (separator, footnote, OCR): say how it was read and what else it could be. */
export default defineCheck({
  meta: {
    id: 'ambiguous-number',
    description: 'Một con số mà cách đọc dấu phân cách (hoặc kết quả nhận dạng chữ) không chắc chắn.',
    defaultSeverity: 'info',
    messages: {
      ambiguous: 'Không chắc cách đọc số «{{raw}}»: đã hiểu là {{value}}{{alternatives}}{{reason}}. Hãy đối chiếu với bản gốc.',
    },
  },
  check(context) {
    for (const figure of context.figures) {
      if (!figure.uncertain) continue;
      const alternatives = figure.alternatives?.filter((value) => value !== figure.value && value !== figure.denominator) ?? [];
      const read = figure.denominator === undefined ? vietnamese(figure.value) : `${vietnamese(figure.value)}/${vietnamese(figure.denominator)}`;
      context.report({
        messageId: 'ambiguous',
        data: {
          raw: figure.raw,
          value: read,
          alternatives: alternatives.length > 0 ? `, nhưng cũng có thể là ${alternatives.map(vietnamese).join(' hoặc ')}` : '',
          reason: figure.uncertainReason ? ` (${figure.uncertainReason})` : '',
        },
        values: [figure.value, ...(figure.denominator === undefined ? [] : [figure.denominator]), ...alternatives],
        figures: [figure],
      });
    }
  },
  tests: {
    valid: [
      { name: 'a plain thousands figure', text: 'có 12 thôn với 5.388 hộ; 21.187 nhân khẩu' },
      { name: 'a dot decimal that cannot be thousands', text: 'Với tổng diện tích tự nhiên khoảng 121.81 km2, tổng số 3319 hộ' },
    ],
    invalid: [
      { name: 'seed 004: a footnote glued to the denominator', text: '| STT | Lĩnh vực | Tỷ lệ hồ sơ được số hóa\n| 1 | Tư pháp – Hộ tịch | 12.648/13.1761', errors: [{ messageId: 'ambiguous', values: [12648, 13176, 13.1761] }] },
    ],
  },
});
