// @ts-check
/** Where every benchmark's result goes: benchmarks/results/<name>-<start time>.json beside its Markdown. */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes the result as JSON and Markdown, prints the Markdown on stdout and says where the files are on stderr;
 * a result with failed runs sets exit code 1.
 * @param {{ dir: string, name: string, result: { startedAt: string, failures: readonly string[] }, markdown: string, root: string }} o
 */
export function writeResults({ dir, name, result, markdown, root }) {
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${name}-${result.startedAt.replace(/[:.]/g, '-')}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  process.stdout.write(markdown);
  process.stderr.write(`bench: wrote ${path.relative(root, base)}.json and .md\n`);
  if (result.failures.length > 0) process.exitCode = 1;
}
