// Which environments get a cluster dry-run, and the reason when not.
import { clusterConnection, decideClusterDryRun, parseAppSettings } from '../../../src/settings/index.js';

const settings = (allowForks = false): ReturnType<typeof parseAppSettings> =>
  parseAppSettings(
    {
      allowForks,
      clusters: {
        staging: { kubeconfig: '/k/staging', context: 'stg', repositories: ['acme/*'] },
        prod: { inCluster: true, repositories: ['acme/gitops'] },
      },
    },
    'KUBEGATE_SETTINGS=/etc/kubegate/settings.yaml',
    '/',
  );

describe('decideClusterDryRun', () => {
  test('runs for an allowed repository (owner/name matched case-insensitively)', () => {
    const decision = decideClusterDryRun(settings(), { repository: 'ACME/Web', cluster: 'staging', fromFork: false });
    expect(decision).toMatchObject({ run: true, cluster: { name: 'staging' } });
    if (decision.run) expect(clusterConnection(decision.cluster)).toEqual({ kubeconfigPath: '/k/staging', context: 'stg' });
    const prod = decideClusterDryRun(settings(), { repository: 'acme/gitops', cluster: 'prod', fromFork: false });
    if (prod.run) expect(clusterConnection(prod.cluster)).toEqual({ inCluster: true });
    expect(prod.run).toBe(true);
  });

  test('a fork gets no dry-run unless the settings allow forks', () => {
    expect(decideClusterDryRun(settings(), { repository: 'acme/web', cluster: 'staging', fromFork: true })).toEqual({
      run: false,
      conclusion: 'neutral',
      reason: expect.stringMatching(/^This pull request comes from a fork: kubegate does not send its manifests to a cluster \(the app settings have allowForks: false\)/),
    });
    expect(decideClusterDryRun(settings(true), { repository: 'acme/web', cluster: 'staging', fromFork: true }).run).toBe(true);
  });

  test('a repository the cluster does not allow', () => {
    expect(decideClusterDryRun(settings(), { repository: 'acme/web', cluster: 'prod', fromFork: false })).toEqual({
      run: false,
      conclusion: 'failure',
      reason: 'Repository acme/web may not use cluster "prod": the app settings allow acme/gitops.',
    });
  });

  test('an unknown cluster, and no cluster at all', () => {
    expect(decideClusterDryRun(settings(), { repository: 'acme/web', cluster: 'qa', fromFork: false })).toMatchObject({
      run: false,
      conclusion: 'failure',
      reason: expect.stringContaining('Cluster "qa" is not defined in the kubegate app settings (KUBEGATE_SETTINGS=/etc/kubegate/settings.yaml); known clusters: staging, prod.'),
    });
    expect(decideClusterDryRun(settings(), { repository: 'acme/web', fromFork: true })).toMatchObject({ run: false, conclusion: 'neutral' });
  });
});
