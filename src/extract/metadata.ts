import type { Document, DocumentMetadata } from '../model/index.ts';
import { PROVINCES, canonicalProvince } from '../../rules/provinces.ts';

type UnitLevel = NonNullable<DocumentMetadata['unitLevel']>;

const LEVELS = ['thị trấn', 'thị xã', 'thành phố', 'xã', 'phường', 'quận', 'huyện'] as const;
/** Level words in either case ("Xã Sơn Tây Hạ", "UBND xã"), without making the proper name case-insensitive too. */
const LEVEL_PATTERN = LEVELS.map((level) => `[${level[0]!.toUpperCase()}${level[0]}]${level.slice(1)}`).join('|');
/** Lower levels report to higher ones; the author is usually the lowest unit the text keeps naming. */
const LEVEL_RANK: Record<string, number> = { 'xã': 0, 'phường': 0, 'thị trấn': 0, 'huyện': 1, 'quận': 1, 'thị xã': 1, 'thành phố': 1 };

const PROPER_NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*){0,3}`;
const UNIT_MENTION = new RegExp(String.raw`(?<![\p{L}])(${LEVEL_PATTERN})\s+(${PROPER_NAME})`, 'gu');
const AUTHOR_MENTION = new RegExp(String.raw`(?:UBND|[ỦỤUủuụ][ỷyỳ] ban nhân dân|[Tt]ổ công tác [Đđ]ề án 06)\s+(${LEVEL_PATTERN})\s+(${PROPER_NAME})`, 'gu');

/**
 * Who wrote the report, about when, and what kind of document it is. Headers of real reports are often
 * lost (scans, copied bodies), so each field is read from wherever the body says it, and left empty rather
 * than guessed when nothing says it.
 */
export function extractMetadata(document: Document): DocumentMetadata {
  const texts = document.blocks.flatMap((block) => (block.kind === 'table' ? block.rows.flatMap((row) => row.cells.map((cell) => cell.text)) : [block.text]));
  const opening = texts.slice(0, 12).join('\n');
  const all = texts.join('\n');
  const metadata: DocumentMetadata = {};

  const unit = authorUnit(texts);
  if (unit) {
    metadata.unitName = unit.name;
    metadata.unitLevel = unit.level;
  }
  const province = mostMentionedProvince(all);
  if (province) metadata.province = province;
  metadata.docType = documentType(texts.slice(0, 4).join('\n'));
  const period = reportPeriod(opening);
  if (period) metadata.period = period;
  const date = reportDate(all);
  if (date) metadata.reportDate = date;
  const number = /\bSố\s*:\s*(\d{1,5}\s*\/\s*[\p{L}\d-]+(?:-[\p{L}\d]+)*)/u.exec(opening);
  if (number) metadata.documentNumber = number[1]!.replace(/\s+/g, '');
  return metadata;
}

function authorUnit(texts: readonly string[]): { name: string; level: UnitLevel } | undefined {
  const scores = new Map<string, { name: string; level: UnitLevel; score: number }>();
  const add = (level: string, name: string, weight: number) => {
    const cleanName = trimName(name);
    if (!cleanName) return;
    const normalizedLevel = level.toLowerCase() as UnitLevel;
    const key = `${normalizedLevel}|${cleanName}`;
    const entry = scores.get(key) ?? { name: cleanName, level: normalizedLevel, score: 0 };
    entry.score += weight;
    scores.set(key, entry);
  };
  texts.forEach((text, index) => {
    const early = index < 12 ? 2 : 1;
    for (const match of text.matchAll(UNIT_MENTION)) add(match[1]!, match[2]!, early);
    for (const match of text.matchAll(AUTHOR_MENTION)) add(match[1]!, match[2]!, 2 * early);
  });
  const ranked = [...scores.values()].sort((a, b) => b.score - a.score || (LEVEL_RANK[a.level] ?? 2) - (LEVEL_RANK[b.level] ?? 2));
  const best = ranked[0];
  return best && best.score >= 2 ? { name: best.name, level: best.level } : undefined;
}

/** "Giai Xuân (cũ)" or "Giai Phạm Thôn" — keep only the capitalised name, never a following common word. */
function trimName(name: string): string {
  const words = name.split(/\s+/);
  const stop = new Set(['Tổ', 'Thôn', 'Công', 'Đảng', 'Uỷ', 'Ủy', 'UBND', 'Trong', 'Sau', 'Trước', 'Và']);
  const kept: string[] = [];
  for (const word of words) {
    if (kept.length > 0 && stop.has(word)) break;
    kept.push(word);
  }
  const joined = kept.join(' ');
  return /^(Đề|Các|Này|Nhà|Ban|Chủ|Theo|Tại)$/u.test(kept[0] ?? '') ? '' : joined;
}

function mostMentionedProvince(text: string): string | undefined {
  const counts = new Map<string, number>();
  const pattern = new RegExp(String.raw`(?:tỉnh|thành phố)\s+(${PROPER_NAME.replace(/\\p\{Lu\}/g, '\\p{L}')})`, 'giu');
  for (const match of text.matchAll(pattern)) {
    const words = match[1]!.split(/\s+/);
    for (let length = Math.min(4, words.length); length >= 1; length--) {
      const province = canonicalProvince(words.slice(0, length).join(' '));
      if (province) {
        counts.set(province, (counts.get(province) ?? 0) + 1);
        break;
      }
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best && PROVINCES.includes(best[0]) ? best[0] : undefined;
}

function documentType(title: string): 'report' | 'plan' | 'other' {
  if (/\bKẾ HOẠCH\b/u.test(title)) return 'plan';
  if (/\bBÁO CÁO\b|\bbáo cáo\b|\bsơ kết\b|\btổng kết\b/iu.test(title)) return 'report';
  return 'other';
}

/**
 * The period the document reports on, from its opening lines. The programme's own title ("… chuyển đổi số
 * quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030") names the programme's period, not the report's.
 */
function reportPeriod(opening: string): string | undefined {
  const withoutProgrammeTitle = opening.replace(/chuyển đổi số quốc gia,?\s+giai đoạn\s+\d{4}\s*[-–]\s*\d{4}(?:,?\s*tầm nhìn đến năm\s+\d{4})?/giu, ' ');
  const range = /giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4})|từ năm\s+(\d{4})\s+đến(?: năm)?\s+(\d{4})/iu.exec(withoutProgrammeTitle);
  if (range) return `${range[1] ?? range[3]}-${range[2] ?? range[4]}`;
  const month = /tháng\s+(\d{1,2})\s*(?:năm|\/)\s*(\d{4})/iu.exec(withoutProgrammeTitle);
  if (month) return `${month[2]}-${month[1]!.padStart(2, '0')}`;
  const year = /(?<!(?:đến|tới|từ|nhìn)\s)\bnăm\s+(\d{4})\b/iu.exec(withoutProgrammeTitle);
  return year ? year[1] : undefined;
}

/**
 * The date of the document itself, never of a document it cites: the dateline "<place>, ngày 24 tháng 7 năm
 * 2025", or an annex header that points back at this document ("(Kèm theo Báo cáo số: /BC-UBND ngày tháng 4
 * năm 2024"). Blanks left to be filled in by hand keep only what is filled: "2024-04".
 */
function reportDate(text: string): string | undefined {
  const dateline = /,\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu.exec(text);
  if (dateline) return isoDate(dateline[3]!, dateline[2]!, dateline[1]);
  const annex =
    /kèm theo\s+(?:báo cáo|kế hoạch)\s+số\s*:?[^()]{0,40}?ngày\s*(\d{1,2})?\s*(?:tháng\s*(\d{1,2})\s*năm\s*(\d{4})|\/\s*(\d{1,2})\s*\/\s*(\d{4}))/iu.exec(text);
  if (annex) return isoDate(annex[3] ?? annex[5]!, annex[2] ?? annex[4]!, annex[1]);
  return undefined;
}

function isoDate(year: string, month: string, day: string | undefined): string {
  return [year, month.padStart(2, '0'), ...(day ? [day.padStart(2, '0')] : [])].join('-');
}
