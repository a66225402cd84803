import { describe, expect, it } from 'vitest';
import { PhraseSet, canonicalToneMarks, foldDiacritics, hasLostDiacritics } from '../src/extract/text-match.ts';
import { extractFigures } from '../src/extract/index.ts';
import { documentFromText } from './support/documents.ts';

/** Cue matching as OCR and hurried typing leave the text: no diacritics, old tone placement, a letter off. */
describe('cue matching', () => {
  it('folds diacritics one character for one, so offsets still point into the original', () => {
    const text = 'Đăng ký thường trú';
    expect(foldDiacritics(text)).toBe('dang ky thuong tru');
    expect(foldDiacritics(text)).toHaveLength(text.length);
  });

  it('reads old and new tone placement alike ("hoá" / "hóa") without touching closed syllables ("hoàn")', () => {
    expect(canonicalToneMarks('số hoá, thuỷ, hoàn thành')).toBe('số hóa, thủy, hoàn thành');
    expect(new PhraseSet(['số hóa kết quả']).test('Số hoá kết quả giải quyết')).toBe(true);
  });

  it('keeps "hộ" (household) apart from "hồ" (in "hồ sơ") while diacritics are there', () => {
    expect(new PhraseSet(['hộ']).test('31 hồ sơ')).toBe(false);
    expect(new PhraseSet(['hồ sơ']).test('31 hồ sơ')).toBe(true);
  });

  it('tells text that lost its diacritics from text that kept them', () => {
    expect(hasLostDiacritics('So ho so tiep nhan truc tuyen trong thang la 35 ho so')).toBe(true);
    expect(hasLostDiacritics('Số hồ sơ tiếp nhận trực tuyến trong tháng là 35 hồ sơ')).toBe(false);
  });

  it('in text without diacritics, matches a long cue one letter off, but not a different word', () => {
    const cues = new PhraseSet(['trực tuyến', 'đúng thời hạn']);
    expect(cues.findAll('so ho so tiep nhan truc tuyn', true).map((hit) => hit.phrase)).toEqual(['trực tuyến']);
    expect(cues.findAll('da tra ket qua dung thoi hn', true).map((hit) => hit.phrase)).toEqual(['đúng thời hạn']);
    expect(cues.findAll('so ho so tiep nhan truc tiep', true)).toEqual([]);
    expect(cues.findAll('so ho so tiep nhan truc tuyn', false)).toEqual([]);
  });

  it('extracts figures from a diacritic-less, slightly misspelt report', () => {
    const text = 'Cong tac ho tro nguoi dan tai xa trong thang vua qua. So ho so tiep nhan truc tuyn: 35 ho so; so ho so da tra ket qua dung thoi hn: 30 ho so';
    const figures = extractFigures(documentFromText(text)).map((figure) => [figure.metric, figure.value]);
    expect(figures).toEqual([
      ['dossiers.online', 35],
      ['dossiers.on_time', 30],
    ]);
  });
});
