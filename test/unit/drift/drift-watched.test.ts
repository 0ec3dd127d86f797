// Which environments the repo config has watched for drift: every apply-mode
// environment unless drift.enabled is false (the schema's default is true);
// Argo CD, Flux and unsynced environments never. And the default branch
// heads the check runs follow, late deliveries included.
import { createDefaultBranchHeads } from '../../../src/app/drift/default-branch-heads.js';
import { driftNotWatchedReason } from '../../../src/app/drift/drift-watched.js';
import { loadRepoConfig } from '../../../src/config/load-repo-config.js';
import type { DriftConfig, RepoConfig } from '../../../src/config/types.js';
import { readConfigSchema } from '../../../src/config/read-config-schema.js';
import { resolveSyncConfig } from '../../../src/sync/resolve-sync-config.js';

function config(envs: string): RepoConfig {
  const loaded = loadRepoConfig(`environments:\n${envs}`);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.config;
}

function reasons(envs: string): Record<string, string | undefined> {
  const c = config(envs);
  return Object.fromEntries(c.environments.map((env) => [env.name, driftNotWatchedReason(env, resolveSyncConfig(c, env))]));
}

describe('drift watching is the default in apply mode', () => {
  test('watched without a drift section, with one, and not when turned off or not applied by kubegate', () => {
    expect(
      reasons(`  - {name: plain, paths: [a], sync: {mode: apply}}
  - {name: tuned, paths: [a], sync: {mode: apply}, drift: {conclusion: neutral, selfHeal: true}}
  - {name: off, paths: [a], sync: {mode: apply}, drift: {enabled: false, selfHeal: true}}
  - {name: argo, paths: [a], sync: {mode: argocd, argocd: {application: x}}}
  - {name: flux, paths: [a], sync: {mode: flux, flux: {kustomization: x}}}
  - {name: recorded, paths: [a], sync: {mode: none}}
  - {name: unsynced, paths: [a]}
`),
    ).toEqual({
      plain: undefined,
      tuned: undefined,
      off: 'the environment turns drift detection off (drift.enabled: false)',
      argo: 'the environment is synced by Argo CD, not in apply mode',
      flux: 'the environment is synced by Flux, not in apply mode',
      recorded: 'the environment is synced by nobody (sync.mode none), not in apply mode',
      unsynced: 'the environment has no sync.mode',
    });
  });

  test('the loader fills enabled: true into a drift section, self-heal stays off', () => {
    const [env] = config('  - {name: a, paths: [a], sync: {mode: apply}, drift: {}}\n').environments;
    expect(env?.drift).toEqual({ enabled: true, conclusion: 'failure', selfHeal: false });
  });

  test('drift: false is refused with a message that names the field', () => {
    const loaded = loadRepoConfig('environments:\n  - {name: a, paths: [a], drift: false}\n');
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems).toEqual([expect.objectContaining({ path: '/environments/0/drift', message: 'must be a mapping; drift detection is on by default, `drift: {enabled: false}` turns it off (got boolean false)' })]);
  });

  test('the schema and DriftConfig name the same fields', () => {
    const keys = { enabled: 1, conclusion: 1, selfHeal: 1 } satisfies Record<keyof DriftConfig, 1>;
    const schema = readConfigSchema() as { definitions: { environment: { properties: { drift: { properties: Record<string, unknown> } } } } };
    expect(Object.keys(schema.definitions.environment.properties.drift.properties).sort()).toEqual(Object.keys(keys).sort());
  });
});

describe('default branch heads', () => {
  test('a push moves the head; a late delivery of an older head or its before does not move it back', () => {
    const heads = createDefaultBranchHeads();
    expect(heads.current('o/r')).toBeUndefined();
    expect(heads.advance('o/r', 'b', 'a')).toBe(true);
    expect(heads.advance('o/r', 'c', 'b')).toBe(true);
    expect(heads.advance('o/r', 'b')).toBe(false);
    expect(heads.advance('o/r', 'a')).toBe(false);
    expect(heads.advance('o/r', 'c')).toBe(false);
    expect(heads.current('o/r')).toBe('c');
    expect(heads.current('o/other')).toBeUndefined();
  });
});
