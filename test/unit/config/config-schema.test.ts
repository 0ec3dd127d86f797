import { Ajv } from 'ajv';
import { readConfigSchema } from '../../../src/config/read-config-schema.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { ApprovalConfig, EnvironmentConfig, RepoConfig, SyncConfig, ValidationConfig } from '../../../src/config/types.js';
import type { PolicyConfig } from '../../../src/policy/index.js';
import type { Exemption, LabelSelector, LabelSelectorRequirement } from '../../../src/policy/types.js';

describe('the published config schema', () => {
  it('is a valid draft-07 schema in strict mode', () => {
    const ajv = new Ajv({ strict: true });
    expect(ajv.validateSchema(readConfigSchema())).toBe(true);
  });

  it('is the one the loader enforces: every documented validation field has a default the loader returns', () => {
    const schema = readConfigSchema() as { properties: { validation: { properties: Record<string, { default?: unknown }> } } };
    const r = loadRepoConfig(undefined);
    if (!r.ok) throw new Error('default config must load');
    const defaults = Object.fromEntries(Object.entries(schema.properties.validation.properties).map(([k, v]) => [k, v.default]));
    expect(r.config.validation).toEqual(defaults);
  });

  it('refuses the implicit-environment marker in a user file', () => {
    const r = loadRepoConfig('environments:\n  - name: a\n    paths: [x]\n    implicit: true\n');
    expect(r.ok).toBe(false);
  });
});

describe('the TypeScript config types and the schema', () => {
  // Compile-time lists: adding a field to RepoConfig/EnvironmentConfig/ValidationConfig
  // without listing it here fails type-checking; listing it without adding it to the
  // schema fails this test.
  const repoKeys = { environments: 1, validation: 1, policies: 1, sync: 1, approvals: 1, chatops: 1 } satisfies Record<keyof RepoConfig, 1>;
  const envKeys = { name: 1, cluster: 1, paths: 1, render: 1, namespace: 1, sync: 1, approvals: 1, drift: 1 } satisfies Record<Exclude<keyof EnvironmentConfig, 'implicit'>, 1>;
  const validationKeys = {
    kubernetesVersion: 1,
    strict: 1,
    skipKinds: 1,
    rejectKinds: 1,
    schemaLocations: 1,
    ignoreMissingSchemas: 1,
  } satisfies Record<keyof ValidationConfig, 1>;
  const policyKeys = { builtin: 1, enable: 1, disable: 1, actions: 1, exempt: 1, directory: 1 } satisfies Record<keyof PolicyConfig, 1>;
  const exemptionKeys = { policies: 1, namespaces: 1, names: 1, kinds: 1, selector: 1 } satisfies Record<keyof Exemption, 1>;
  const selectorKeys = { matchLabels: 1, matchExpressions: 1 } satisfies Record<keyof LabelSelector, 1>;
  const requirementKeys = { key: 1, operator: 1, values: 1 } satisfies Record<keyof LabelSelectorRequirement, 1>;
  const syncKeys = {
    mode: 1,
    when: 1,
    prune: 1,
    recreate: 1,
    waitForRollout: 1,
    allowPreMerge: 1,
    timeoutSeconds: 1,
    namespaces: 1,
    argocd: 1,
    flux: 1,
  } satisfies Record<keyof SyncConfig, 1>;
  const approvalKeys = { required: 1, users: 1, teams: 1 } satisfies Record<keyof ApprovalConfig, 1>;

  it('name the same fields (no drift)', () => {
    const schema = readConfigSchema() as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
      definitions: Record<string, { properties: Record<string, unknown> }>;
    };
    const definition = (name: string): string[] => Object.keys(schema.definitions[name]?.properties ?? {}).sort();
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(repoKeys).sort());
    expect(definition('environment')).toEqual(Object.keys(envKeys).sort());
    expect(Object.keys(schema.properties.validation?.properties ?? {}).sort()).toEqual(Object.keys(validationKeys).sort());
    expect(Object.keys(schema.properties.policies?.properties ?? {}).sort()).toEqual(Object.keys(policyKeys).sort());
    expect(definition('policyExemption')).toEqual(Object.keys(exemptionKeys).sort());
    expect(definition('labelSelector')).toEqual(Object.keys(selectorKeys).sort());
    expect(definition('labelSelectorRequirement')).toEqual(Object.keys(requirementKeys).sort());
    expect(definition('sync')).toEqual(Object.keys(syncKeys).sort());
    expect(definition('approvals')).toEqual(Object.keys(approvalKeys).sort());
  });
});
