#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run on install by `prepare`).
import { main } from '../dist/cli/main.js';

// A closed pipe (`perf-test --help | head`) is not an error worth a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await main(process.argv.slice(2));
process.exitCode = code;
// Everything is reported by now. A client library that still holds a socket or a retry timer (a cluster that
// never answered) must not keep the process alive: give output a moment to flush, then exit.
setTimeout(() => process.exit(code), 1000).unref();
