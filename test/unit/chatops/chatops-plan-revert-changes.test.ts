import { planRevertChanges } from '../../../src/chatops/plan-revert-changes.js';
import type { EnvironmentConfig } from '../../../src/config/types.js';
import type { GitTreeEntry } from '../../../src/github/github-port.js';

const blob = (path: string, sha: string, mode = '100644'): GitTreeEntry => ({ path, mode, type: 'blob', sha });

describe('planRevertChanges', () => {
  test("restores the environment's files, deletes those added since, leaves the rest alone", () => {
    const env: EnvironmentConfig = { name: 'apps', paths: ['apps/**/*.yaml'], render: 'plain' };
    const target = [blob('apps/web.yaml', 'a1'), blob('apps/same.yaml', 's1'), blob('apps/gone.yaml', 'g1'), blob('README.md', 'r1')];
    const head = [blob('apps/web.yaml', 'a2'), blob('apps/same.yaml', 's1'), blob('apps/new.yaml', 'n1'), blob('README.md', 'r2'), { path: 'apps', mode: '040000', type: 'tree', sha: 't' }];
    expect(planRevertChanges(env, target, head)).toEqual([
      { path: 'apps/gone.yaml', mode: '100644', sha: 'g1' },
      { path: 'apps/new.yaml', mode: '100644', sha: null },
      { path: 'apps/web.yaml', mode: '100644', sha: 'a1' },
    ]);
  });

  test('a Kustomize environment: everything below its directories', () => {
    const env: EnvironmentConfig = { name: 'prod', paths: ['./platform/overlays/prod/'], render: 'kustomize' };
    const target = [blob('platform/overlays/prod/kustomization.yaml', 'k1'), blob('platform/base/app.yaml', 'b1')];
    const head = [blob('platform/overlays/prod/kustomization.yaml', 'k2'), blob('platform/base/app.yaml', 'b2')];
    expect(planRevertChanges(env, target, head)).toEqual([{ path: 'platform/overlays/prod/kustomization.yaml', mode: '100644', sha: 'k1' }]);
  });
});
