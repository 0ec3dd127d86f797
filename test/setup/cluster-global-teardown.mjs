// Jest global teardown of the "cluster" project: stops the control plane when
// the global setup started it (jest runs this also when tests failed).
// KUBEGATE_KEEP_CLUSTER=1 leaves it running for the next run to reuse.
import { down } from '../cluster/control-plane.mjs';

export default async function globalTeardown() {
  if (!globalThis.__kubegateClusterStartedByJest) return;
  if (process.env.KUBEGATE_KEEP_CLUSTER === '1') {
    process.stderr.write('kubegate cluster: left running (KUBEGATE_KEEP_CLUSTER=1); npm run cluster:down stops it\n');
    return;
  }
  await down();
}
