/**
 * Tells the engine's builtins from core-js's polyfills by what they do, since core-js also makes its
 * functions print as "[native code]": V8's push leaves an array with a read-only length alone where
 * core-js throws, and V8's JSON.parse (Node 20) gives a reviver no third argument where core-js
 * passes the source text.
 */
export function probeBuiltins(): { push: 'native' | 'polyfill'; parse: 'native' | 'polyfill' } {
  let push: 'native' | 'polyfill' = 'native';
  try {
    Object.defineProperty([], 'length', { writable: false }).push();
  } catch {
    push = 'polyfill';
  }
  const parse = JSON.parse('1', (_key: string, _value: unknown, context?: unknown) => context) === undefined ? 'native' : 'polyfill';
  return { push, parse };
}
