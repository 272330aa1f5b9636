import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Browser tests: bundle a client for the browser and drive it in headless Chromium (see *.browser.test.ts).
export default defineConfig({
  ...base,
  test: { ...base.test, include: ['packages/*/test/**/*.browser.test.ts'], exclude: ['**/node_modules/**'], testTimeout: 60_000 },
});
