import { defineCheck } from '../../src/check/rule.ts';
import { FIGURE_KINDS, findNumbers } from '../../src/normalize/numbers.ts';
import type { Block, Evidence } from '../../src/model/index.ts';

/**
 * A count followed by an enumeration of a different length: "05 mô hình điểm … (Kế hoạch A; Kế hoạch B; …)",
 * "thành lập 04 tổ …, gồm: tổ ấp A, tổ ấp B, tổ ấp C", "04 mô hình điểm …, gồm:" above a list of three items.
 * Only enumerations that are plainly lists of the counted things are counted:
 * - inline, after "(", ":" or a listing word (ENUMERATION_OPENERS) in the count's own sentence: items split at
 *   ";" — or at "," and a last "và" when the items begin like one another or like the counted noun ("tổ thôn
 *   A, tổ thôn B và tổ thôn C"), since commas inside items are common;
 * - as list items right below a sentence that ends with the count's opener ("…, gồm:").
 * An enumeration whose items state counts of the same thing is a breakdown to add (sum-mismatch's), not a list.
 */
const ENUMERATION_OPENERS = ['bao gồm', 'gồm có', 'gồm', 'là', 'cụ thể là', 'cụ thể', 'như sau'];
/** Counted nouns that name no listable thing ("05 năm", "20 lượt"). */
const NOT_LISTED = /^(?:năm|tháng|ngày|giờ|phút|tuần|quý|tuổi|lượt|lần|đợt|người|hồ sơ|trường hợp|tài khoản|thẻ|hộ|nhân khẩu|%)/iu;
const MAX_WORDS_PER_ITEM = 14;

