import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources through the `@pbxkit/source` export condition.
const conditions = ['@pbxkit/source', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['generator/test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.browser.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
