import { SIGNATURE_BODY as SIGNATURE_BODY_PATTERN } from '../../../rules/identity/layout.ts';
import { CLOSING_REFERENCE, SELF_REFERENCE, TITLE_AREA_BEFORE } from '../../../rules/identity/units.ts';
import type { MetadataEvidence } from '../../model/index.ts';
import { canonicalProvince, isCentralCity } from '../../../rules/provinces.ts';
import { foldDiacritics } from '../text-match.ts';
import { cite } from './evidence.ts';
import type { FrontMatter, Line } from './front.ts';
import { comparable, RANK, sameName, tierOf, unitMentions, type UnitMention } from './units.ts';

/** Who issued the document: the unit in its letterhead, naming itself, signing it, or — for a page — its headline. */

export interface Issuer {
  mention: UnitMention;
  evidence: MetadataEvidence;
  /** Units above it in the letterhead ("UBND HUYỆN ĐỒNG PHÚ" over "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"). */
  parents: UnitMention[];
  line?: Line;
}

const SELF = new RegExp(SELF_REFERENCE.pattern, 'iu');
const CLOSING = new RegExp(CLOSING_REFERENCE.pattern, 'iu');
const SIGNATURE_BODY = new RegExp(SIGNATURE_BODY_PATTERN.pattern, 'iu');
const TITLE_AREA = new RegExp(TITLE_AREA_BEFORE, 'iu');

/** The issuing unit, from the first part of the document that states it. */
export function issuingUnit(front: FrontMatter): Issuer | undefined {
  const standing = (mention: UnitMention) => !mention.former;

  // 1. The letterhead: its lowest unit; the ones above are its district or province.
  if (front.letterhead.length > 0) {
    const text = front.letterhead.map((line) => line.text).join(' | ');
    const mentions = unitMentions(text).filter(standing);
    const own = mentions.at(-1);
    if (own) return { mention: own, parents: mentions.slice(0, -1), evidence: cite('letterhead', front.letterhead[0], text), line: front.letterhead[0] };
    // "CÔNG AN HÀ TĨNH", "Cổng Dịch vụ công tỉnh Nghệ An" without a level word: a province's own body.
    const province = bareProvince(text);
    if (province) return { mention: province, parents: [], evidence: cite('letterhead', front.letterhead[0], text), line: front.letterhead[0] };
  }

  // 2. The issuer naming itself: "UBND xã Tân Lập báo cáo …" (from the title on: a title's last line may be the
  // opening sentence the layout did not set apart), "Trên đây là báo cáo … của UBND xã Tân Lập" (near the end).
  const titleStart = Math.max(0, front.title?.word ? front.lines.indexOf(front.title.word) : front.bodyStart);
  for (const [index, line] of front.lines.entries()) {
    if (index < titleStart) continue;
    for (const mention of unitMentions(line.text)) {
      if (!standing(mention)) continue;
      const names = mention.body !== undefined && index < front.bodyStart + 60 && SELF.test(line.text.slice(mention.end));
      const closes = CLOSING.test(line.text.slice(0, mention.bodyStart ?? mention.start));
      if (names || closes) return { mention, parents: [], evidence: cite('self-reference', line), line };
    }
  }

  // 3. The signature: "TM. ỦY BAN NHÂN DÂN XÃ KIM SƠN", "CHỦ TỊCH UBND XÃ HỒNG PHONG".
  for (const line of front.signature) {
    const signed = SIGNATURE_BODY.exec(line.text);
    const mention = signed ? unitMentions(signed[1]!).find(standing) : undefined;
    if (mention) return { mention, parents: [], evidence: cite('signature', line), line };
  }

  // 4. A page's headline: the unit it is about ("Phường Ba Đình: …", "Tân Kỳ: …", "Công an Hà Tĩnh …").
  if (front.headline) {
    const headline = front.headline.text;
    const inside = unitMentions(headline).find(standing);
    if (inside) return { mention: inside, parents: [], evidence: cite('headline', front.headline), line: front.headline };
    const named = leadingName(headline);
    const resolved = named && resolveName(named, front);
    if (resolved) return { mention: resolved, parents: [], evidence: cite('headline', front.headline), line: front.headline };
    // "Tuổi trẻ Nghệ An hỗ trợ …" in the headline, "Tuyên Quang - Số liệu tính đến …" opening the line under it.
    const places: Array<[Line, string, boolean]> = [[front.headline, headline, false]];
    const index = front.lines.indexOf(front.headline);
    // (A PDF's running header may repeat the headline.)
    const under = front.lines.slice(index + 1, index + 3).find((line) => line.text !== headline);
    if (under) places.push([under, under.text.split(/\s+[-–]\s+/u)[0]!, true]);
    for (const [line, text, whole] of places) {
      const province = bareProvince(text, whole);
      if (province) return { mention: province, parents: [], evidence: cite('headline', line), line };
    }
  }

  // 5. The title: "Triển khai Đề án 06 trên địa bàn huyện Quảng Xương năm 2023".
  for (const line of front.title?.subject ?? []) {
    const mention = unitMentions(line.text).find((candidate) => standing(candidate) && TITLE_AREA.test(line.text.slice(0, candidate.start)));
    if (mention) return { mention, parents: [], evidence: cite('title', line), line };
  }

  // 6. A guess: the unit the text keeps naming, the lowest level first on a tie (lower units report to higher ones).
  return mostMentioned(front);
}

