import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadManifests } from '../../../src/manifests/load-manifests.js';
import type { LoadedDocument } from '../../../src/manifests/types.js';

const fixture = (name: string): Buffer => readFileSync(fileURLToPath(new URL(`../../../fixtures/manifests/${name}`, import.meta.url)));

function describeDocument(d: LoadedDocument): string {
  if (d.type === 'object') return `object ${d.object.kind}/${d.object.name} line ${d.object.source.line} doc ${d.object.documentIndex}`;
  return `${d.type} line ${d.line} doc ${d.documentIndex}`;
}

describe('loadManifests', () => {
  test('reads a multi-document file with comments and empty documents, with each object on its first line', () => {
    const loaded = loadManifests('web-app.yaml', fixture('web-app.yaml'));
    expect(loaded.documents.map(describeDocument)).toEqual([
      'object Deployment/web line 2 doc 0',
      'object Service/web line 52 doc 1',
      'object ConfigMap/web-config line 70 doc 2',
      'empty line 79 doc 3',
      'object HorizontalPodAutoscaler/web line 81 doc 4',
    ]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.objects[0]).toMatchObject({ apiVersion: 'apps/v1', namespace: 'team-a', source: { file: 'web-app.yaml', line: 2 } });
  });

  test('reads scalars as kubectl does: octal modes, quoted strings stay strings', () => {
    const deployment = loadManifests('web-app.yaml', fixture('web-app.yaml')).objects[0];
    const spec = (deployment?.body['spec'] as { template: { spec: { volumes: Array<{ configMap: { defaultMode: unknown } }>; containers: Array<{ env: Array<{ value: unknown }> }> } } }).template.spec;
    expect(spec.volumes[0]?.configMap.defaultMode).toBe(0o644);
    expect(spec.containers[0]?.env[1]?.value).toBe('yes');
    const flags = loadManifests('flags.yaml', fixture('invalid/yaml-booleans.yaml')).objects[0];
    expect(flags?.body['data']).toEqual({ checkout: true, search: 'off' });
  });

  test('finds the line of any field lazily, and falls back to the deepest field that exists', () => {
    const [deployment, service] = loadManifests('web-app.yaml', fixture('web-app.yaml')).objects;
    expect(deployment?.lineOf(['spec', 'replicas'])).toBe(13);
    expect(deployment?.lineOf(['spec', 'template', 'spec', 'containers', 0, 'env', 1, 'value'])).toBe(32);
    expect(deployment?.lineOf(['spec', 'template', 'spec', 'containers', 0])).toBe(23);
    expect(deployment?.lineOf(['metadata', 'labels', 'app.kubernetes.io/part-of'])).toBe(9);
    expect(deployment?.lineOf(['spec', 'template', 'spec', 'nodeSelector', 'zone'])).toBe(21);
    expect(service?.lineOf(['spec', 'ports', 1, 'port'])).toBe(66);
    expect(service?.lineOf([])).toBe(52);
  });

  test('expands the items of a List, each at its own line', () => {
    const loaded = loadManifests('list.yaml', fixture('list.yaml'));
    expect(loaded.objects.map((o) => `${o.kind}/${o.name}@${o.source.line}`)).toEqual(['Namespace/team-b@4', 'ServiceAccount/deployer@8']);
    expect(loaded.objects[1]?.lineOf(['metadata', 'namespace'])).toBe(12);
  });

  test('reads JSON files, and finds lines in them', () => {
    const loaded = loadManifests('configmap.json', fixture('configmap.json'));
    expect(loaded.objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['ConfigMap/feature-flags']);
    expect(loaded.objects[0]?.lineOf(['data', 'search'])).toBe(10);
  });

  test('keeps documents that are not Kubernetes objects out of objects and errors', () => {
    const loaded = loadManifests('values.yaml', fixture('not-kubernetes.yaml'));
    expect(loaded.objects).toEqual([]);
    expect(loaded.errors).toEqual([]);
    expect(loaded.documents.map((d) => (d.type === 'not-kubernetes' ? d.reason : d.type))).toEqual(['no-kind-or-apiversion', 'not-a-mapping']);
  });

  test('reports objects missing kind or apiVersion', () => {
    const loaded = loadManifests('x.yaml', 'kind: Deployment\nmetadata:\n  name: a\n---\napiVersion: v1\nmetadata:\n  name: b\n');
    expect(loaded.errors.map((e) => `${e.line}: ${e.message}`)).toEqual([
      '1: the Deployment has no apiVersion; add it (e.g. apiVersion: v1 or apps/v1)',
      '5: the object has apiVersion "v1" but no kind; add the kind it is (e.g. kind: Deployment)',
    ]);
  });

  test('reports malformed YAML at the line of the problem and still reads the other documents', () => {
    const loaded = loadManifests('malformed.yaml', fixture('invalid/malformed.yaml'));
    expect(loaded.objects.map((o) => o.name)).toEqual(['fine']);
    expect(loaded.errors).toEqual([{ file: 'malformed.yaml', line: 12, message: 'YAML syntax error: bad indentation of a mapping entry (column 2)' }]);
  });

  test('keeps the later value of a duplicate key and records the duplicate', () => {
    const [settings] = loadManifests('dup.yaml', fixture('invalid/duplicate-key.yaml')).objects;
    expect(settings?.body['data']).toEqual({ mode: 'safe', timeout: '30' });
    expect(settings?.duplicateKeys).toEqual([{ key: 'mode', line: 8 }]);
  });

  test('reads empty files and comment-only files as no objects', () => {
    expect(loadManifests('empty.yaml', '').documents).toEqual([]);
    expect(loadManifests('comment.yaml', '---\n# nothing here\n').documents.map((d) => d.type)).toEqual(['empty']);
  });

  test.each([
    ['binary content', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'file contains NUL bytes: it looks binary, not YAML or JSON'],
    ['Latin-1 text', Buffer.from('data:\n  caf\xe9: x\n', 'latin1'), 'file is not valid UTF-8; save it as UTF-8 (YAML and JSON manifests must be Unicode text)'],
  ])('refuses %s with a clear message', (_what, content, message) => {
    expect(loadManifests('f.yaml', content).errors).toEqual([{ file: 'f.yaml', line: 1, message }]);
  });

  test('refuses files over the size limit', () => {
    const [error] = loadManifests('big.yaml', 'a: b\n'.repeat(1000), { maxFileBytes: 1024 }).errors;
    expect(error?.message).toBe('file is 4.9 KB, over the 1.0 KB limit for one manifest file; split it into smaller files');
  });

  test('reads UTF-16 files with a byte-order mark', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: wide\n';
    const loaded = loadManifests('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(loaded.objects.map((o) => o.name)).toEqual(['wide']);
  });

  test('refuses YAML alias bombs but accepts ordinary anchors', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const [bomb] = loadManifests('bomb.yaml', levels.join('\n')).errors;
    expect(bomb?.message).toMatch(/^YAML aliases expand this document to 4\.\de\+8 values from 19 written ones/);
    const anchors = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  labels: &l {app: x}\n  annotations: *l\n';
    expect(loadManifests('ok.yaml', anchors).objects[0]?.body['metadata']).toEqual({ name: 'x', labels: { app: 'x' }, annotations: { app: 'x' } });
  });

  test('refuses a document that contains itself through an alias', () => {
    expect(loadManifests('loop.yaml', 'a: &a\n  b: *a\n').errors[0]?.message).toBe(
      'YAML alias refers to its own anchor, so the document contains itself; remove that alias',
    );
  });
});
