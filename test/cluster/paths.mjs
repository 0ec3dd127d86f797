// Where the local control plane keeps its files. The default is
// <repo>/.kubegate/cluster (git-ignored); KUBEGATE_CLUSTER_DIR replaces that
// whole folder (not its parent).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function clusterPaths(env = process.env) {
  const dir = env.KUBEGATE_CLUSTER_DIR
    ? resolve(env.KUBEGATE_CLUSTER_DIR)
    : join(repoRoot, '.kubegate', 'cluster');
  return {
    dir,
    lock: `${dir}.lock`,
    state: join(dir, 'state.json'),
    kubeconfig: join(dir, 'kubeconfig'),
    pki: join(dir, 'pki'),
    etcdData: join(dir, 'etcd'),
    etcdLog: join(dir, 'etcd.log'),
    apiserverLog: join(dir, 'apiserver.log'),
    etcdPid: join(dir, 'etcd.pid'),
    apiserverPid: join(dir, 'apiserver.pid'),
  };
}
