// The record kubegate keeps on its ApplySet parents, and the filter a
// restarted app applies to the Secrets it lists (only complete kubegate ones).
import type { KubeObject } from '../../../src/cluster/index.js';
import { applySetParent, buildParentObject } from '../../../src/sync/applyset-parent.js';
import { readParentRecord, readParentRecords, recordAnnotations, withLiveInstallation } from '../../../src/sync/parent-record.js';

const sha = 'a'.repeat(40);
const parent = applySetParent('staging', 'shop');
const scope = { groupKinds: new Set(['ConfigMap']), namespaces: new Set(['shop']) };
const recorded = (extra: Record<string, string>, tooling = 'kubegate/v1.0.0'): KubeObject => buildParentObject(parent, tooling, scope, extra);
const full = recordAnnotations({ repository: 'acme/shop', revision: sha, installationId: 42 }, 'staging', sha);

test('annotations: repository, environment, installation, and the revision only when given', () => {
  expect(recordAnnotations({ repository: 'acme/shop', revision: sha, installationId: 42 }, 'staging', undefined)).toEqual({
    'kubegate.dev/repository': 'acme/shop',
    'kubegate.dev/environment': 'staging',
    'kubegate.dev/installation-id': '42',
  });
  expect(full['kubegate.dev/revision']).toBe(sha);
});

test('a complete kubegate parent is read back', () => {
  expect(readParentRecord(recorded(full))).toEqual({ namespace: 'shop', name: 'applyset-kubegate-staging', repository: 'acme/shop', environment: 'staging', revision: sha, installationId: 42 });
});

test("other tools' sets, parents never synced successfully, incomplete or malformed records are left out", () => {
  const without = (key: string): Record<string, string> => Object.fromEntries(Object.entries(full).filter(([k]) => k !== key));
  const candidates: KubeObject[] = [
    recorded(full, 'kubectl/v1.31'),
    recorded(without('kubegate.dev/revision')),
    recorded(without('kubegate.dev/installation-id')),
    recorded(without('kubegate.dev/repository')),
    recorded({ ...full, 'kubegate.dev/installation-id': 'x1' }),
    recorded({ ...full, 'kubegate.dev/revision': 'main' }),
    recorded({ ...full, 'kubegate.dev/repository': 'no-slash' }),
    { ...recorded(full), metadata: { ...recorded(full).metadata, labels: {} } },
    { ...recorded(full), kind: 'ConfigMap' },
  ];
  expect(candidates.map(readParentRecord)).toEqual(candidates.map(() => undefined));
  expect(readParentRecords([...candidates, recorded(full)])).toHaveLength(1);
});

test('a sync that names no installation keeps the live one', () => {
  expect(withLiveInstallation({ repository: 'acme/shop', revision: sha }, recorded(full))).toEqual({ repository: 'acme/shop', revision: sha, installationId: 42 });
  expect(withLiveInstallation({ repository: 'acme/shop', revision: sha, installationId: 9 }, recorded(full)).installationId).toBe(9);
  expect(withLiveInstallation({ repository: 'acme/shop', revision: sha }, null)).toEqual({ repository: 'acme/shop', revision: sha });
});
