import type { Document, DocumentMetadata } from '../model/index.ts';
import { documentType } from './identity/doc-type.ts';
import { readFrontMatter } from './identity/front.ts';
import { issuingUnit, withBodySpelling } from './identity/issuer.ts';
import { districtOf, provinceOfDocument } from './identity/places.ts';
import { reportDate, reportPeriod } from './identity/when.ts';

/**
 * Who issued the document, for which period, and what kind of document it is — each field with where it was read
 * (`evidence`), so that an auditor can check it and correct it. Read from where documents state it: the letterhead,
 * the title, the issuer naming itself ("UBND xã … báo cáo"), the signature; the body only when these are silent,
 * and then marked as a guess. The knowledge (level words, bodies, title words, period phrases, type cues) is in
 * rules/identity/.
 */
export function extractMetadata(document: Document): DocumentMetadata {
  const front = readFrontMatter(document);
  const metadata: DocumentMetadata = {};
  const evidence: NonNullable<DocumentMetadata['evidence']> = {};

  if (front.documentNumber) metadata.documentNumber = front.documentNumber.value;

  const date = reportDate(front);
  if (date) {
    metadata.reportDate = date.value;
    evidence.reportDate = date.evidence;
  }

  const issuer = withBodySpelling(issuingUnit(front), front);
  if (issuer) {
    metadata.unitName = issuer.mention.name;
    metadata.unitLevel = issuer.mention.level;
    evidence.unit = issuer.evidence;
  }

  const type = documentType(front, issuer?.mention);
  metadata.docType = type.value;
  if (type.evidence) evidence.docType = type.evidence;

  if (issuer) {
    const district = districtOf(front, issuer, metadata.reportDate);
    if (district) {
      metadata.district = district.value;
      evidence.district = district.evidence;
    }
  }
  const province = provinceOfDocument(front, issuer, type.value);
  if (province) {
    metadata.province = province.value;
    evidence.province = province.evidence;
  }

  const period = reportPeriod(front, metadata.reportDate, type.value);
  if (period) {
    metadata.period = period.value;
    evidence.period = period.evidence;
  }

  if (Object.keys(evidence).length > 0) metadata.evidence = evidence;
  return metadata;
}
