import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    // Process and browser tests start servers; forks keep their signals and ports apart.
    pool: 'forks',
  },
});