export default defineCheck({
  meta: {
    id: 'count-list-mismatch',
    description: 'Một con số đếm ("05 mô hình") đi kèm một danh sách liệt kê có số mục khác.',
    defaultSeverity: 'warning',
    messages: {
      mismatch: 'Nêu {{count}} {{noun}} nhưng chỉ liệt kê {{listed}} mục: {{items}}.',
      more: 'Nêu {{count}} {{noun}} nhưng liệt kê {{listed}} mục: {{items}}.',
    },
  },
  check(context) {
    const blocks = context.document.blocks;
    blocks.forEach((block, blockIndex) => {
      const texts = block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => ({ text: cell.text, location: cell.location }))) : [{ text: block.text, location: block.location }];
      for (const { text, location } of texts) {
        // Reading every number of every block is most of this check's time: a list needs an opener.
        if (!/[(:;]|gồm|là|cụ thể|như sau/iu.test(text)) continue;
        const mentions = findNumbers(text);
        // Identifiers ("Đề án 06", "104/2022/NĐ-CP") may sit between a count and its list; figures may not.
        const pieces: string[] = [];
        let maskedTo = 0;
        for (const other of mentions) {
          if (FIGURE_KINDS.has(other.kind) || other.start < maskedTo) continue;
          pieces.push(text.slice(maskedTo, other.start), 'x'.repeat(other.end - other.start));
          maskedTo = other.end;
        }
        const masked = pieces.join('') + text.slice(maskedTo);
        for (const mention of mentions) {
          if (mention.kind !== 'integer' || mention.value === undefined || mention.value < 2 || mention.value > 30) continue;
          const noun = countedNoun(text.slice(mention.end));
          if (!noun || NOT_LISTED.test(noun)) continue;
          const opener = openerAfter(masked, mention.end);
          if (!opener) continue;
          const inline = inlineItems(text, opener, noun);
          const below = inline === undefined && opener.endsStatement && block.kind !== 'table' ? itemsBelow(blocks, blockIndex, noun) : undefined;
          const items = inline ?? below;
          if (!items || items.length < 2 || items.length === mention.value) continue;
          const evidence: Evidence = { quote: text.slice(mention.start, Math.min(text.length, opener.listEnd)).trim(), location: { ...location, start: mention.start, end: mention.end } };
          context.report({
            messageId: items.length < mention.value ? 'mismatch' : 'more',
            data: { count: mention.raw, noun, listed: items.length, items: items.map((item, index) => `(${index + 1}) ${shorten(item)}`).join('; ') },
            values: [mention.value, items.length],
            evidence: [evidence],
            why: below ? `Các mục liệt kê ngay dưới câu kết thúc bằng "${opener.word}".` : `Danh sách ngay sau "${opener.word}" trong cùng câu.`,
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

/** The counted noun right after the number: its first words up to punctuation ("mô hình điểm", "tổ công nghệ số cộng đồng"). */
function countedNoun(after: string): string | undefined {
  const words = /^\s+([\p{Ll}\p{Lu}][\p{L}\s/-]{0,60}?)(?=\s*(?:[,;:(.]|$|\s(?:về|tại|của|trong|để|cho|với|đã|được|trên|theo)\s))/u.exec(after)?.[1];
  return words?.trim().split(/\s+/u).slice(0, 4).join(' ');
}

interface Opener {
  word: string;
  /** Where the list starts, and where its sentence (or parenthesis) ends. */
  listStart: number;
  listEnd: number;
  /** Nothing follows the opener in its statement: the list, if any, is below. */
  endsStatement: boolean;
}

/** "(", ":" or a listing word after the counted phrase, in the same clause (no other figure, no sentence end between). */
function openerAfter(masked: string, from: number): Opener | undefined {
  const rest = masked.slice(from);
  const clause = /^[^.;()\d]{0,140}?(?:(\()|(:)|,?\s(bao gồm|gồm có|gồm|cụ thể là|cụ thể|như sau|là)\s*(:)?)/iu.exec(rest);
  if (!clause) return undefined;
  const listStart = from + clause[0].length;
  const word = clause[1] ?? clause[2] ?? clause[3]!;
  if (word === 'là' && clause[4] === undefined) return undefined;
  const tail = masked.slice(listStart);
  const end = word === '(' ? tail.indexOf(')') : tail.search(/\.(?:\s+\p{Lu}|\s*$)/u);
  const listEnd = end < 0 ? masked.length : listStart + end;
  return { word, listStart, listEnd, endsStatement: masked.slice(listStart).trim() === '' };
}

function inlineItems(text: string, opener: Opener, noun: string): string[] | undefined {
  const body = text.slice(opener.listStart, opener.listEnd).trim();
  if (body === '') return undefined;
  let items: string[];
  if (body.includes(';')) items = body.split(';');
  else {
    items = body.split(/,\s*|\s+và\s+/u);
    // Commas alone separate items only when the items begin alike, or like the counted noun.
    const heads = items.map((item) => item.trim().split(/\s+/u)[0]?.toLowerCase() ?? '');
    const nounHead = noun.split(/\s+/u)[0]!.toLowerCase();
    if (items.length < 2 || !heads.every((head) => head === heads[0] || head === nounHead)) return undefined;
  }
  items = items.map((item) => item.trim().replace(/^[-+•–]\s*/u, '').replace(/[.;]$/u, '')).filter((item) => item.length > 0);
  const maxWords = body.includes(';') ? 3 * MAX_WORDS_PER_ITEM : MAX_WORDS_PER_ITEM;
  if (items.some((item) => /\d/u.test(item) || item.split(/\s+/u).length > maxWords)) return undefined;
  return items;
}

/** The list items right below a statement that ends with its opener; undefined when they are a breakdown of the count. */
function itemsBelow(blocks: readonly Block[], index: number, noun: string): string[] | undefined {
  const items: string[] = [];
  let level: string | undefined;
  for (let next = index + 1; next < blocks.length; next++) {
    const block = blocks[next]!;
    if (block.kind === 'table' || block.kind === 'heading') break;
    // An item's kind: its level and its marker's shape ("-", "x)", "x."), so "e) Làm sạch dữ liệu" after three "-" items is no fourth.
    const typed = /^\s*([-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s/u.exec(block.text)?.[1];
    const shape = (marker: string | undefined) => marker?.replace(/[a-zđ0-9]+/giu, 'x');
    // A Word list keeps its numbering out of the text: a bulleted list and a lettered one differ by being ordered.
    const wordList = block.kind === 'list-item' && block.ordered !== undefined ? (block.ordered ? '#' : '•') : '';
    const marker = block.kind === 'list-item' ? `${block.level}${shape(block.marker ?? typed) ?? wordList}` : shape(typed);
    if (marker === undefined) break;
    level ??= marker;
    if (marker !== level) {
      if (items.length === 0) break;
      continue; // a sub-item of the previous item
    }
    items.push(block.text.replace(/^\s*(?:[-+•–*]|[a-zđ]\)|\d{1,2}[.)])\s*/u, '').replace(/[;.,]\s*$/u, ''));
  }
  const head = noun.split(/\s+/u)[0]!.toLowerCase();
  // "- Khai sinh: 20 hồ sơ" under "63 hồ sơ, gồm:" is a part with its count: the sum's business, not a list's.
  if (items.some((item) => findNumbers(item).some((mention) => FIGURE_KINDS.has(mention.kind) && item.slice(mention.end).trim().toLowerCase().startsWith(head)))) return undefined;
  return items;
}

function shorten(item: string): string {
  return item.length <= 60 ? item : `${item.slice(0, 57)}…`;
}
