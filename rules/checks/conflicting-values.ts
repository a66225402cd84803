import { defineCheck } from '../../src/check/rule.ts';
import { groupBy, isCertainCount } from '../../src/check/figures.ts';
import { digitSwaps } from '../../src/check/arithmetic.ts';
import type { Quantity } from '../../src/model/index.ts';

/**
 * The same fact stated twice with different values. A fact is pinned by its metric and every scope the text
 * gives it: year (the report's own year counts as none, so "năm 2025, xã tiếp nhận …" and "trong kỳ tiếp nhận
 * …" in the 2025 report are the same period), procedure, field of work, unit, own period, and running total as
 * of a date. Compared only where the text marks the two mentions as one fact: a scope of their own in common, a
 * size of the unit ("xã có 12 thôn với 5.388 hộ"), or the same words around the number (a figure restated in
 * the assessment in the words of the results). Parts of a total of the same measure are not restatements of it,
 * two cells of one table are different rows or columns, and a comparison with an earlier period is no fact of
 * this one.
 */
const SIZE_STATEMENT = /(?:có|gồm|với|tổng số|dân số|diện tích|quy mô)\s*(?:khoảng|gần|hơn|trên|là|:)?\s*$/iu;
const SUBUNIT_SIZE = /(?:thôn|xóm|ấp|bản|buôn|làng|tổ dân phố|tdp|khu phố|khu dân cư|tổ|khu|khối|phum|sóc)\s+[\p{L}\d.]+(?:\s+[\p{L}\d]+)?\s*,?\s*(?:có|gồm|với)\s*(?:khoảng|gần|hơn|trên|là|:)?\s*$/iu;
/** Beyond this many values one measure in one scope is listed, not restated. */
const MAX_VALUES_OF_ONE_FACT = 24;
/** Mentions of each value compared: a fact repeated a thousand times is as conflicting after the first few. */
const MENTIONS_COMPARED = 6;
const STOP_WORDS = new Set(['và', 'của', 'các', 'đã', 'được', 'trong', 'là', 'có', 'với', 'cho', 'tại', 'theo', 'số', 'đạt', 'tỷ', 'lệ', 'tổng', 'những', 'này', 'đó', 'trên', 'đến', 'từ', 'năm', 'tháng', 'ngày']);

