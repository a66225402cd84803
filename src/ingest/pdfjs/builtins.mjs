// Evaluated just before pdf.js (see ./index.mjs): remembers the engine's own builtins that pdf.js's
// legacy build replaces with core-js polyfills, so that they can be put back once it has loaded.
const REPLACED = [
  [Array.prototype, 'push'],
  [JSON, 'parse'],
  [JSON, 'stringify'],
  // core-js's own: makes its polyfills print as "[native code]".
  [Function.prototype, 'toString'],
];

/** @type {Array<{ owner: object; key: string; native: unknown }>} */
export const nativeBuiltins = REPLACED.map(([owner, key]) => ({ owner, key, native: owner[key] }));
