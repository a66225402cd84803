// A worker module that does nothing: test/pdfjs-builtins.test.ts starts worker-entry.mjs with it.
