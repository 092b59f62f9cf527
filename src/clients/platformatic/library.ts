/*
 * @platformatic/kafka, for the rest of src/: every module imports the library from here, never from the package.
 * `npm run build` replaces this module's output, dist/clients/platformatic/library.js, with the library bundled into
 * that one file (scripts/bundle-client.mjs): each worker thread that imports it then reads one file instead of
 * resolving some 300 modules, which took about a third of a one-record run's CPU (measured with --cpu-prof; the
 * build's script says how much). Type-checking and the unit tests see this file, so both use the package itself.
 */
export * from '@platformatic/kafka';
