import { join } from 'node:path';
import { collectOverlayInputs } from '../../../src/render/kustomize/collect-overlay-inputs.js';
import { listNonManifestInputs } from '../../../src/render/kustomize/list-non-manifest-inputs.js';
import { isRemoteRef } from '../../../src/render/kustomize/list-kustomization-refs.js';
import { DEMO_DIR, snapshotFromDirs, snapshotOf } from '../snapshot/snapshot-from-dirs.js';

describe('collectOverlayInputs', () => {
  const demo = snapshotFromDirs('base', join(DEMO_DIR, 'base'));

  it('follows an overlay into its base and lists every file the render reads', () => {
    const inputs = collectOverlayInputs(demo, 'platform/overlays/staging');
    expect(inputs).toMatchObject({ dir: 'platform/overlays/staging', kustomizationFile: 'platform/overlays/staging/kustomization.yaml', problems: [] });
    expect([...(inputs?.files ?? [])].sort()).toEqual([
      'platform/base/deployment.yaml',
      'platform/base/kustomization.yaml',
      'platform/base/service.yaml',
      'platform/overlays/staging/kustomization.yaml',
      'platform/overlays/staging/replicas.yaml',
    ]);
    expect(inputs?.resourceFiles).toEqual(['platform/base/deployment.yaml', 'platform/base/service.yaml']);
    expect(inputs?.patchFiles).toEqual(['platform/overlays/staging/replicas.yaml']);
  });

  it('answers undefined for a directory without a kustomization', () => {
    expect(collectOverlayInputs(demo, 'apps/web')).toBeUndefined();
  });

  it('follows every kind of reference, transitively, and survives cycles', () => {
    const snap = snapshotOf('x', {
      'o/Kustomization': [
        'resources: [../b, crd-free.yaml]',
        'components: [../comp]',
        'crds: [crds/thing.yaml]',
        'patchesStrategicMerge:',
        '  - psm.yaml',
        '  - |-',
        '    apiVersion: v1',
        '    kind: ConfigMap',
        'patchesJson6902:',
        '  - target: {kind: Deployment, name: x}',
        '    path: json6902.yaml',
        'patches:',
        '  - path: p.yaml',
        '  - patch: "inline: true"',
        'configMapGenerator:',
        '  - name: c',
        '    files: [app.properties, key=other.txt]',
        '    envs: [c.env]',
        'secretGenerator:',
        '  - name: s',
        '    env: s.env',
        'replacements:',
        '  - path: repl.yaml',
        'configurations: [conf.yaml]',
        '',
      ].join('\n'),
      'o/crd-free.yaml': 'a',
      'o/crds/thing.yaml': 'a',
      'o/psm.yaml': 'a',
      'o/json6902.yaml': 'a',
      'o/p.yaml': 'a',
      'o/app.properties': 'a',
      'o/other.txt': 'a',
      'o/c.env': 'a',
      'o/s.env': 'a',
      'o/repl.yaml': 'a',
      'o/conf.yaml': 'a',
      'b/kustomization.yml': 'bases: [../deeper]\n',
      'deeper/kustomization.yaml': 'resources: [../b, d.yaml]\n',
      'deeper/d.yaml': 'a',
      'comp/kustomization.yaml': 'kind: Component\nresources: [c.yaml]\n',
      'comp/c.yaml': 'a',
    });
    const inputs = collectOverlayInputs(snap, 'o');
    expect(inputs?.problems).toEqual([]);
    expect([...(inputs?.files ?? [])].sort()).toEqual([...snap.files.keys()].sort());
    expect(inputs?.resourceFiles.sort()).toEqual(['comp/c.yaml', 'deeper/d.yaml', 'o/crd-free.yaml', 'o/crds/thing.yaml']);
    expect(listNonManifestInputs(snap)).toEqual(
      new Set(['o/psm.yaml', 'o/json6902.yaml', 'o/p.yaml', 'o/app.properties', 'o/other.txt', 'o/c.env', 'o/s.env', 'o/repl.yaml', 'o/conf.yaml']),
    );
  });

  it('reports remote and escaping references with their lines, and lists missing local files', () => {
    const snap = snapshotOf('x', {
      'o/kustomization.yaml': 'resources:\n  - https://github.com/example/repo//deploy?ref=v1\n  - ../../../etc\n  - gone.yaml\n',
    });
    const inputs = collectOverlayInputs(snap, 'o');
    expect(inputs?.problems).toEqual([
      {
        file: 'o/kustomization.yaml',
        line: 2,
        remote: true,
        message: 'remote resources "https://github.com/example/repo//deploy?ref=v1" is not fetched: kubegate renders only what is in the repository',
      },
      { file: 'o/kustomization.yaml', line: 3, message: 'resources "../../../etc" points outside the repository' },
    ]);
    expect(inputs?.files.has('o/gone.yaml')).toBe(true);
  });

  it('reports a kustomization that is not valid YAML', () => {
    const snap = snapshotOf('x', { 'o/kustomization.yaml': 'resources:\n  - a.yaml\n - b\n' });
    expect(collectOverlayInputs(snap, 'o')?.problems).toEqual([
      expect.objectContaining({ file: 'o/kustomization.yaml', line: 3, message: expect.stringMatching(/^kustomization is not valid YAML: /) }),
    ]);
  });
});

describe('isRemoteRef', () => {
  it.each([
    ['https://github.com/kubernetes-sigs/kustomize//examples/multibases?ref=v1.0.6', true],
    ['github.com/kubernetes-sigs/kustomize/examples/helloWorld?ref=v3.3.1', true],
    ['git@github.com:owner/repo.git', true],
    ['ssh://git@example.com/owner/repo.git', true],
    ['example.com/owner/repo//dir?ref=main', true],
    ['../base', false],
    ['deployment.yaml', false],
    ['configs/app.v1.yaml', false],
  ])('%s -> %s', (ref, remote) => {
    expect(isRemoteRef(ref)).toBe(remote);
  });
});
