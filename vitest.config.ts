import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code they specify; integration and crash tests live under test/.
// Tests run in forked processes (not worker threads) because node:sqlite and child-process crash tests
// behave like they do in the product only in a real process.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
