// The dependency rules of src/, checked by test/unit/dependencies.test.ts (and `npm run check:deps`):
// no import cycles (type-only imports included), no import from src/ into test/, and no import upward
// through the layers below.
//
// Layers, from the top. A module may import its own layer and the layers under it, never one above:
//
//   cli                the commander program, the pipeline, where output goes (stdout, stderr, files)
//   compare            scenarios run one after another on one workload; capacity/, a search of steps at fixed rates
//   run                a produce, e2e or consume run: topic setup, the worker pool, intervals, the result
//   worker             workers: the protocol, the producer and consumer roles, the launchers, the pool
//   config resolution  command-line options and their resolution into frozen configs (config/resolve-*.ts,
//                      config/report-config.ts, config/*-options.ts): it knows the gates, record sizes and splits
//   report             result types and every reporter (Kafka's lines, tables, Markdown, HTML, HdrHistogram log)
//   gate               assertions and the baseline comparison
//   metrics            histograms, per-worker recorders, aggregation
//   producer, workload the Java-like batching producer; payloads, rates and splits
//   clients            the ports (producer, consumer, admin) and one adapter per client library
//   config             settings' types, Java properties files, security settings, value parsers ("30s", "16KiB")
//   base               errors.ts and util/
//
// A new folder goes into one of these layers (the rule `in-a-layer` fails until it does).

const LAYERS = [
  { name: 'cli', paths: ['^src/cli/'] },
  { name: 'compare', paths: ['^src/compare/', '^src/capacity/'] },
  { name: 'run', paths: ['^src/run/'] },
  { name: 'worker', paths: ['^src/worker/'] },
  { name: 'config-resolution', paths: ['^src/config/(resolve-[^/]+|report-config|[^/]+-options)\\.ts$'] },
  { name: 'report', paths: ['^src/report/'] },
  { name: 'gate', paths: ['^src/gate/'] },
  { name: 'metrics', paths: ['^src/metrics/'] },
  { name: 'producer-workload', paths: ['^src/producer/', '^src/workload/'] },
  { name: 'clients', paths: ['^src/clients/'] },
  { name: 'config', paths: ['^src/config/'] },
  { name: 'base', paths: ['^src/errors\\.ts$', '^src/util/'] },
];

/** One rule per layer: nothing from the layers above it. A layer's paths exclude those of the layers above. */
function layerRules() {
  return LAYERS.slice(1).map((layer, i) => {
    const above = LAYERS.slice(0, i + 1);
    const below = LAYERS.slice(i + 2);
    return {
      name: `${layer.name}-imports-upward`,
      comment: `${layer.name} may import only ${[layer, ...below].map((l) => l.name).join(', ')}; not ${above.map((l) => l.name).join(', ')}`,
      severity: 'error',
      from: { path: layer.paths, pathNot: above.flatMap((l) => l.paths) },
      to: { path: above.flatMap((l) => l.paths) },
    };
  });
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'Modules that import each other (even for types only) are one module in two files: merge them, or move what both need lower.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-imports-test',
      comment: 'Production code never depends on tests or their helpers.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^test/' },
    },
    {
      name: 'in-a-layer',
      comment: 'Every module of src/ belongs to a layer of .dependency-cruiser.mjs: add its folder there.',
      severity: 'error',
      from: { path: '^src/', pathNot: LAYERS.flatMap((l) => l.paths) },
      to: {},
    },
    {
      name: 'client-library-through-library-ts',
      comment: 'Import @platformatic/kafka from src/clients/platformatic/library.ts, which the build bundles (scripts/bundle-client.mjs): a direct import would load the package a second time beside the bundle.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/clients/platformatic/library\\.ts$' },
      to: { path: '(^|node_modules/)@platformatic/kafka(/|$)' },
    },
    ...layerRules(),
  ],
  options: {
    // Type-only imports count: a layer that needs another's types depends on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: ['node_modules', '^test/'] },
    exclude: { path: '^dist/' },
  },
};
