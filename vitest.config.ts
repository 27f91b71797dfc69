import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests share one Chromium and one server; the rest is fast and pure.
    fileParallelism: true,
    testTimeout: 20_000,
  },
});
