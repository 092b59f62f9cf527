#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles @platformatic/kafka into the one module that re-exports it,
// dist/clients/platformatic/library.js (see src/clients/platformatic/library.ts), in place of tsc's re-export.
//
// Why: a worker that imports the package resolves, reads and compiles some 300 small modules, about 0.3 s of CPU
// per thread, and a run starts two threads that import it (the topic set-up's admin worker, then the producer's).
// A one-record run took 2.1 s of CPU unbundled, 1.25 s bundled and 0.68 s with the lazy schemas below (wall time 1.6,
// 0.95 and 0.60 s; Node 20, three runs each of `/usr/bin/time node bin/perf-test.js --num-records 1 --record-size
// 100 --throughput -1 --topic t --bootstrap-server 127.0.0.1:9092`; `npm run bench` reports the same start-up row).
//
// Otherwise the bundle is the same code: esbuild only joins the modules. @platformatic/wasm-utils stays outside, as it reads
// its .wasm file beside itself: it is one of perf-test's own dependencies, so that the bundle's import of it
// resolves wherever npm installs perf-test. Node's built-ins stay outside too, and the CommonJS modules in the
// bundle (ajv, debug...) get a real `require` for them.
//
// One change to the code: @platformatic/kafka compiles some 40 JSON schemas of its options with ajv when its modules
// load (and ajv its meta-schemas with the first), about 0.15 s of CPU in every thread, for validators it calls only
// when a client is made with `strict: true`, which perf-test never sets. In the bundle, `ajv.compile` returns a
// validator that compiles its schema when first called; what it returns and its `errors` are the compiled
// validator's.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const AJV_INSTANCE = 'export const ajv = new Ajv2020({ allErrors: true, coerceTypes: false, strict: true });';
const LAZY_COMPILE = `
{
  const compile = ajv.compile.bind(ajv);
  ajv.compile = (schema, meta) => {
    let compiled;
    const validate = function (...args) {
      compiled ??= compile(schema, meta);
      return compiled.apply(this, args);
    };
    Object.defineProperty(validate, 'errors', { get: () => compiled?.errors ?? null });
    Object.defineProperty(validate, 'schema', { value: schema });
    return validate;
  };
}`;

/** Makes the library's `ajv.compile` lazy (see above); fails the build if the library no longer reads as expected. */
const lazySchemas = {
  name: 'lazy-schemas',
  setup(build) {
    build.onLoad({ filter: /@platformatic[\\/]kafka[\\/]dist[\\/]utils\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(AJV_INSTANCE)) throw new Error(`${path}: no \`${AJV_INSTANCE}\` to make lazy`);
      return { contents: source.replace(AJV_INSTANCE, AJV_INSTANCE + LAZY_COMPILE), loader: 'js' };
    });
  },
};

/** Writes the bundle to `outfile` (relative to the package's root); the build's is the default. */
export async function bundleClient(outfile = 'dist/clients/platformatic/library.js') {
  await build({
    absWorkingDir: root,
    stdin: { contents: "export * from '@platformatic/kafka';", resolveDir: root, sourcefile: 'library.js', loader: 'js' },
    outfile,
    allowOverwrite: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['@platformatic/wasm-utils'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [lazySchemas],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleClient();
