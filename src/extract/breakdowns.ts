import { canContain } from '../../rules/containment.ts';
import type { Figure } from '../model/index.ts';
import type { Statement } from './statements.ts';
import { linkTableFigures } from './table-links.ts';

/**
 * Parent → part links between figures, which the checker sums. Reports state breakdowns four ways:
 * 1. inline: "8344 tài khoản …, trong đó, … mức độ 2 là 5616 tài khoản";
 * 2. nesting: "- Tổng số hồ sơ tiếp nhận: 120 hồ sơ" with "+ 0 hồ sơ bị trả lại" below it;
 * 3. a "Trong đó:" line between a total and the sibling items that break it down (each item's first
 *    figure is a part: "- Trong đó:" / "- Đăng ký thường trú:" / "Tiếp nhận: 31 hồ sơ");
 * 4. tables: a "Tổng cộng" row is the total of the same column in the other rows.
 * Only figures of the same unit are linked: a dossier count is never part of a task count.
 */
export function linkBreakdowns(found: ReadonlyArray<{ figure: Figure; statement: Statement }>, statements: readonly Statement[]): void {
  const byStatement = new Map<number, Array<{ figure: Figure; statement: Statement }>>();
  for (const item of found) {
    const list = byStatement.get(item.statement.key) ?? [];
    list.push(item);
    byStatement.set(item.statement.key, list);
  }

  interface Frame {
    depth: number;
    parent: Figure;
    /** Covers later blocks of the same depth too (not only deeper ones). */
    siblings: boolean;
    /** Only the first figure of each sibling's subtree is a part (pattern 3). */
    firstOnly: boolean;
    linkedInSubtree: boolean;
  }
  const frames: Frame[] = [];
  const lastWithFiguresAtDepth = new Map<number, Figure>();
  linkTableFigures(found);

  for (const statement of statements) {
    if (statement.table) continue;
    const { text, depth } = statement;
    const items = byStatement.get(statement.key) ?? [];
    while (frames.length > 0) {
      const top = frames[frames.length - 1]!;
      if (top.siblings ? depth < top.depth : depth <= top.depth) frames.pop();
      else break;
    }
    // "…, trong đó:" followed by deeper items has its parts below it; the next item at its own depth is then
    // its sibling, not one of its parts. Only when the parts follow at the same depth do siblings count.
    for (const frame of frames) if (frame.siblings && !frame.firstOnly && depth > frame.depth) frame.siblings = false;
    for (const frame of frames) if (frame.firstOnly && depth === frame.depth) frame.linkedInSubtree = false;

    const breakdownAt = /trong đó/iu.exec(text)?.index;
    const breakdownEnd = breakdownAt === undefined ? -1 : endOfBreakdown(text, breakdownAt);
    for (const { figure } of items) {
      if (figure.parentId) continue;
      const inlineParent =
        breakdownAt !== undefined && (figure.location.start ?? 0) > breakdownAt && (figure.location.start ?? 0) < breakdownEnd
          ? inlineTotal(items, figure, breakdownAt)
          : undefined;
      if (inlineParent) {
        figure.parentId = inlineParent.id;
        figure.partKind = 'inline';
        continue;
      }
      const frame = [...frames].reverse().find((candidate) => candidate.parent.unit === figure.unit && candidate.parent !== figure && canContain(candidate.parent.metric, figure.metric));
      if (!frame || (frame.firstOnly && frame.linkedInSubtree)) continue;
      figure.parentId = frame.parent.id;
      figure.partKind = frame.firstOnly ? 'list' : 'nested';
      if (frame.firstOnly) frame.linkedInSubtree = true;
    }

    if (isBareBreakdownMarker(text) && items.length === 0) {
      const total = lastWithFiguresAtDepth.get(depth);
      if (total) frames.push({ depth, parent: total, siblings: true, firstOnly: true, linkedInSubtree: false });
    } else if (items.length > 0) {
      const opensBreakdown = /trong đó\s*[:;,]?\s*$/iu.test(text.trim());
      const before = breakdownAt !== undefined ? items.filter(({ figure }) => (figure.location.start ?? 0) < breakdownAt) : items;
      const parent = (opensBreakdown ? before[before.length - 1] : before[0] ?? items[0])!.figure;
      // In a table a row ends the breakdown its cells opened: the next row is the next part, not a part of it.
      frames.push({ depth, parent, siblings: opensBreakdown && !statement.inTable, firstOnly: false, linkedInSubtree: false });
      lastWithFiguresAtDepth.set(depth, items[0]!.figure);
    }
  }
}

/**
 * An inline "trong đó" lists its parts up to the end of its sentence, or of its parenthesis:
 * "(trong đó đăng ký mới 83, đăng ký lại 6) … Trong năm 2023 thực hiện số hóa 6589 TTHC" — 6589 is no part of it.
 */
/** The total a part after "trong đó" belongs to: the count of the same measure before it, else the last one of its unit. */
function inlineTotal(items: ReadonlyArray<{ figure: Figure }>, part: Figure, breakdownAt: number): Figure | undefined {
  const before = items
    .map(({ figure }) => figure)
    .filter((other) => other !== part && other.unit === part.unit && (other.location.start ?? 0) < breakdownAt && canContain(other.metric, part.metric));
  return before.find((other) => other.metric === part.metric) ?? before[before.length - 1];
}

export function endOfBreakdown(text: string, at: number): number {
  const insideParenthesis = text.lastIndexOf('(', at) > text.lastIndexOf(')', at);
  const rest = text.slice(at);
  const end = insideParenthesis ? rest.indexOf(')') : rest.search(/\.(?:\s+\p{Lu}|\s*$)/u);
  return end < 0 ? text.length : at + end;
}

function isBareBreakdownMarker(text: string): boolean {
  return /^[-+–•]?\s*trong đó\s*[:;,]?\s*$/iu.test(text.trim());
}
