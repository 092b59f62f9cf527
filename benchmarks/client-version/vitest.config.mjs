// The client-version benchmark's own tests: npx vitest run --config benchmarks/client-version/vitest.config.mjs
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['benchmarks/client-version/test/*.test.mjs'], root: new URL('../..', import.meta.url).pathname } });
