// The OpenMetrics text format as the Prometheus project's own Python client parses it (strictly: a malformed
// exposition throws), from Debian's python3-prometheus-client, which .ci/run installs.
import { spawnSync } from 'node:child_process';

/** One metric family as the parser reads it. */
export interface ParsedFamily {
  readonly name: string;
  readonly type: string;
  readonly unit: string;
  readonly samples: ReadonlyArray<{ readonly name: string; readonly labels: Readonly<Record<string, string>>; readonly value: number }>;
}

const SCRIPT = `
import json, sys
from prometheus_client.openmetrics.parser import text_string_to_metric_families
out = [{"name": f.name, "type": f.type, "unit": f.unit, "samples": [{"name": s.name, "labels": s.labels, "value": s.value} for s in f.samples]}
       for f in text_string_to_metric_families(sys.stdin.read())]
print(json.dumps(out))
`;

/** Debian's Python, where python3-prometheus-client installs (a pyenv python3 first on PATH would not see it). */
const PYTHON = process.env['PERFTEST_PYTHON'] ?? '/usr/bin/python3';

/** Parses an OpenMetrics exposition; throws with the parser's message when it is malformed. */
export function parseOpenMetrics(text: string): ParsedFamily[] {
  const r = spawnSync(PYTHON, ['-c', SCRIPT], { input: text, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`the OpenMetrics parser refused the text: ${r.stderr.trim().split('\n').pop()}`);
  return JSON.parse(r.stdout) as ParsedFamily[];
}
