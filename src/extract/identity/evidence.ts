import type { Location, MetadataEvidence } from '../../model/index.ts';

/** A value read for an identity field, with where it was read. */
export type Found<T> = { value: T; evidence: MetadataEvidence };

/** Where a field was read: the part of the document, the text (shortened), its place; `guess` when nothing states it. */
export function cite(source: MetadataEvidence['source'], line: { text: string; location: Location } | undefined, quote?: string, guess = false): MetadataEvidence {
  const text = (quote ?? line?.text ?? '').replace(/\s+/g, ' ').trim();
  return {
    source,
    quote: text.length > 240 ? `${text.slice(0, 237)}…` : text,
    ...(line ? { location: line.location } : {}),
    ...(guess ? { guess: true } : {}),
  };
}
