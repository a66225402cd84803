import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // PDF parsing and LibreOffice round-trips are slow on 2 cores; a timing is never an assertion here.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
