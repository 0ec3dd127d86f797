// From dry-run outcomes to object diffs: normalization, actions, apply order,
// objects that depend on a namespace or CRD the same change creates, removed
// objects, and refusals.
import { buildEnvironmentDiff, findRemovedObjects, normalizeObject, type EnvironmentDryRun } from '../../../src/diff/index.js';
import { manifest, outcome, refOf, served } from './fixtures-objects.js';

const cmText = (name: string, data: string, ns = 'apps'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: ${ns}\ndata:\n${data}`;

function dryRun(applied: EnvironmentDryRun['applied'], removed: EnvironmentDryRun['removed'] = []): EnvironmentDryRun {
  return { environment: 'prod', cluster: 'eu', applied, removed };
}

describe('normalizeObject', () => {
  test('drops bookkeeping, status, the last-applied annotation and maps left empty', () => {
    const body = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, labels: {} },
      data: { a: '1' },
    };
    expect(normalizeObject(served(body))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } });
  });

  test('keeps other annotations', () => {
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', annotations: { a: 'b', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } };
    expect(normalizeObject(body).metadata).toEqual({ name: 'c', annotations: { a: 'b' } });
  });
});

describe('buildEnvironmentDiff', () => {
  test('create, update and unchanged; bookkeeping-only differences are unchanged', () => {
    const created = manifest(cmText('new', '  a: "1"\n'));
    const updated = manifest(cmText('upd', '  a: "2"\n'));
    const same = manifest(cmText('same', '  a: "1"\n'));
    const liveUpd = served(manifest(cmText('upd', '  a: "1"\n')).body);
    const diff = buildEnvironmentDiff(
      dryRun([
        outcome(created, null, served(created.body)),
        outcome(updated, liveUpd, served(updated.body, 2)),
        outcome(same, served(same.body, 1), served(same.body, 7)),
      ]),
    );
    expect(diff.objects.map((o) => [o.ref.name, o.action, o.added, o.removed])).toEqual([
      ['new', 'create', 7, 0],
      ['same', 'unchanged', 0, 0],
      ['upd', 'update', 1, 1],
    ]);
    const upd = diff.objects.find((o) => o.ref.name === 'upd');
    expect(upd?.hunks).toEqual([
      {
        oldStart: 1,
        oldLines: 6,
        newStart: 1,
        newLines: 6,
        lines: [' apiVersion: v1', ' data:', '-  a: "1"', '+  a: "2"', ' kind: ConfigMap', ' metadata:', '   name: upd'],
      },
    ]);
    expect(upd?.fileName).toBe('v1.ConfigMap.apps.upd');
    expect(upd?.mergedText).not.toMatch(/uid|resourceVersion|generation|creationTimestamp|managedFields|status/);
  });

  test('objects come in the order a sync applies them: Namespace, CRD, ..., Deployment, custom resources', () => {
    const texts = [
      'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: apps}\n',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: apps}\n',
      'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: apps}\n',
      'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: widgets.example.com}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: apps}\n',
      'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: sa, namespace: apps}\n',
    ];
    const diff = buildEnvironmentDiff(dryRun(texts.map((t) => manifest(t)).map((m) => outcome(m, null, served(m.body)))));
    expect(diff.objects.map((o) => o.ref.kind)).toEqual(['Namespace', 'CustomResourceDefinition', 'ServiceAccount', 'ConfigMap', 'Service', 'Deployment', 'Widget']);
  });

  test('an object in a namespace this change creates is shown as written; other missing namespaces are errors', () => {
    const ns = manifest('apiVersion: v1\nkind: Namespace\nmetadata: {name: fresh}\n');
    const inFresh = manifest(cmText('c', '  a: "1"\n', 'fresh'));
    const inMissing = manifest(cmText('d', '  a: "1"\n', 'missing'));
    const notFound = (n: string) => ({ error: { reason: 'NotFound', status: 404, message: `namespaces "${n}" not found` } });
    const diff = buildEnvironmentDiff(
      dryRun([outcome(ns, null, served(ns.body)), outcome(inFresh, null, undefined, notFound('fresh')), outcome(inMissing, null, undefined, notFound('missing'))]),
    );
    const [, fresh, missing] = diff.objects;
    expect(fresh).toMatchObject({ action: 'create', note: expect.stringMatching(/namespace "fresh" is created by this change/) });
    expect(fresh?.mergedText).toBe('apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: fresh\n');
    expect(missing).toMatchObject({ action: 'error', error: { message: 'namespaces "missing" not found' } });
  });

  test('a refusal keeps the server message, scrubbed of the Secret values it echoes, and finds the field line', () => {
    const secret = manifest('apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  namespace: apps\nstringData:\n  token: very-secret-token\ntype: bad type\n');
    const message = 'Secret "s" is invalid: type: Invalid value: "bad type": value very-secret-token refused';
    const diff = buildEnvironmentDiff(dryRun([outcome(secret, null, undefined, { error: { reason: 'Invalid', status: 422, message } })]));
    expect(diff.objects[0]).toMatchObject({
      action: 'error',
      error: { message: 'Secret "s" is invalid: type: Invalid value: "bad type": value *** refused' },
      errorField: { field: 'type', line: 8 },
    });
  });

  test('Secret values never reach the texts', () => {
    const head = manifest('apiVersion: v1\nkind: Secret\nmetadata: {name: s, namespace: apps}\ndata: {k: bmV3LXZhbHVl}\n');
    const live = served({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'apps' }, data: { k: 'b2xkLXZhbHVl' } });
    const diff = buildEnvironmentDiff(dryRun([outcome(head, live, served(head.body, 2))]));
    const [s] = diff.objects;
    expect(s?.hunks[0]?.lines).toEqual([' apiVersion: v1', ' data:', "-  k: '*** (before)'", "+  k: '*** (after)'", ' kind: Secret', ' metadata:', '   name: s']);
    expect(JSON.stringify(diff)).not.toMatch(/bmV3LXZhbHVl|b2xkLXZhbHVl|new-value|old-value/);
  });

  test('objects removed from Git: listed after the rest, in reverse apply order, without a diff', () => {
    const base = [manifest(cmText('a', '  x: "1"\n')), manifest('apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n'), manifest(cmText('b', '  x: "1"\n'))];
    const head = [base[2]!];
    const removed = findRemovedObjects(base, head);
    expect(removed.map((o) => o.name)).toEqual(['a', 'apps']);
    const kept = head[0]!;
    const diff = buildEnvironmentDiff(
      dryRun(
        [outcome(kept, served(kept.body), served(kept.body))],
        [
          { object: removed[0]!, ref: refOf(removed[0]!), live: served(removed[0]!.body) },
          { object: removed[1]!, ref: refOf(removed[1]!), live: null },
        ],
      ),
    );
    expect(diff.objects.map((o) => [o.ref.kind, o.action, o.hunks.length])).toEqual([
      ['ConfigMap', 'unchanged', 0],
      ['ConfigMap', 'removed', 0],
      ['Namespace', 'removed', 0],
    ]);
    expect(diff.objects[1]?.note).toMatch(/still in the cluster/);
    expect(diff.objects[2]?.note).toBe('not in the cluster');
  });
});

describe('findRemovedObjects', () => {
  test('matches by group, kind, namespace and name; a version change is the same object', () => {
    const v1 = manifest('apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n');
    const v2 = manifest('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n');
    const other = manifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: h}\n');
    expect(findRemovedObjects([v1, other], [v2])).toEqual([other]);
    expect(findRemovedObjects([manifest(cmText('c', '  a: b\n', 'apps'))], [manifest('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n')], 'apps')).toEqual([]);
  });
});
