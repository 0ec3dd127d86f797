// The policy step of the pull-request pipeline: which policies judge the
// change (the default branch's), what counts as the change's doing, and where
// findings point.
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { itWithKubectl } from '../render/kubectl-available.js';
import { snapshotOf } from '../snapshot/snapshot-from-dirs.js';
import { DEPLOYMENT_RULES, policyYaml } from '../policy/helpers/policies.js';
import { findingLines, runWithConfig, testDeps } from './pipeline-harness.js';

const POLICY = 'kubegate/policy';

const deployment = (name: string, replicas: number): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: ${name}}\n`;

/** A repository policy: Deployments may run at most `max` replicas. */
const maxReplicas = (max: number, actions = '[Deny]'): string =>
  policyYaml({
    name: 'max-replicas',
    actions,
    spec: `${DEPLOYMENT_RULES}\n  validations:\n    - expression: "object.spec.replicas <= ${max}"\n      messageExpression: "'at most ${max} replicas'"\n`,
  });

const CONFIG = 'environments:\n  - name: apps\n    paths: ["apps/**"]\npolicies:\n  builtin: false\n  directory: .kubegate/policies\n';

describe('runPipeline: policies', () => {
  it('judges with the default branch\'s policies: a pull request that loosens its own rule changes nothing', async () => {
    const base = snapshotOf('b', { '.kubegate/policies/max.yaml': maxReplicas(2) });
    const head = snapshotOf('h', { '.kubegate/policies/max.yaml': maxReplicas(100), 'apps/web.yaml': deployment('web', 5) });
    const report = await runWithConfig(base, head, CONFIG);
    expect(report.checks.map((c) => [c.name, c.conclusion])).toEqual([
      ['kubegate/validate', 'success'],
      [POLICY, 'failure'],
    ]);
    expect(findingLines(report, POLICY)).toEqual(['apps/web.yaml:6 failure Deployment web: max-replicas: at most 2 replicas']);
    expect(report.checks[1]?.findings[0]).toMatchObject({ check: 'policy', rule: 'max-replicas', field: 'spec.replicas', environment: 'apps' });
  });

  it('reads the policies from policySource when given (a pull request into another branch than the default one)', async () => {
    const base = snapshotOf('b', { '.kubegate/policies/max.yaml': maxReplicas(100) });
    const head = snapshotOf('h', { '.kubegate/policies/max.yaml': maxReplicas(100), 'apps/web.yaml': deployment('web', 5) });
    const policySource = snapshotOf('main', { '.kubegate/policies/max.yaml': maxReplicas(2) });
    const report = await runPipeline({ base, head, policySource, config: loadRepoConfig(CONFIG) }, testDeps());
    expect(findingLines(report, POLICY)).toEqual(['apps/web.yaml:6 failure Deployment web: max-replicas: at most 2 replicas']);
    const without = await runPipeline({ base, head, config: loadRepoConfig(CONFIG) }, testDeps());
    expect(without.checks[1]).toMatchObject({ conclusion: 'success', findings: [] });
  });

  it('lists findings in objects the change creates or modifies, and only counts those in objects it leaves unchanged', async () => {
    const policies = { '.kubegate/policies/max.yaml': maxReplicas(2) };
    const base = snapshotOf('b', { ...policies, 'apps/all.yaml': `${deployment('old', 9)}---\n${deployment('web', 3)}` });
    const head = snapshotOf('h', { ...policies, 'apps/all.yaml': `${deployment('old', 9)}---\n${deployment('web', 4)}---\n${deployment('new', 5)}` });
    const report = await runWithConfig(base, head, CONFIG);
    expect(findingLines(report, POLICY)).toEqual([
      'apps/all.yaml:15 failure Deployment web: max-replicas: at most 2 replicas',
      'apps/all.yaml:24 failure Deployment new: max-replicas: at most 2 replicas',
    ]);
    expect(report.checks[1]?.title).toBe('2 policy violations');
    expect(report.checks[1]?.summary).toContain('Not shown: 1 pre-existing finding in unchanged objects');
  });

  it('passes with warnings listed', async () => {
    const base = snapshotOf('b', { '.kubegate/policies/max.yaml': maxReplicas(2, '[Warn]') });
    const head = snapshotOf('h', { '.kubegate/policies/max.yaml': maxReplicas(2, '[Warn]'), 'apps/web.yaml': deployment('web', 5) });
    const report = await runWithConfig(base, head, CONFIG);
    expect(report.checks[1]).toMatchObject({ conclusion: 'success', title: 'No policy violations, 1 warning' });
    expect(findingLines(report, POLICY)).toEqual(['apps/web.yaml:6 warning Deployment web: max-replicas: at most 2 replicas']);
  });

  it('reports a deleted object only for Deny and Warn policies that match DELETE', async () => {
    const noDeletes = (actions: string): string =>
      policyYaml({
        name: `no-deletes-${actions.replace(/\W/g, '').toLowerCase()}`,
        actions,
        spec: `${DEPLOYMENT_RULES.replace('[CREATE, UPDATE]', '[DELETE]')}\n  validations:\n    - expression: "false"\n      message: do not delete Deployments in Git\n`,
      });
    const policies = { '.kubegate/policies/deny.yaml': noDeletes('[Deny]'), '.kubegate/policies/audit.yaml': noDeletes('[Audit]') };
    const base = snapshotOf('b', { ...policies, 'apps/web.yaml': deployment('web', 1) });
    const report = await runWithConfig(base, snapshotOf('h', policies), CONFIG);
    expect(findingLines(report, POLICY)).toEqual(['apps/web.yaml:1 failure Deployment web: no-deletes-deny: do not delete Deployments in Git']);
  });

  it('evaluates objects in their environment\'s namespace, so namespace exemptions apply', async () => {
    const policies = { '.kubegate/policies/max.yaml': maxReplicas(2) };
    const config = (exempt: string): string =>
      `environments:\n  - name: apps\n    namespace: team-a\n    paths: ["apps/**"]\npolicies:\n  builtin: false\n  directory: .kubegate/policies\n  exempt:\n    - namespaces: [${exempt}]\n`;
    const head = snapshotOf('h', { ...policies, 'apps/web.yaml': deployment('web', 5) });
    const exempted = await runWithConfig(snapshotOf('b', policies), head, config('team-a'));
    expect(exempted.checks[1]).toMatchObject({ conclusion: 'success', findings: [] });
    const other = await runWithConfig(snapshotOf('b', policies), head, config('default'));
    expect(other.checks[1]?.findings.map((f) => f.object?.namespace)).toEqual(['team-a']);
  });

  it('lists policy problems of the default branch (a policy that does not load, an unknown name in the config) and runs the rest', async () => {
    const broken = maxReplicas(2).replace('object.spec.replicas <= 2', 'object.spec.replicas <=');
    const config = `${CONFIG}  disable: [kubegate-no-such-policy]\n`;
    const head = snapshotOf('h', { '.kubegate/policies/max.yaml': broken, 'apps/web.yaml': deployment('web', 5) });
    const report = await runWithConfig(snapshotOf('b', { '.kubegate/policies/max.yaml': broken }), head, config);
    expect(report.checks[1]?.conclusion).toBe('success');
    expect(report.checks[1]?.summary).toMatch(/\*\*2 policy problems\*\*/);
    expect(report.checks[1]?.summary).toContain('`.kubegate/policies/max.yaml:');
    expect(report.checks[1]?.summary).toContain('kubegate-no-such-policy');
  });

  it('masks Secret values that a policy message quotes, at head and at base', async () => {
    const quoting = policyYaml({
      name: 'quote-token',
      spec: `  matchConstraints:\n    resourceRules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n        resources: [secrets]\n  validations:\n    - expression: "false"\n      messageExpression: \"'token is ' + object.stringData.token + (oldObject != null ? ', was ' + oldObject.stringData.token : '')\"\n`,
    });
    const policies = { '.kubegate/policies/quote.yaml': quoting };
    const secret = (token: string): string => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  token: ${token}\n`;
    const base = snapshotOf('b', { ...policies, 'apps/s.yaml': secret('old-very-secret') });
    const report = await runWithConfig(base, snapshotOf('h', { ...policies, 'apps/s.yaml': secret('hunter2-very-secret') }), CONFIG);
    expect(findingLines(report, POLICY)).toEqual(['apps/s.yaml:1 failure Secret s: quote-token: token is ***, was ***']);
    expect(JSON.stringify(report)).not.toMatch(/hunter2|old-very/);
  });

  itWithKubectl('points a finding in a rendered object at the patch that sets the field, and renders the base for UPDATE', async () => {
    const files = {
      '.kubegate/policies/max.yaml': maxReplicas(2),
      'base/kustomization.yaml': 'resources: [deployment.yaml]\n',
      'base/deployment.yaml': deployment('web', 1),
      'overlays/prod/kustomization.yaml': 'resources: [../../base]\nnameSuffix: -prod\npatches:\n  - path: patch.yaml\n',
      'overlays/prod/patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
    };
    const config = 'environments:\n  - name: prod\n    render: kustomize\n    paths: ["overlays/*"]\npolicies:\n  builtin: false\n  directory: .kubegate/policies\n';
    const head = snapshotOf('h', { ...files, 'overlays/prod/patch.yaml': files['overlays/prod/patch.yaml'].replace('replicas: 2', 'replicas: 3') });
    const report = await runWithConfig(snapshotOf('b', files), head, config);
    expect(findingLines(report, POLICY)).toEqual([
      'overlays/prod/patch.yaml:6 failure Deployment web-prod: max-replicas: at most 2 replicas (as rendered for environment prod)',
    ]);
    const scaleUp = maxReplicas(2).replace('object.spec.replicas <= 2', 'oldObject != null && object.spec.replicas <= oldObject.spec.replicas');
    const withOld = await runWithConfig(snapshotOf('b', { ...files, '.kubegate/policies/max.yaml': scaleUp }), head, config);
    expect(findingLines(withOld, POLICY)).toHaveLength(1);
    const same = await runWithConfig(snapshotOf('b', { ...files, '.kubegate/policies/max.yaml': scaleUp }), snapshotOf('h', { ...files, 'overlays/prod/patch.yaml': files['overlays/prod/patch.yaml'].replace('replicas: 2', 'replicas: 1') }), config);
    expect(findingLines(same, POLICY)).toEqual([]);
  });
});
