import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createValidator } from '../../../src/validate/index.js';
import { isSafeTypeName } from '../../../src/validate/schema-resolver.js';
import { loadManifests } from '../../../src/manifests/index.js';

describe('kind and apiVersion used in schema paths', () => {
  it.each([
    ['apps/v1', 'Deployment'],
    ['v1', 'ConfigMap'],
    ['networking.k8s.io/v1', 'Ingress'],
    ['monitoring.coreos.com/v1', 'ServiceMonitor'],
    ['example.com/v1alpha1', 'My-Kind'],
  ])('accepts %s %s', (apiVersion, kind) => {
    expect(isSafeTypeName(apiVersion, kind)).toBe(true);
  });

  it.each([
    ['v1', '../../../../etc/passwd'],
    ['v1', 'Pod/../../secret'],
    ['../../x/v1', 'Pod'],
    ['apps/v1/../../..', 'Deployment'],
    ['v1', 'Pod?x=1'],
    ['v1', ''],
  ])('refuses %s %s', (apiVersion, kind) => {
    expect(isSafeTypeName(apiVersion, kind)).toBe(false);
  });

  it('never reads a file outside the schema location for a crafted kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegate-kind-'));
    // A "schema" that accepts anything, placed where a traversing kind would reach it.
    mkdirSync(join(dir, 'schemas', 'master-standalone'), { recursive: true });
    writeFileSync(join(dir, 'secret-v1.json'), '{}');
    const text = 'apiVersion: v1\nkind: ../../secret\nmetadata:\n  name: x\n';
    const { objects } = loadManifests('evil.yaml', text);
    const validator = createValidator({ schemaLocations: [join(dir, 'schemas')] }, { cwd: dir });
    const [result] = await validator.validate(objects);
    expect(result?.status).toBe('error');
    expect(result?.msg).toMatch(/could not find schema/);
  });
});
