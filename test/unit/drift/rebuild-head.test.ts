// The rebuild after a start watches every apply-mode environment its parents
// record unless the config turns drift off, and puts the check runs on the
// default branch head the repository reports (not on the recorded revision).
import { rebuildDrift } from '../../../src/app/drift/rebuild-drift.js';
import type { ClusterClient, KubeObject } from '../../../src/cluster/index.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { GitHubPort } from '../../../src/github/github-port.js';
import { parseAppSettings } from '../../../src/settings/index.js';
import { applySetParent, buildParentObject } from '../../../src/sync/applyset-parent.js';
import { recordAnnotations } from '../../../src/sync/parent-record.js';

const REVISION = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
const HEAD = 'd'.repeat(40);
/** The repository: only its name and config file are read (loadRepoConfig below answers). */
const port = { repo: { owner: 'acme', repo: 'gitops' }, readFile: async () => ({ kind: 'file', text: '' }) } as unknown as GitHubPort;

function parent(env: string): KubeObject {
  return buildParentObject(applySetParent(env, 'shop'), 'kubegate/v0.1.0', { groupKinds: new Set(['ConfigMap']), namespaces: new Set(['shop']) }, recordAnnotations({ repository: 'acme/gitops', revision: REVISION, installationId: 42 }, env, REVISION));
}

test('the head first, then the watch of each environment not turned off; the others are skipped with the reason', async () => {
  const calls: string[] = [];
  const info: string[] = [];
  const client = { defaultNamespace: 'default', list: async () => [parent('staging'), parent('sandbox')] } as unknown as ClusterClient;
  const config = loadRepoConfig(`sync: {mode: apply}
environments:
  - {name: staging, cluster: eu, paths: ["deploy/**"], namespace: shop}
  - {name: sandbox, cluster: eu, paths: ["sandbox/**"], namespace: shop, drift: {enabled: false}}
`);
  const result = await rebuildDrift({
    settings: parseAppSettings({ clusters: { eu: { kubeconfig: '/k', repositories: ['acme/*'] } } }, 'test', '/'),
    createClient: () => client,
    openRepository: async () => ({ port, defaultBranch: 'main', headSha: HEAD }),
    loadRepoConfig: () => config,
    readDesired: async () => [],
    onHead: (_port, head) => calls.push(`head ${head}`),
    onSynced: (_port, sha, step) => calls.push(`watch ${step.env.name} at ${sha}`),
    log: { info: (m) => info.push(m), warn: (m) => info.push(`warn: ${m}`) },
  });
  expect(result).toEqual({ parents: 2, watched: 1 });
  expect(calls).toEqual([`head ${HEAD}`, `watch staging at ${REVISION}`]);
  expect(info).toEqual([expect.stringMatching(/^kubegate drift: not watching acme\/gitops environment "sandbox" .*: the environment turns drift detection off \(drift\.enabled: false\)$/)]);
});
