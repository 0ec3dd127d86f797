// The demo pull request through the real pipeline: manifest reader, schema
// validator with the built-in Kubernetes 1.33.13 schemas, kubectl kustomize.
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import { runPipeline } from '../../../src/pipeline/run-pipeline.js';
import { itWithKubectl } from '../render/kubectl-available.js';
import { demoConfigText, demoSnapshots, findingLines } from './pipeline-harness.js';

describe('runPipeline with the real validator', () => {
  itWithKubectl('finds the demo pull request\'s mistakes at their source lines', async () => {
    const { base, head } = demoSnapshots();
    const report = await runPipeline({ base, head, config: loadRepoConfig(demoConfigText()) });
    expect(findingLines(report)).toEqual([
      'apps/web/deployment.yaml:8 failure Deployment web: spec.replicas: got string, want null or integer',
      "apps/worker/deployment.yaml:17 failure Deployment worker: spec.template.spec.containers[0].imagee: additional properties 'imagee' not allowed",
      'platform/base/deployment.yaml:22 failure Deployment api: spec.template.spec.containers[0].env[0].value: got number, want null or string (as rendered for environment production)',
      'platform/base/deployment.yaml:22 failure Deployment staging-api: spec.template.spec.containers[0].env[0].value: got number, want null or string (as rendered for environment staging)',
    ]);
    expect(report.checks[0]).toMatchObject({ name: 'kubegate/validate', conclusion: 'failure', title: '4 invalid of 7 resources' });
    expect(JSON.stringify(report)).not.toContain('demo-s3cret-never-printed');
  });
});

describe('runPipeline when the validator cannot be created', () => {
  it('reports the reason as a finding instead of crashing', async () => {
    const { base, head } = demoSnapshots();
    const config = loadRepoConfig(`${demoConfigText()}  schemaLocations: ["schemas/{{ .Bogus }"]\n`);
    const report = await runPipeline({ base, head, config });
    expect(report.checks[0]?.conclusion).toBe('failure');
    const validatorFindings = report.checks[0]?.findings.filter((f) => f.rule === 'validator') ?? [];
    expect(validatorFindings.length).toBeGreaterThan(0);
    expect(validatorFindings[0]?.message).toMatch(/^the validator failed, so \d+ objects were not validated: /);
  });
});
