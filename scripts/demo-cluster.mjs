// The demo's cluster side: the local control plane (started when needed,
// reused when it runs already) and the base commit applied to it with
// kubegate's own cluster adapter from dist/ (server-side apply, field manager
// "kubegate", as a sync does), so `kubegate plan --kubeconfig` shows what the
// pull request would change.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { binaryPaths } from '../test/cluster/build.mjs';

const lastLine = (text) => text.trim().split('\n').pop() ?? '';

function controlPlane(root, ...args) {
  return spawnSync(process.execPath, [join(root, 'test', 'cluster', 'cli.mjs'), ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** { kubeconfig, startedHere } or { skipped: why }. */
export function startControlPlane(root, say) {
  const running = spawnSync(process.execPath, [join(root, 'test', 'cluster', 'cli.mjs'), 'status'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  if (running.status === 0) {
    say('reusing the local control plane that is already running');
    return { kubeconfig: lastLine(running.stdout), startedHere: false };
  }
  const { apiserver, etcd } = binaryPaths();
  const built = existsSync(apiserver) && existsSync(etcd);
  if (!built && spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) {
    return { skipped: 'Go is not installed, and it is needed once to build kube-apiserver and etcd for the local control plane (Go ≥ 1.26)' };
  }
  say(built ? 'starting the local control plane (node test/cluster/cli.mjs up)' : 'building and starting the local control plane (first run only: about 6 minutes)');
  const up = controlPlane(root, 'up');
  if (up.status !== 0) return { skipped: 'the local control plane did not start (its message is above)' };
  return { kubeconfig: lastLine(up.stdout), startedHere: true };
}

export function stopControlPlane(root) {
  controlPlane(root, 'down', '--quiet');
}

const load = (root, path) => import(pathToFileURL(join(root, 'dist', path)).href);

async function ensureNamespace(client, name, done) {
  if (done.has(name)) return;
  await client.apply({ object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } } });
  done.add(name);
}

/** Applies every environment's objects of the working tree (the base commit); returns how many. */
export async function applyEnvironments(root, repo, kubeconfig, say) {
  const { loadRepoConfig } = await load(root, 'config/load-repo-config.js');
  const { loadEnvironmentPaths } = await load(root, 'cli/commands/diff-inputs.js');
  const { createClusterClient } = await load(root, 'cluster/index.js');
  const loaded = loadRepoConfig(readFileSync(join(repo, '.github', 'kubegate.yml'), 'utf8'));
  if (!loaded.ok) throw new Error('the demo config is invalid');
  const client = createClusterClient({ kubeconfigPath: kubeconfig });
  const namespaces = new Set();
  let applied = 0;
  for (const env of loaded.config.environments) {
    const inputs = await loadEnvironmentPaths(env, { cwd: repo, readStdin: async () => '' });
    if (inputs.errors.length > 0) {
      say(`environment ${env.name} not applied: ${inputs.errors[0].message}`);
      continue;
    }
    for (const o of inputs.objects) {
      const { namespaced } = await client.resource(o.apiVersion, o.kind);
      const namespace = namespaced ? (o.namespace ?? env.namespace ?? 'default') : undefined;
      if (namespace) await ensureNamespace(client, namespace, namespaces);
      const metadata = { ...o.body.metadata, ...(namespace ? { namespace } : {}) };
      await client.apply({ object: { ...o.body, metadata }, force: true });
      applied += 1;
    }
  }
  return applied;
}
