import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time against one built server, so they run in a single fork.
export default defineConfig({
  test: {
    include: ['e2e/tests/**/*.e2e.test.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