export default defineCheck({
  meta: {
    id: 'conflicting-values',
    description: 'Cùng một chỉ tiêu với cùng phạm vi (năm, kỳ, thủ tục, lĩnh vực, đơn vị) được nêu hai lần với hai giá trị khác nhau.',
    defaultSeverity: 'warning',
    messages: {
      conflict: 'Cùng một số liệu{{qualifiers}} được nêu với hai giá trị khác nhau: {{first}} ({{firstRaw}}) và {{second}} ({{secondRaw}}).',
    },
  },
  check(context) {
    const year = (quantity: Quantity) => (quantity.year === context.reportYear ? undefined : quantity.year);
    const candidates = context.quantities.filter((quantity) => {
      if (quantity.metric === undefined || !isCertainCount(quantity) || quantity.period === 'previous') return false;
      const parent = quantity.parentId ? context.figureById.get(quantity.parentId) : undefined;
      return !parent || parent.metric !== quantity.metric;
    });
    const scope = (quantity: Quantity) => [quantity.metric, quantity.unit, year(quantity) ?? '', quantity.procedure ?? '', quantity.field ?? '', quantity.subject ?? ''].join('|');
    const key = (quantity: Quantity) => `${scope(quantity)}|${quantity.cumulative ? `cum:${quantity.asOf ?? ''}` : (quantity.period ?? '')}`;
    const order = new Map(candidates.map((quantity, index) => [quantity, index]));
    // Cells of a table's total row: the rows above them are their parts.
    const tableTotals = new Set(context.quantities.filter((quantity) => quantity.partKind === 'table' && quantity.tablePart === 'column').map((quantity) => quantity.parentId));
    for (const group of groupBy(candidates, key).values()) {
      // Mentions grouped by value: a value repeated ten thousand times is compared once with each other value.
      const values = [...groupBy(group, (quantity) => String(quantity.value)).values()];
      // Dozens of values of one measure in one scope are a list (village by village, row by row), not one fact restated.
      if (values.length > MAX_VALUES_OF_ONE_FACT) continue;
      for (const [index, firstValue] of values.entries()) {
        for (const secondValue of values.slice(index + 1)) {
          const pair = mentionsOfOneFact(firstValue, secondValue);
          if (!pair) continue;
          const [first, second] = pair.sort((x, y) => order.get(x)! - order.get(y)!) as [Quantity, Quantity];
          const qualifiers = [year(first) !== undefined ? `năm ${year(first)}` : '', first.procedure ? `thủ tục ${first.procedure}` : '', first.subject ?? '', first.asOf ? `đến ${first.asOf}` : ''].filter(Boolean).join(', ');
          context.report({
            messageId: 'conflict',
            data: { qualifiers: qualifiers ? ` (${qualifiers})` : '', first: first.value, firstRaw: first.raw, second: second.value, secondRaw: second.raw },
            values: [first.value, second.value],
            figures: [first, second],
            why: whyOneFact(first, second),
          });
        }
      }
    }

    // A table that does not say its figures are running totals may still hold the one the prose gives as of a date
    // ("Lũy kế đến ngày 30/11/2024, … kích hoạt 318.241 tài khoản" above a "Toàn tỉnh" row of 318.214): compared
    // across that difference only as a slip of the pen.
    for (const cell of candidates.filter((quantity) => tableTotals.has(quantity.id) && !quantity.cumulative && quantity.period === undefined)) {
      const prose = candidates.find((quantity) => quantity.cumulative && scope(quantity) === scope(cell) && quantity.value !== cell.value && proseAndTableTotal(quantity, cell));
      if (!prose) continue;
      const [first, second] = [prose, cell].sort((x, y) => order.get(x)! - order.get(y)!) as [Quantity, Quantity];
      context.report({
        messageId: 'conflict',
        data: { qualifiers: prose.asOf ? ` (đến ${prose.asOf})` : '', first: first.value, firstRaw: first.raw, second: second.value, secondRaw: second.raw },
        values: [first.value, second.value],
        figures: [first, second],
        why: whyOneFact(first, second),
      });
    }

    /** The first two mentions, one of each value, that the text marks as one fact (a few mentions of each suffice). */
    function mentionsOfOneFact(firstValue: readonly Quantity[], secondValue: readonly Quantity[]): [Quantity, Quantity] | undefined {
      for (const a of firstValue.slice(0, MENTIONS_COMPARED)) {
        for (const b of secondValue.slice(0, MENTIONS_COMPARED)) {
          const [earlier, later] = order.get(a)! < order.get(b)! ? [a, b] : [b, a];
          if (oneFact(earlier, later)) return [earlier, later];
        }
      }
      return undefined;
    }

    /** Do the two mentions name one fact, beyond sharing a metric? */
    function oneFact(a: Quantity, b: Quantity): boolean {
      // One sentence, row or paragraph that states two values of a measure states two facts.
      // (Quotes are windows around each number, so the line, not the quote, says it is one sentence.)
      // A PDF wraps one sentence over lines: the statement it belongs to, not the line, says so there.
      if (a.location.page === b.location.page && (a.location.line === b.location.line || a.evidence === b.evidence)) return false;
      if (sameTable(a, b)) return false;
      if (hasOwnScope(a)) return true;
      if (isSize(a) && isSize(b)) return true;
      if (proseAndTableTotal(a, b)) return true;
      // Without a scope of their own, two counts of one measure may be two facts (a field, a stage); the same words
      // around a nearly equal number — a slip of the pen — say it is one fact mistyped.
      return similarWords(a, b) && slipApart(a.value, b.value);
    }
    // A field of work only separates facts (a section's heading gives it to every count below); a year, a
    // procedure or a unit of their own pins two mentions to one fact.
    function hasOwnScope(quantity: Quantity): boolean {
      return year(quantity) !== undefined || quantity.procedure !== undefined || quantity.subject !== undefined;
    }
    function isSize(quantity: Quantity): boolean {
      if (!['villages', 'households', 'persons', 'km2'].includes(quantity.unit) || quantity.parentId) return false;
      const at = quantity.evidence.indexOf(quantity.raw);
      const before = quantity.evidence.slice(Math.max(0, at - 40), at);
      // "thôn 3 có 120 hộ" is the size of a village, one of a list, not of the unit.
      return at >= 0 && SIZE_STATEMENT.test(before) && !SUBUNIT_SIZE.test(before);
    }
    /**
     * "toàn tỉnh đã cấp 331.644 thẻ" and the "Toàn tỉnh" row of the table below: the whole's figure said in prose and
     * in the total row, for the same measure and scope. Differing as a slip of the pen, one of them is mistyped.
     */
    function proseAndTableTotal(a: Quantity, b: Quantity): boolean {
      const [cell, prose] = tableTotals.has(a.id) ? [a, b] : [b, a];
      return tableTotals.has(cell.id) && !prose.evidence.includes('|') && prose.parentId === undefined && slipApart(a.value, b.value);
    }
    function whyOneFact(a: Quantity, b: Quantity): string {
      if (hasOwnScope(a)) return 'Cùng chỉ tiêu và cùng phạm vi (năm, thủ tục, lĩnh vực hoặc đơn vị).';
      if (isSize(a) && isSize(b)) return 'Cả hai câu đều nêu quy mô của đơn vị.';
      if (proseAndTableTotal(a, b)) return 'Cùng chỉ tiêu và phạm vi, nêu trong câu văn và ở dòng tổng của bảng; hai giá trị chỉ khác nhau như một lỗi đánh máy.';
      return 'Cùng chỉ tiêu, cùng kỳ, hai câu dùng cùng những từ quanh con số, và hai giá trị chỉ khác nhau như một lỗi đánh máy (đảo hoặc sai một chữ số).';
    }
  },
  tests: {
    valid: [
      {
        name: 'a table of some units only: its total is not the whole the prose states',
        text: districtWith12418Cards('Kết quả tại 02 xã được kiểm tra:\nXã\tThẻ Căn cước đã cấp\nXã An Phú\t3.210\nXã An Hòa\t2.308\nCộng\t5.518'),
      },
      { name: 'seed 001: 8344 accounts restated with the same value', text: 'Đã đăng ký cho 8344 tài khoản định danh điện tử.\nĐến nay đã cấp 8344 tài khoản định danh điện tử.' },
      { name: 'seed 003: 120 and 256 received dossiers in different sections', text: '2.1. Công tác đăng ký quản lý cư trú\n- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n2.2. Kết quả thực hiện quy trình phối hợp\n- Số lượng hồ sơ đăng ký lần đầu dịch vụ công liên thông: 256 hồ sơ.' },
      { name: 'parts of a total are not restatements of it', text: '+ Đăng ký kết hôn: 89 trường hợp, đã giải quyết 89 hồ sơ (trong đó đăng ký mới 83, đăng ký lại 6).' },
      { name: 'seed 004: 126 procedures published at the ward, 162 on the portal', text: 'Đã cập nhật niêm yết 126 thủ tục hành chính thuộc thẩm quyền giải quyết của UBND phường. Niêm yết 162 TTHC đã công khai tại trang dichvucong.quangninh.gov.vn.' },
      { name: 'villages listed with their households are no restatement of the unit size', text: 'Thôn 1 có 120 hộ.\nThôn Đông có 135 hộ.\nXóm Bãi Sậy có 98 hộ.' },
      { name: 'a paragraph listing villages, however long, states many facts', text: `Toàn xã: ${Array.from({ length: 40 }, (_, index) => `thôn ${index + 1} có ${100 + index} hộ`).join(', ')}.` },
      { name: 'different years', text: 'Năm 2022: 6.065/6588 hồ sơ = 92%;\nNăm 2023: 6.702/6.715 hồ sơ = 99%;' },
    ],
    invalid: [
      {
        name: 'the whole said in prose and in the total row of the table below, one digit apart',
        text: districtWith12418Cards('Bảng 1. Kết quả lũy kế đến ngày 30/9\nXã\tThẻ Căn cước đã cấp\nXã An Phú\t7.210\nXã An Hòa\t5.308\nToàn huyện\t12.518'),
        errors: [{ messageId: 'conflict', values: [12418, 12518] }],
      },
      {
        name: 'a running total in prose and a table that does not say it is one, two digits swapped',
        text: districtWith12418Cards('Kết quả theo xã:\nXã\tThẻ Căn cước đã cấp\nXã An Phú\t7.210\nXã An Hòa\t5.271\nToàn huyện\t12.481'),
        errors: [{ messageId: 'conflict', values: [12418, 12481] }],
      },
      {
        name: 'seed 004: digitised in 2023 stated as 6.702 and as 6589',
        text: '- Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2023: 6.702/6.715 hồ sơ = 99,8%;\n3. Về thực hiện dịch vụ công trực tuyến\nTrong năm 2023 thực hiện số hóa 6589 TTHC tiếp nhận, đạt tỷ lệ 100%.',
        errors: [{ messageId: 'conflict', values: [6702, 6589] }],
      },
      { name: 'households restated differently', text: 'Xã có 12 thôn với 5.388 hộ.\nToàn xã có 5.400 hộ.', errors: [{ messageId: 'conflict', values: [5388, 5400] }] },
    ],
  },
});

