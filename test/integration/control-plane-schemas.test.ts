// The committed schemas (src/schemas/kubernetes) against the generator and
// the running kube-apiserver: no drift, every file compiles with ajv, and the
// rules (strict, int-or-string, Quantity, null, kind enums) hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { buildSchemas } from '../cluster/schemas/build-schemas.mjs';
import { mergeDefinitions, type OpenApiDocumentEntry } from '../cluster/schemas/merge-definitions.mjs';
import { KUBERNETES_VERSION } from '../cluster/versions.mjs';
import { clusterClient } from '../setup/cluster-env.js';

const addFormats = addFormatsModule.default;
const schemaRoot = join(process.cwd(), 'src', 'schemas', 'kubernetes');
const flavours = [KUBERNETES_VERSION, `${KUBERNETES_VERSION}-strict`];

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

function compiler(flavour: string): (file: string) => ValidateFunction {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(readJson(join(schemaRoot, flavour, '_definitions.json')), '_definitions.json');
  return (file) => ajv.compile(readJson(join(schemaRoot, flavour, file)));
}

function deployment(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', creationTimestamp: null, ...metadata },
    spec: {
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 0.5, memory: '1Gi' } } }] },
      },
      ...spec,
    },
  };
}

describe('generated schemas', () => {
  test('match what the generator makes from the running kube-apiserver', async () => {
    const client = clusterClient();
    const index = await client.openApiIndex();
    // Other tests install CRDs in the shared control plane; the generator's own control plane has none.
    const crds = await client.list({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition' });
    const crdGroups = new Set(crds.map((crd) => String((crd.spec as { group?: unknown } | undefined)?.group)));
    const documents: OpenApiDocumentEntry[] = [];
    for (const path of Object.keys(index.paths).sort()) {
      if (crdGroups.has(path.split('/')[1] ?? '')) continue;
      const doc = await client.openApiDocument(index.paths[path]!.serverRelativeURL);
      if ((doc.components as { schemas?: unknown } | undefined)?.schemas) documents.push({ path, doc: doc as OpenApiDocumentEntry['doc'] });
    }
    const definitions = mergeDefinitions(documents);
    for (const [strict, flavour] of [[false, flavours[0]!], [true, flavours[1]!]] as const) {
      const files = buildSchemas(definitions, { strict, gitVersion: KUBERNETES_VERSION });
      const live = JSON.parse(files.get('_definitions.json')!) as { definitions: Record<string, unknown> };
      const committed = readJson(join(schemaRoot, flavour, '_definitions.json')) as { definitions: Record<string, unknown> };
      for (const [name, schema] of Object.entries(live.definitions)) expect([name, committed.definitions[name]]).toEqual([name, schema]);
      files.delete('_definitions.json');
      expect(files.size).toBeGreaterThan(50);
      for (const [file, text] of files) expect([file, readFileSync(join(schemaRoot, flavour, file), 'utf8')]).toEqual([file, text]);
    }
  });

  test.each(flavours)('%s: every kind file compiles and names its kind in the enums', (flavour) => {
    const compile = compiler(flavour);
    const files = readdirSync(join(schemaRoot, flavour)).filter((f) => f !== '_definitions.json');
    expect(files).toEqual(expect.arrayContaining(['deployment-apps-v1.json', 'configmap-v1.json', 'ingress-networking-v1.json']));
    for (const file of files) {
      compile(file);
      const { properties } = readJson(join(schemaRoot, flavour, file)) as { properties: Record<string, { enum: string[] }> };
      const [kind] = properties.kind!.enum;
      const [apiVersion] = properties.apiVersion!.enum;
      const group = apiVersion!.includes('/') ? `-${apiVersion!.split('/')[0]!.split('.')[0]}` : '';
      expect(file).toBe(`${kind!.toLowerCase()}${group}-${apiVersion!.split('/').pop()}.json`);
    }
  });

  test('rules: int-or-string, Quantity as number, null for optional fields, kind enum', () => {
    const validate = compiler(flavours[0]!)('deployment-apps-v1.json');
    const ok = (value: unknown): boolean => validate(value) === true;
    expect(ok(deployment())).toBe(true);
    expect(ok(deployment({ strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } } }))).toBe(true);
    expect(ok(deployment({ strategy: { rollingUpdate: { maxSurge: true } } }))).toBe(false);
    expect(ok(deployment({ replicas: null, paused: null }, { annotations: null }))).toBe(true);
    expect(ok(deployment({ replicas: 'two' }))).toBe(false);
    expect(ok(deployment({ selector: null, template: null }))).toBe(true);
    expect(ok({ ...deployment(), kind: 'StatefulSet' })).toBe(false);
    expect(ok({ ...deployment(), apiVersion: 'apps/v1beta1' })).toBe(false);
    expect(ok(deployment({ unknownField: 1 }))).toBe(true);
  });

  test('strict rejects unknown fields at every level', () => {
    const validate = compiler(flavours[1]!)('deployment-apps-v1.json');
    expect(validate(deployment())).toBe(true);
    expect(validate({ ...deployment(), extra: 1 })).toBe(false);
    expect(validate(deployment({ replica: 2 }))).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/spec', params: { additionalProperty: 'replica' } });
    const container = { name: 'web', image: 'nginx', imagePullPolicyy: 'Always' };
    expect(validate(deployment({ template: { spec: { containers: [container] } } }))).toBe(false);
    expect(validate.errors?.map((e) => e.params)).toContainEqual({ additionalProperty: 'imagePullPolicyy' });
  });
});
