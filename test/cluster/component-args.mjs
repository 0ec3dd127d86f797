// Command lines of etcd and kube-apiserver. Everything listens on 127.0.0.1
// only; etcd speaks plain HTTP on loopback (a throwaway dev store).
import { join } from 'node:path';

export const SERVICE_CLUSTER_IP_RANGE = '10.0.0.0/24';
export const SERVICE_ACCOUNT_ISSUER = 'https://kubernetes.default.svc.cluster.local';

export function etcdArgs({ paths, ports }) {
  const client = `http://127.0.0.1:${ports.etcdClient}`;
  const peer = `http://127.0.0.1:${ports.etcdPeer}`;
  return [
    '--name=kubegate',
    `--data-dir=${paths.etcdData}`,
    `--listen-client-urls=${client}`,
    `--advertise-client-urls=${client}`,
    `--listen-peer-urls=${peer}`,
    `--initial-advertise-peer-urls=${peer}`,
    `--initial-cluster=kubegate=${peer}`,
    '--initial-cluster-state=new',
    // Throwaway data: skip fsync, the slowest part of etcd on small machines.
    '--unsafe-no-fsync=true',
    '--log-level=warn',
  ];
}

export function apiserverArgs({ paths, ports, certs, extraArgs = [] }) {
  return [
    `--etcd-servers=http://127.0.0.1:${ports.etcdClient}`,
    '--bind-address=127.0.0.1',
    '--advertise-address=127.0.0.1',
    `--secure-port=${ports.apiserver}`,
    `--cert-dir=${join(paths.pki, 'generated')}`,
    `--tls-cert-file=${certs.server.cert}`,
    `--tls-private-key-file=${certs.server.key}`,
    `--client-ca-file=${certs.ca.cert}`,
    '--authorization-mode=Node,RBAC',
    `--service-account-issuer=${SERVICE_ACCOUNT_ISSUER}`,
    `--service-account-key-file=${certs.serviceAccount.pub}`,
    `--service-account-signing-key-file=${certs.serviceAccount.key}`,
    `--service-cluster-ip-range=${SERVICE_CLUSTER_IP_RANGE}`,
    // No controller-manager creates the "default" ServiceAccount, so this
    // plugin would reject every Pod (also in dry-run previews).
    '--disable-admission-plugins=ServiceAccount',
    // 127.0.0.1 is not a valid endpoint address for the "kubernetes" Service.
    '--endpoint-reconciler-type=none',
    // Privileged containers are allowed, so admission policies (and the
    // parity test) judge them instead of the apiserver's own validation.
    '--allow-privileged=true',
    '--profiling=false',
    '--v=1',
    ...extraArgs,
  ];
}