/** Two cells of one table are different rows or columns, never one fact stated twice. */
function sameTable(a: Quantity, b: Quantity): boolean {
  return a.location.page === b.location.page && a.evidence === b.evidence && a.evidence.includes('|');
}

/** The words right around the number (six before, six after, within its sentence), without numbers and small words. */
function wordsAround(quantity: Quantity): Set<string> {
  const at = Math.max(0, quantity.evidence.indexOf(quantity.raw));
  const sentenceStart = Math.max(0, quantity.evidence.lastIndexOf('. ', at) + 1, quantity.evidence.lastIndexOf('; ', at) + 1);
  const after = quantity.evidence.slice(at + quantity.raw.length);
  const sentenceEnd = at + quantity.raw.length + Math.max(0, after.search(/[.;](?:\s|$)|$/u));
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}]+/u).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
  return new Set([...words(quantity.evidence.slice(sentenceStart, at)).slice(-6), ...words(quantity.evidence.slice(at, sentenceEnd)).slice(0, 6)]);
}

/** Most of the shorter clause's words are the longer one's: the same fact said again. */
function similarWords(a: Quantity, b: Quantity): boolean {
  const wa = wordsAround(a);
  const wb = wordsAround(b);
  const smaller = wa.size <= wb.size ? wa : wb;
  const larger = smaller === wa ? wb : wa;
  if (smaller.size < 3) return false;
  const shared = [...smaller].filter((word) => larger.has(word)).length;
  return shared / smaller.size >= 0.7;
}

/**
 * A slip of the pen apart: two adjacent digits swapped (4.126 / 4.216, 6.917 / 6.971), or one digit changed in a
 * number of four digits or more. Small numbers differ by one digit all the time without being one fact.
 */
function slipApart(a: number, b: number): boolean {
  if (Math.min(a, b) < 10) return false;
  if (digitSwaps(a).includes(b)) return true;
  const [x, y] = [String(a), String(b)];
  return Math.min(a, b) >= 1000 && x.length === y.length && [...x].filter((digit, index) => digit !== y[index]).length === 1;
}

/** A district report whose prose gives 12.418 ID cards issued to 30/9, then `table` (a caption and its rows). */
function districtWith12418Cards(table: string): string {
  return `UBND HUYỆN ĐỒNG XUÂN\nBÁO CÁO kết quả tháng 9\nLũy kế đến ngày 30/9, toàn huyện đã cấp 12.418 thẻ Căn cước.\n${table}`;
}
