// Jest global setup of the "cluster" project: starts the local control plane
// once per run (the same code as `npm run cluster:up`) and hands the
// kubeconfig to the tests in KUBEGATE_TEST_KUBECONFIG. A control plane that
// already runs (npm run cluster:up) is reused and left running.
import { ClusterError, up } from '../cluster/control-plane.mjs';

export default async function globalSetup() {
  const log = (line) => process.stderr.write(`kubegate cluster: ${line}\n`);
  let state;
  try {
    state = await up({ log });
  } catch (err) {
    if (!(err instanceof ClusterError)) throw err;
    throw new Error(`the cluster tests need the local control plane, which did not start: ${err.message}`, { cause: err });
  }
  if (state.alreadyRunning) log(`reusing the control plane already running at ${state.server}`);
  process.env.KUBEGATE_TEST_KUBECONFIG = state.paths.kubeconfig;
  globalThis.__kubegateClusterStartedByJest = !state.alreadyRunning;
}
