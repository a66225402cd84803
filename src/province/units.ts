/**
 * Which unit a report or a figure belongs to, as one key across the batch. A report names itself in its metadata
 * (level, name, district, province); a roll-up names its units in its rows (a figure's `subject`: "xã Hồng Phong",
 * "Thị trấn Minh Lâm", or a bare "Hồng Phong" in a table of communes). Names are compared without case, spacing or
 * diacritics' accidents; the level is part of the unit ("huyện Minh Lâm" is not "thị trấn Minh Lâm"). Two units of one
 * level and name are told apart by their district only when reports name two different districts for that name.
 */
import type { DocumentMetadata, UnitLevel } from '../model/index.ts';
import { UnitLevelSchema } from '../model/index.ts';
import { LEVEL_WORDS } from '../../rules/identity/units.ts';
import { comparableName } from '../extract/qualifiers.ts';

export type Tier = 'commune' | 'district' | 'province';

export interface UnitRef {
  level?: UnitLevel;
  name: string;
  district?: string;
  province?: string;
}

export interface UnitInfo {
  key: string;
  level?: UnitLevel;
  /** As first written ("Hồng Phong"). */
  name: string;
  district?: string;
  province?: string;
}

export function tierOf(level: UnitLevel | undefined): Tier | undefined {
  return level === undefined ? undefined : LEVEL_WORDS.find((word) => word.level === level)?.tier;
}

/** "xã Hồng Phong", "huyện Minh Lâm"; a unit without a level is its name. */
export function unitLabel(unit: Pick<UnitInfo, 'level' | 'name'>): string {
  return unit.level ? `${unit.level} ${unit.name}` : unit.name;
}

export function unitOfMetadata(metadata: DocumentMetadata): UnitRef | undefined {
  if (!metadata.unitName) return undefined;
  return {
    name: metadata.unitName,
    ...(metadata.unitLevel ? { level: metadata.unitLevel } : {}),
    ...(metadata.district ? { district: metadata.district } : {}),
    ...(metadata.province ? { province: metadata.province } : {}),
  };
}

const LEVEL_PREFIXES = LEVEL_WORDS.flatMap((word) => [
  ...word.words.map((text) => ({ level: word.level, pattern: new RegExp(`^${text}\\s+`, 'iu') })),
  ...word.abbreviations.map((text) => ({ level: word.level, pattern: new RegExp(`^${text.replace(/\./gu, '\\.')}\\s*`, 'u') })),
]).sort((a, b) => b.pattern.source.length - a.pattern.source.length);

/** "xã Hồng Phong" → { level: 'xã', name: 'Hồng Phong' }; "Hồng Phong" → { name: 'Hồng Phong' }; "(cũ)" is dropped. */
export function unitOfSubject(subject: string): UnitRef | undefined {
  const text = subject.normalize('NFC').replace(/\s*\(\s*cũ\s*\)\s*$/iu, '').replace(/\s+/gu, ' ').trim();
  for (const prefix of LEVEL_PREFIXES) {
    const match = prefix.pattern.exec(text);
    if (match) {
      const name = text.slice(match[0].length).trim();
      const level = UnitLevelSchema.safeParse(prefix.level);
      return name ? { name, ...(level.success ? { level: level.data } : {}) } : undefined;
    }
  }
  return text ? { name: text } : undefined;
}

function baseKey(ref: Pick<UnitRef, 'level' | 'name'>): string {
  return `${ref.level ?? '?'}|${comparableName(ref.name)}`;
}

/**
 * Every unit of the batch, from what the reports say about themselves first (`learn`), then each reference resolved
 * to a key (`resolve`). A name without a level resolves to the one unit of that name the batch knows, if there is one.
 */
export class UnitRegistry {
  private readonly districts = new Map<string, Set<string>>();
  private readonly units = new Map<string, UnitInfo>();
  private readonly byName = new Map<string, Set<string>>();

  learn(ref: UnitRef): void {
    const key = baseKey(ref);
    const districts = this.districts.get(key) ?? new Set<string>();
    if (ref.district) districts.add(comparableName(ref.district));
    this.districts.set(key, districts);
    const name = comparableName(ref.name);
    this.byName.set(name, (this.byName.get(name) ?? new Set()).add(ref.level ?? '?'));
  }

  resolve(ref: UnitRef): string {
    let level = ref.level;
    if (!level) {
      const levels = [...(this.byName.get(comparableName(ref.name)) ?? [])].filter((candidate) => candidate !== '?');
      if (levels.length === 1) level = levels[0] as UnitLevel;
    }
    const base = baseKey({ level, name: ref.name });
    const districts = this.districts.get(base);
    const key = districts && districts.size > 1 ? `${base}|${ref.district ? comparableName(ref.district) : '?'}` : base;
    const known = this.units.get(key);
    if (!known) {
      this.units.set(key, { key, name: ref.name, ...(level ? { level } : {}), ...(ref.district ? { district: ref.district } : {}), ...(ref.province ? { province: ref.province } : {}) });
    } else {
      if (!known.district && ref.district) known.district = ref.district;
      if (!known.province && ref.province) known.province = ref.province;
    }
    return key;
  }

  /** Whether a report of the batch names itself so (any level). */
  knows(name: string): boolean {
    return this.byName.has(comparableName(name));
  }

  info(key: string): UnitInfo | undefined {
    return this.units.get(key);
  }

  label(key: string): string {
    const unit = this.units.get(key);
    return unit ? unitLabel(unit) : key;
  }

  all(): UnitInfo[] {
    return [...this.units.values()];
  }
}
