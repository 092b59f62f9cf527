// A vitest reporter for .ci/run: it writes the file named by $CI_CLUSTER_LEFT_MARKER once every test file of
// every project but `cluster` has finished, so that the other Node versions' tests can start while the failover
// tests, which mostly wait on brokers at 1,000 records/s, run on. It reports nothing else.
import { writeFileSync } from 'node:fs';

const CLUSTER_PROJECT = 'cluster';

export default class ClusterLeftReporter {
  /** Files still to finish outside the cluster project. */
  left = 0;
  written = false;

  onTestRunStart(specifications) {
    this.left = specifications.filter((s) => s.project.name !== CLUSTER_PROJECT).length;
    this.markIfDone();
  }

  onTestModuleEnd(testModule) {
    if (testModule.project.name === CLUSTER_PROJECT) return;
    this.left--;
    this.markIfDone();
  }

  markIfDone() {
    const marker = process.env.CI_CLUSTER_LEFT_MARKER;
    if (this.written || this.left > 0 || !marker) return;
    writeFileSync(marker, `${new Date().toISOString()}\n`);
    this.written = true;
  }
}
