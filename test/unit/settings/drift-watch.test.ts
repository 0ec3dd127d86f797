// Which environments the app watches for drift, as its own settings say
// (parsed in app-settings.test.ts): `drift.environments` ("owner/name:ENVIRONMENT"
// globs) and per-cluster `drift: false`; the default (no drift settings)
// watches every environment the repo configs opt into. The drift service and
// the rebuild after a restart both honour the decision.
import { rebuildDrift } from '../../../src/app/drift/rebuild-drift.js';
import { createDriftService } from '../../../src/app/drift/drift-service.js';
import type { ClusterClient, KubeObject } from '../../../src/cluster/index.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { GitHubPort } from '../../../src/github/github-port.js';
import { decideDriftWatch, parseAppSettings, type AppSettings } from '../../../src/settings/index.js';
import { applySetParent, buildParentObject } from '../../../src/sync/applyset-parent.js';
import { recordAnnotations } from '../../../src/sync/parent-record.js';

const cluster = (drift?: boolean) => ({ kubeconfig: '/k', repositories: ['acme/*'], ...(drift === undefined ? {} : { drift }) });

function settings(document: Record<string, unknown>): AppSettings {
  return parseAppSettings({ clusters: { eu: cluster(), us: cluster(false) }, ...document }, 'test', '/etc/kubegate');
}

function watches(s: AppSettings, repository: string, environment: string, clusterName = 'eu'): boolean | string {
  const cluster = s.clusters.get(clusterName);
  if (!cluster) throw new Error(`the test settings have no cluster ${clusterName}`);
  const decision = decideDriftWatch(s, { repository, environment, cluster });
  return decision.watch ? true : decision.reason;
}

describe('decideDriftWatch', () => {
  test('without drift settings every environment is watched, except on a cluster with drift: false', () => {
    const s = settings({});
    expect(watches(s, 'acme/gitops', 'production')).toBe(true);
    expect(watches(s, 'acme/gitops', 'production', 'us')).toBe('the app settings turn drift off for cluster "us" (clusters.us.drift: false)');
  });

  test('drift.environments: only what a glob matches; repository globs ignore case, environment globs do not', () => {
    const s = settings({ drift: { environments: ['acme/gitops:production', 'acme/*:staging'] } });
    expect(watches(s, 'acme/gitops', 'production')).toBe(true);
    expect(watches(s, 'ACME/GitOps', 'production')).toBe(true);
    expect(watches(s, 'acme/apps', 'staging')).toBe(true);
    expect(watches(s, 'acme/apps', 'production')).toBe('the app settings (test) watch only these environments for drift: acme/gitops:production, acme/*:staging (drift.environments)');
    expect(watches(s, 'acme/gitops', 'Production')).not.toBe(true);
    expect(watches(s, 'other/gitops', 'staging')).not.toBe(true);
  });

  test('an empty list watches nothing; the cluster rule comes first', () => {
    const s = settings({ drift: { environments: [] } });
    expect(watches(s, 'acme/gitops', 'production')).toBe('the app settings (test) watch only these environments for drift: none (drift.environments)');
    expect(watches(s, 'acme/gitops', 'production', 'us')).toMatch(/drift off for cluster "us"/);
  });
});

const REVISION = 'c4295bd74fb0f4fda03689c3df3f2803b658fd85';
/** The repository: only its name and config file are read here. */
const port = { repo: { owner: 'acme', repo: 'gitops' }, readFile: async () => ({ kind: 'file', text: 'environments: []' }) } as unknown as GitHubPort;
const environment = (name: string) => ({ name, cluster: 'eu', paths: ['deploy/**'], render: 'plain' as const, namespace: 'shop', drift: { selfHeal: false, conclusion: 'failure' as const } });

/** A client that records that it was made; it lists `parents` and refuses everything else (no cluster in unit tests). */
function recordingClient(made: string[], parents: KubeObject[] = []): () => ClusterClient {
  const refuse = async (): Promise<never> => {
    throw new Error('no cluster in unit tests');
  };
  return () => {
    made.push('client');
    return { defaultNamespace: 'default', list: async () => parents, find: refuse, get: refuse, create: refuse, apply: refuse, patch: refuse } as unknown as ClusterClient;
  };
}

describe('the drift service and the rebuild honour the decision', () => {
  test('track: an environment the settings leave out gets no cluster client; one they allow does', async () => {
    const made: string[] = [];
    const service = createDriftService(settings({ drift: { environments: ['acme/gitops:staging'] } }), { createClient: recordingClient(made) });
    service.track({ port, sha: REVISION, environment: environment('production'), desired: [] });
    expect(made).toEqual([]);
    service.track({ port, sha: REVISION, environment: environment('staging'), desired: [] });
    expect(made).toEqual(['client']);
    await service.close();
  });

  test('rebuild: a parent of an environment the settings leave out is skipped with the reason, before GitHub is asked', async () => {
    const parent = (env: string): KubeObject =>
      buildParentObject(applySetParent(env, 'shop'), 'kubegate/v0.1.0', { groupKinds: new Set(['ConfigMap']), namespaces: new Set(['shop']) }, recordAnnotations({ repository: 'acme/gitops', revision: REVISION, installationId: 42 }, env, REVISION));
    const info: string[] = [];
    const opened: string[] = [];
    const watched: string[] = [];
    const s = parseAppSettings({ clusters: { eu: cluster() }, drift: { environments: ['acme/gitops:staging'] } }, 'test', '/');
    const config = loadRepoConfig('environments:\n  - name: staging\n    cluster: eu\n    paths: ["deploy/**"]\n    namespace: shop\n    drift: {}\nsync: {mode: apply}\n');
    const result = await rebuildDrift({
      settings: s,
      createClient: recordingClient([], [parent('production'), parent('staging')]),
      openRepository: async (_id, repo) => (opened.push(`${repo.owner}/${repo.repo}`), { port, defaultBranch: 'main' }),
      loadRepoConfig: () => config,
      readDesired: async () => [],
      onSynced: (_port, _sha, step) => watched.push(step.env.name),
      log: { info: (m) => info.push(m), warn: (m) => info.push(`warn: ${m}`) },
    });
    expect(result).toEqual({ parents: 2, watched: 1 });
    expect(watched).toEqual(['staging']);
    expect(opened).toEqual(['acme/gitops']);
    expect(info).toEqual([expect.stringMatching(/^kubegate drift: not watching acme\/gitops environment "production" .*: the app settings \(test\) watch only these environments for drift: acme\/gitops:staging/)]);
  });
});
