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
// The bundle is the same code, esbuild only joining the modules, but for the two changes below. The patches name
// the exact lines they change, and the build fails if the library no longer has them (after an upgrade, say).
// @platformatic/wasm-utils stays outside, as it reads its .wasm file beside itself: it is one of perf-test's own
// dependencies, so that the bundle's import of it resolves wherever npm installs perf-test. Node's built-ins stay
// outside too, and the CommonJS modules in the bundle (ajv, debug...) get a real `require` for them.
//
// 1. Lazy schemas. @platformatic/kafka compiles some 40 JSON schemas of its options with ajv when its modules load
//    (and ajv its meta-schemas with the first), about 0.15 s of CPU in every thread, for validators it calls only
//    when a client is made with `strict: true`, which perf-test never sets. In the bundle, `ajv.compile` returns a
//    validator that compiles its schema when first called; what it returns and its `errors` are the compiled
//    validator's.
// 2. Requests framed in place. Connection.send copies every request into a new buffer behind its header (a
//    Buffer.concat), which the socket writes and the connection holds until the answer: at 100 B records, some
//    25 MiB of such copies were waiting for the garbage collector at any time, and the process's RSS grew with
//    them. In the bundle, a payload whose writer's context has `frame(header)` puts the length and header in front
//    of itself, in room it kept there, and the connection writes that buffer as it is; perf-test's producer
//    (src/clients/platformatic/producer.ts) takes the buffer back for another request once the request is
//    answered. Any other payload is copied as before.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const LAZY_COMPILE = `export const ajv = new Ajv2020({ allErrors: true, coerceTypes: false, strict: true });
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

/** The library's files the bundle changes (see above): for each, the exact text replaced, and its replacement. */
const PATCHES = [
  {
    file: 'dist/utils.js',
    replace: [['export const ajv = new Ajv2020({ allErrors: true, coerceTypes: false, strict: true });', LAZY_COMPILE]],
  },
  {
    file: 'dist/network/connection.js',
    replace: [
      ['        writer.appendFrom(payload).prependLength();\n',
        '        const framed = payload.context?.frame?.(writer.buffer);\n        if (framed === undefined) writer.appendFrom(payload).prependLength();\n'],
      ['            payload: writer.buffer,\n', '            payload: framed ?? writer.buffer,\n'],
    ],
  },
];

/** Applies PATCHES to the library's files as esbuild loads them; fails the build if a text is not there, once. */
const patchLibrary = {
  name: 'patch-library',
  setup(build) {
    for (const { file, replace } of PATCHES) {
      const filter = new RegExp(`@platformatic[\\\\/]kafka[\\\\/]${file.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.')}$`);
      build.onLoad({ filter }, async ({ path }) => {
        let source = await readFile(path, 'utf8');
        for (const [from, to] of replace) {
          if (source.split(from).length !== 2) throw new Error(`${path}: expected \`${from.trim()}\` exactly once, to patch it`);
          source = source.replace(from, () => to);
        }
        return { contents: source, loader: 'js' };
      });
    }
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
    plugins: [patchLibrary],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleClient();
