// The consume benchmark's own tests: npx vitest run --config benchmarks/consume/vitest.config.mjs
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['benchmarks/consume/test/*.test.mjs'], root: new URL('../..', import.meta.url).pathname } });
