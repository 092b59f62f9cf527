// A vitest reporter for .ci/run: it writes the file named by $CI_ONE_PROJECT_LEFT_MARKER once either of the two
// projects that run side by side, `cluster` (the failover tests) or the rest (the unit tests before them, then the
// single-broker integration tests), has finished all its files. From then on the machine has room, and the
// other Node versions' tests start beside the one still running. It reports nothing else.
import { writeFileSync } from 'node:fs';

const CLUSTER_PROJECT = 'cluster';

export default class OneProjectLeftReporter {
  /** Files still to finish: the cluster project's, and all the others'. */
  left = { cluster: 0, rest: 0 };
  written = false;

  onTestRunStart(specifications) {
    for (const spec of specifications) this.left[side(spec.project.name)]++;
  }

  onTestModuleEnd(testModule) {
    const s = side(testModule.project.name);
    if (--this.left[s] === 0) this.mark();
  }

  mark() {
    const marker = process.env.CI_ONE_PROJECT_LEFT_MARKER;
    if (this.written || !marker) return;
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    this.written = true;
  }
}

function side(projectName) {
  return projectName === CLUSTER_PROJECT ? 'cluster' : 'rest';
}