/**
 * A name read from capitals (a letterhead, a signature) loses its tone marks to a scan more easily than the same
 * name in the body's running text ("THỊ TRẤN NGHÉN" over "thị trấn Nghèn" three times): where the body spells the
 * same unit — same level, same letters without diacritics — another way, and more often, its spelling is kept.
 */
export function withBodySpelling(issuer: Issuer | undefined, front: FrontMatter): Issuer | undefined {
  if (!issuer) return issuer;
  const letters = foldDiacritics(issuer.mention.name);
  const spellings = new Map<string, { name: string; count: number }>();
  for (const line of front.lines.slice(front.bodyStart)) {
    for (const mention of unitMentions(line.text)) {
      if (mention.level !== issuer.mention.level || foldDiacritics(mention.name) !== letters) continue;
      const key = comparable(mention.name);
      const entry = spellings.get(key) ?? { name: mention.name, count: 0 };
      entry.count++;
      spellings.set(key, entry);
    }
  }
  const own = spellings.get(comparable(issuer.mention.name))?.count ?? 0;
  const best = [...spellings.values()].sort((a, b) => b.count - a.count)[0];
  if (!best || best.count < 2 || best.count <= own) return issuer;
  return { ...issuer, mention: { ...issuer.mention, name: best.name } };
}

/** The capitalised words a headline opens with ("Tân Kỳ: …", "Lục Ngạn tăng tốc …"). */
function leadingName(headline: string): string | undefined {
  const match = /^((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3})(?=\s*:|\s+\p{Ll})/u.exec(headline);
  return match?.[1];
}

/** A bare name resolved by how the rest of the text names it ("Tân Kỳ" → "huyện Tân Kỳ"), or as a province. */
function resolveName(name: string, front: FrontMatter): UnitMention | undefined {
  const counts = new Map<string, { mention: UnitMention; count: number }>();
  for (const line of front.lines) {
    for (const mention of unitMentions(line.text)) {
      if (mention.former || !sameName(mention.name, name)) continue;
      const entry = counts.get(mention.level) ?? { mention, count: 0 };
      entry.count++;
      counts.set(mention.level, entry);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.count - a.count)[0];
  if (best) return best.mention;
  const province = canonicalProvince(name);
  if (province) return { level: isCentralCity(province) ? 'thành phố' : 'tỉnh', name: province, start: 0, end: 0, former: false };
  return undefined;
}

/** "CÔNG AN HÀ TĨNH", "Công an Lâm Đồng …", "Tuyên Quang - Số liệu …", "Tuổi trẻ Nghệ An …": a province named without its level word. */
export function bareProvince(text: string, whole = false): UnitMention | undefined {
  const words = text.split(/[\s:,.()–-]+/u).filter(Boolean);
  if (whole) {
    const province = words.length <= 4 ? canonicalProvince(words.join(' ')) : undefined;
    return province ? { level: isCentralCity(province) ? 'thành phố' : 'tỉnh', name: province, start: 0, end: 0, former: false } : undefined;
  }
  for (let index = 0; index < words.length; index++) {
    if (!/^\p{Lu}/u.test(words[index]!)) continue;
    for (let length = 4; length >= 2; length--) {
      const candidate = words.slice(index, index + length).join(' ');
      if (!words.slice(index, index + length).every((word) => /^\p{Lu}/u.test(word))) continue;
      const province = canonicalProvince(candidate);
      if (province) return { level: isCentralCity(province) ? 'thành phố' : 'tỉnh', name: province, start: 0, end: 0, former: false };
    }
  }
  return undefined;
}

function mostMentioned(front: FrontMatter): Issuer | undefined {
  const scores = new Map<string, { mention: UnitMention; score: number; line: Line }>();
  front.lines.forEach((line, index) => {
    const weight = index < 12 ? 2 : 1;
    for (const mention of unitMentions(line.text)) {
      if (mention.former) continue;
      const key = `${mention.level}|${mention.name.toLowerCase()}`;
      const entry = scores.get(key) ?? { mention, score: 0, line };
      entry.score += mention.body ? 2 * weight : weight;
      scores.set(key, entry);
    }
  });
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || RANK[tierOf(a.mention)]! - RANK[tierOf(b.mention)]!);
  const best = ranked[0];
  if (!best || best.score < 2) return undefined;
  return { mention: best.mention, parents: [], evidence: cite('mentions', best.line, undefined, true), line: best.line };
}
