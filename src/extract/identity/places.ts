import type { DocType } from '../../model/index.ts';
import { DISTRICTS_ABOLISHED, OWN_LOCATION_GAP, TERRITORY_BEFORE } from '../../../rules/identity/units.ts';
import { cite, type Found } from './evidence.ts';
import type { FrontMatter, Line } from './front.ts';
import { bareProvince, type Issuer } from './issuer.ts';
import { provinceOf, sameName, tierOf, unitMentions, type UnitMention } from './units.ts';

/** Where: the district (before July 2025) and the province the issuer belongs to. */

const OWN_LOCATION = new RegExp(OWN_LOCATION_GAP, 'iu');
const TERRITORY = new RegExp(TERRITORY_BEFORE, 'iu');

/** Mentions of higher units in the body, each with how it is named: by an issuing body, as the issuer's own place, or merely. */
function higherMentions(front: FrontMatter, issuer: Issuer | undefined): Array<{ mention: UnitMention; line: Line; how: 'superior' | 'own-place' | 'place' }> {
  const found: Array<{ mention: UnitMention; line: Line; how: 'superior' | 'own-place' | 'place' }> = [];
  for (const line of front.lines) {
    const mentions = unitMentions(line.text);
    mentions.forEach((mention, index) => {
      if (mention.former) return;
      if (issuer && mention.level === issuer.mention.level && sameName(mention.name, issuer.mention.name)) return;
      const previous = mentions[index - 1];
      const ownPlace =
        issuer !== undefined && previous !== undefined && sameName(previous.name, issuer.mention.name) && OWN_LOCATION.test(line.text.slice(previous.end, mention.start));
      const territory = TERRITORY.test(line.text.slice(Math.max(0, mention.start - 20), mention.start));
      found.push({ mention, line, how: mention.body ? 'superior' : ownPlace || territory ? 'own-place' : 'place' });
    });
  }
  return found;
}

function mostFrequent<T extends { key: string }>(items: readonly T[]): T | undefined {
  const counts = new Map<string, { item: T; count: number }>();
  for (const item of items) {
    const entry = counts.get(item.key) ?? { item, count: 0 };
    entry.count++;
    counts.set(item.key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0]?.item;
}

export function districtOf(front: FrontMatter, issuer: Issuer, date: string | undefined): Found<string> | undefined {
  if (tierOf(issuer.mention) !== 'commune' || issuer.mention.level === 'đặc khu') return undefined;
  if (date !== undefined && date >= DISTRICTS_ABOLISHED) return undefined;
  const isDistrict = (mention: UnitMention) => tierOf(mention) === 'district';
  const parent = issuer.parents.filter(isDistrict).at(-1);
  if (parent) return { value: parent.name, evidence: issuer.evidence };
  const candidates = higherMentions(front, issuer)
    .filter(({ mention, how }) => isDistrict(mention) && how !== 'place')
    .map((entry) => ({ ...entry, key: entry.mention.name.toLowerCase() }));
  const best = mostFrequent(candidates);
  return best ? { value: best.mention.name, evidence: cite(best.how === 'own-place' ? 'body' : 'superior', best.line) } : undefined;
}

export function provinceOfDocument(front: FrontMatter, issuer: Issuer | undefined, type: DocType): Found<string> | undefined {
  if (issuer) {
    const own = provinceOf(issuer.mention);
    if (own) return { value: own, evidence: issuer.evidence };
    const parent = issuer.parents.map(provinceOf).filter(Boolean).at(-1);
    if (parent) return { value: parent, evidence: issuer.evidence };
  }
  // News and portal pages name places freely; an administrative document's province is the one its superiors or its
  // own location name ("UBND tỉnh Nghệ An", "Kính gửi: Ủy ban nhân dân tỉnh Gia Lai", "xã Sơn Tây Hạ, tỉnh Quảng Ngãi"),
  // never a neighbour ("giáp huyện Phú Giáo (tỉnh Bình Dương)").
  const loose = type === 'news' || type === 'statistics';
  const candidates = higherMentions(front, issuer)
    .filter(({ how }) => loose || how !== 'place')
    .flatMap((entry) => {
      const province = provinceOf(entry.mention);
      return province ? [{ ...entry, key: province, province }] : [];
    });
  const best = mostFrequent(candidates);
  if (best) return { value: best.province, evidence: cite(best.how === 'superior' ? 'superior' : 'body', best.line) };
  if (loose && front.pressTag) {
    const tagged = bareProvince(front.pressTag.text.split(/\s[-–]\s/u)[0]!);
    if (tagged) return { value: tagged.name, evidence: cite('headline', front.pressTag) };
  }
  return undefined;
}
