import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    reporters: ['default', './tests/support/plain-summary-reporter.ts'],
    // In CI a missing corpus fails the run instead of skipping.
    // The extension is built once for every browser test file (tests/e2e/support/build-once.ts).
    globalSetup: ['./tests/support/ci-prerequisites.ts', './tests/e2e/support/build-once.ts'],
    // Engine tests run the real models on the wasm backend: two cores, so two workers at most.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
