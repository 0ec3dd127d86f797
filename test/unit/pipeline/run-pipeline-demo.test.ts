import { itWithKubectl } from '../render/kubectl-available.js';
import { demoConfigText, demoSnapshots, findingLines, runWithConfig, testDeps } from './pipeline-harness.js';
import type { ValidatorOptions } from '../../../src/validate/types.js';

describe('runPipeline on the demo pull request', () => {
  itWithKubectl('validates changed plain files and every overlay that includes the changed base, pointing at source lines', async () => {
    const { base, head } = demoSnapshots();
    const seen: ValidatorOptions[] = [];
    const report = await runWithConfig(base, head, demoConfigText(), testDeps({}, seen));
    expect(report.baseSha).toBe('base0000');
    expect(report.headSha).toBe('head1111');
    expect(report.checks.map((c) => c.name)).toEqual(['kubegate/validate', 'kubegate/policy']);
    const [check] = report.checks;
    expect(check?.name).toBe('kubegate/validate');
    expect(check?.conclusion).toBe('failure');
    expect(findingLines(report)).toEqual([
      'apps/web/deployment.yaml:8 failure Deployment web: spec.replicas: expected integer or null, but got string',
      "apps/worker/deployment.yaml:16 failure Deployment worker: spec.template.spec.containers[0]: additional properties 'imagee' not allowed",
      'platform/base/deployment.yaml:22 failure Deployment api: spec.template.spec.containers[0].env[0].value: expected string or null, but got number (as rendered for environment production)',
      'platform/base/deployment.yaml:22 failure Deployment staging-api: spec.template.spec.containers[0].env[0].value: expected string or null, but got number (as rendered for environment staging)',
    ]);
    expect(check?.title).toBe('4 invalid of 7 resources');
    expect(check?.summary).toContain('| 3 | 4 | 0 | 0 |');
    expect(check?.summary).toContain('- **apps** (plain, cluster `staging-eu`): 2 changed files, 2 resources: 2 invalid');
    expect(check?.summary).toContain('- **staging** (kustomize, cluster `staging-eu`): rendered `platform/overlays/staging`, 2 resources: 1 valid, 1 invalid');
    expect(check?.summary).toContain('- **production** (kustomize, cluster `production-eu`): rendered `platform/overlays/production`, 3 resources: 2 valid, 1 invalid');
    expect(seen[0]).toMatchObject({ kubernetesVersion: '1.33.13', strict: true, crds: [] });
  });

  itWithKubectl('checks the policies of the default branch on what the change creates or modifies, at the lines, counting what it leaves alone', async () => {
    const { base, head } = demoSnapshots();
    const report = await runWithConfig(base, head, demoConfigText());
    const policy = report.checks[1];
    expect(policy).toMatchObject({ name: 'kubegate/policy', conclusion: 'failure', title: '2 policy violations, 1 warning' });
    expect(findingLines(report, 'kubegate/policy')).toEqual([
      'apps/worker/deployment.yaml:18 failure Deployment worker: kubegate-disallow-privilege-escalation: container(s) worker may escalate privileges; set securityContext.allowPrivilegeEscalation: false',
      'apps/worker/deployment.yaml:19 failure Deployment worker: kubegate-disallow-privileged: container(s) worker run privileged; remove securityContext.privileged (or set it to false) and add only the capabilities the container needs',
      'apps/worker/deployment.yaml:20 warning Deployment worker: kubegate-require-memory-limit: container(s) worker set no memory limit; set resources.limits.memory',
    ]);
    expect(policy?.findings.map((f) => [f.rule, f.environment, f.object?.namespace])).toContainEqual(['kubegate-disallow-privileged', 'apps', 'apps']);
    // The production overlay's generated Secret breaks kubegate-disallow-plain-secrets on the base already.
    expect(policy?.summary).toContain('Not shown: 1 pre-existing finding in unchanged objects');
    expect(policy?.text).toContain('| Deny | `kubegate-disallow-privileged` | Deployment `apps/worker` | `apps/worker/deployment.yaml:19` |');
  });

  itWithKubectl('never prints the value of a generated Secret', async () => {
    const { base, head } = demoSnapshots();
    const json = JSON.stringify(await runWithConfig(base, head, demoConfigText()));
    expect(json).not.toContain('demo-s3cret-never-printed');
    expect(json).not.toContain(Buffer.from('demo-s3cret-never-printed').toString('base64'));
  });

  it('reports nothing to do when base and head are the same', async () => {
    const { base } = demoSnapshots();
    const report = await runWithConfig(base, { ...base, sha: 'same' }, demoConfigText());
    expect(report.checks[0]).toMatchObject({ conclusion: 'success', title: 'No Kubernetes manifests changed', findings: [] });
    expect(report.checks[0]?.summary).toContain('- **staging** (kustomize, cluster `staging-eu`): no overlay affected by this change');
    expect(report.checks[1]).toMatchObject({ name: 'kubegate/policy', conclusion: 'success', title: 'No policy violations', findings: [] });
  });

  it('fails the check with the config problems when the config is invalid, validating nothing', async () => {
    const { base, head } = demoSnapshots();
    let validatorCreated = false;
    const report = await runWithConfig(
      base,
      head,
      'environments:\n  - name: a\n    paths: [x]\n    rendr: kustomize\n',
      testDeps({ createValidator: () => ((validatorCreated = true), { validate: async () => [] }) }),
    );
    expect(validatorCreated).toBe(false);
    expect(report.checks[0]).toMatchObject({ name: 'kubegate/validate', conclusion: 'failure', title: 'Invalid kubegate config: 1 problem' });
    expect(findingLines(report)).toEqual(['.github/kubegate.yml:4 failure /environments/0/rendr: unknown field "rendr": did you mean "render"?']);
    expect(report.checks[0]?.summary).toContain('`.github/kubegate.yml:4` `/environments/0/rendr`: unknown field');
    expect(report.checks[1]).toMatchObject({ name: 'kubegate/policy', conclusion: 'failure', title: 'Not checked: invalid kubegate config', findings: [] });
  });
});
