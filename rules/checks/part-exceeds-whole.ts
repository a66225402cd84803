import { defineCheck } from '../../src/check/rule.ts';
import { isCertainCount, sameQualifiers } from '../../src/check/figures.ts';
import type { Quantity } from '../../src/model/index.ts';

/**
 * A part larger than its whole: a part the text links to its total ("trong đó", a list below it, a table's
 * total row, side by side per rules/relations/), a ratio whose numerator exceeds its denominator, or a declared
 * part above its whole (level-2 accounts above all accounts) when each is stated once for the same year and
 * procedure. A whole of 0 that the relations call a status claim ("0 chưa hoàn thành") is status-contradiction's.
 */
export default defineCheck({
  meta: {
    id: 'part-exceeds-whole',
    description: 'Một phần lớn hơn tổng của nó (tài khoản mức 2 nhiều hơn tổng số tài khoản, hồ sơ đúng hạn nhiều hơn hồ sơ tiếp nhận…).',
    defaultSeverity: 'error',
    messages: {
      part: 'Phần lớn hơn tổng: {{partValue}} ({{partRaw}}) lớn hơn tổng {{wholeValue}} ({{wholeRaw}}) mà nó thuộc về.',
      ratio: 'Tử số lớn hơn mẫu số: {{numerator}}/{{denominator}} — phần không thể lớn hơn tổng.',
    },
  },
  check(context) {
    const { relations } = context;
    const reported = new Set<string>();
    const statusClaimOf = (whole: Quantity, part: Quantity) =>
      whole.value === 0 && whole.metric !== undefined && part.metric !== undefined && relations.withWhole(whole.metric).some((relation) => relation.zeroIsStatusClaim && relation.parts.includes(part.metric!));
    const report = (part: Quantity, whole: Quantity, why: string) => {
      const key = `${part.id}>${whole.id}`;
      if (reported.has(key) || statusClaimOf(whole, part)) return;
      reported.add(key);
      context.report({
        messageId: 'part',
        data: { partValue: part.value, partRaw: part.raw, wholeValue: whole.value, wholeRaw: whole.raw },
        values: [part.value, whole.value],
        figures: [part, whole],
        why,
      });
    };
    for (const quantity of context.quantities) {
      if (!isCertainCount(quantity)) continue;
      if (quantity.denominator !== undefined && quantity.value > quantity.denominator) {
        context.report({ messageId: 'ratio', data: { numerator: quantity.value, denominator: quantity.denominator }, values: [quantity.value, quantity.denominator], figures: [quantity] });
      }
      const parent = quantity.parentId ? context.figureById.get(quantity.parentId) : undefined;
      if (parent && isCertainCount(parent) && quantity.value > parent.value) report(quantity, parent, `Phần thuộc tổng vì: ${quantity.linkedBy ?? 'được nêu ngay sau tổng'}.`);
    }
    for (const relation of relations.relations) {
      if (relation.boundCheck !== 'part-exceeds-whole' || relation.onlyWhereLinked) continue;
      const wholes = uniqueByQualifiers(context.quantities.filter((quantity) => quantity.metric === relation.whole && isCertainCount(quantity)));
      for (const partMetric of [...relation.partitions.flatMap((partition) => partition.parts), ...relation.parts]) {
        for (const part of uniqueByQualifiers(context.quantities.filter((quantity) => quantity.metric === partMetric && isCertainCount(quantity)))) {
          // A part the text gives to another total is compared with that one ("đến hạn 1.180, trong đó đúng hạn
          // 1.150" beside 1.100 newly received: due dossiers include ones carried over).
          const linkedElsewhere = part.parentId !== undefined && context.figureById.get(part.parentId)?.metric !== relation.whole;
          const whole = linkedElsewhere ? undefined : wholes.find((candidate) => sameQualifiers(candidate, part, context.reportYear));
          if (whole && part.value > whole.value) report(part, whole, `Quan hệ khai báo (rules/relations/${relation.id}): ${relation.description}`);
        }
      }
    }
  },
  tests: {
    valid: [
      { name: 'seed 001: level-2 accounts 5616 ≤ all accounts 8344', text: 'Hiện tại trên địa bàn xã đã đăng ký cho 8344 tài khoản định danh điện tử, trong đó, tài khoản định danh điện tử mức độ 2 là 5616 tài khoản.' },
      { name: 'seed 003: 18 online ≤ 18 on time', text: '- Số lượng hồ sơ tiếp nhận 18 hồ sơ.\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 18 hồ sơ đã trả kết quả đúng thời hạn, trong đó:\n+ 18 hồ sơ đăng ký qua DVC' },
      {
        name: 'a new sentence after a list of parts leaves the list: it is no part of the total the list broke down',
        text: '2. Cấp thẻ Căn cước\n\nTrong tháng, Công an xã trả 420 thẻ Căn cước, chia ra:\n- Theo độ tuổi:\n+ Dưới 14 tuổi: 150 thẻ;\n+ Từ đủ 14 tuổi: 270 thẻ.\nLũy kế đến nay, xã đã cấp 8.950 thẻ Căn cước.',
      },
      { name: 'different years are different wholes', text: 'Năm 2022: tiếp nhận 100 hồ sơ.\nNăm 2023: tiếp nhận 300 hồ sơ, trong đó 200 hồ sơ trực tuyến.' },
    ],
    invalid: [
      { name: 'level-2 accounts above all accounts', text: 'Đã đăng ký cho 5.000 tài khoản định danh điện tử, trong đó, tài khoản định danh điện tử mức độ 2 là 5.616 tài khoản.', errors: [{ messageId: 'part', values: [5616, 5000] }] },
      { name: 'a nested part above its total', text: '- Tổng số hồ sơ tiếp nhận: 120 hồ sơ\n+ 0 hồ sơ bị trả lại do thiếu giấy tờ\n+ 125 hồ sơ đã trả kết quả đúng thời hạn', errors: [{ messageId: 'part', values: [125, 120] }] },
      { name: 'a numerator above its denominator', text: '+ Số hoá đầu vào hồ sơ giải quyết TTHC:\nNăm 2022: 7.065/6588 hồ sơ = 107%;', errors: [{ messageId: 'ratio', values: [7065, 6588] }] },
      { name: 'tasks completed above tasks assigned, stated apart', text: '- Tổng số nhiệm vụ được giao: 30;\n- Tổng số nhiệm vụ đã hoàn thành: 32;', errors: [{ messageId: 'part', values: [32, 30] }] },
    ],
  },
});

/** Quantities whose metric and qualifiers are stated with exactly one value (restatements of it collapse to one). */
function uniqueByQualifiers(figures: readonly Quantity[]): Quantity[] {
  const byKey = new Map<string, Quantity[]>();
  for (const figure of figures) {
    const key = `${figure.year ?? ''}|${figure.procedure ?? ''}`;
    const group = byKey.get(key);
    if (group) group.push(figure);
    else byKey.set(key, [figure]);
  }
  return [...byKey.values()].filter((group) => new Set(group.map((figure) => figure.value)).size === 1).map((group) => group[0]!);
}
