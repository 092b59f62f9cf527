// The benchmark harness's own tests: npx vitest run --config benchmarks/vs-java/vitest.config.mjs
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['benchmarks/vs-java/test/*.test.mjs'], root: new URL('../..', import.meta.url).pathname } });
