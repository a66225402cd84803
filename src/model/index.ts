export * from './location.ts';
export * from './document.ts';
export * from './figure.ts';
export * from './finding.ts';
export * from './errors.ts';
export * from './results.ts';
export { fingerprintOf, fingerprintFinding, refingerprint } from './fingerprint.ts';
export * from './batch.ts';
