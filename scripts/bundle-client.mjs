#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles @platformatic/kafka into the one module that re-exports it,
// dist/clients/platformatic/library.js (see src/clients/platformatic/library.ts), in place of tsc's re-export.
//
// Why: a worker that imports the package resolves, reads and compiles some 300 small modules, about 0.3 s of CPU
// per thread, and a run starts two threads that import it (the topic set-up's admin worker, then the producer's).
// Bundled, a one-record run took 1.45 s of CPU instead of 2.1 s, and 1.1 s of wall time instead of 1.6 s (Node 20,
// three runs each of `/usr/bin/time node bin/perf-test.js --num-records 1 --record-size 100 --throughput -1
// --topic t --bootstrap-server 127.0.0.1:9092`, before and after; `npm run bench` reports the same start-up row).
//
// The bundle is the same code: esbuild only joins the modules. @platformatic/wasm-utils stays outside, as it reads
// its .wasm file beside itself: it is one of perf-test's own dependencies, so that the bundle's import of it
// resolves wherever npm installs perf-test. Node's built-ins stay outside too, and the CommonJS modules in the
// bundle (ajv, debug...) get a real `require` for them.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  stdin: { contents: "export * from '@platformatic/kafka';", resolveDir: root, sourcefile: 'library.js', loader: 'js' },
  outfile: 'dist/clients/platformatic/library.js',
  allowOverwrite: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@platformatic/wasm-utils'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  legalComments: 'eof',
  logLevel: 'warning',
});
