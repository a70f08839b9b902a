import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/build-cli.ts'],
    reporters: ['default', './test/closing-line.ts'],
    // Statistical tests run long simulations; their cost is in work, not in waiting.
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
