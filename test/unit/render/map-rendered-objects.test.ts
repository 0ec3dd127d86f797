import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { mapRenderedObject } from '../../../src/render/kustomize/map-rendered-objects.js';

const SOURCE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  template:
    spec:
      containers:
        - name: api
          image: api:1
---
apiVersion: v1
kind: Service
metadata:
  name: api
`;
const PATCH = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n';
const RENDERED = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-7h2k9m5c6t
  namespace: prod
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: prod-api-v2
  namespace: prod
spec:
  replicas: 3
  template:
    spec:
      containers:
      - image: api:1
        name: api
`;

describe('mapRenderedObject', () => {
  const sources = loadManifests('base/app.yaml', SOURCE).objects;
  const patches = loadManifests('prod/patch.yaml', PATCH).objects;
  const [configMap, deployment] = loadManifests('prod/kustomization.yaml', RENDERED).objects;

  it('finds the source manifest through namePrefix, nameSuffix and namespace', () => {
    if (!deployment) throw new Error('fixture');
    const mapped = mapRenderedObject(deployment, sources, patches, 'prod/kustomization.yaml');
    expect(mapped.object.source).toEqual({ file: 'base/app.yaml', line: 1 });
    expect(mapped.object.name).toBe('prod-api-v2');
    expect(mapped.object.namespace).toBe('prod');
    expect(mapped.locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({ file: 'base/app.yaml', line: 11 });
  });

  it('points at the patch for a field the patch sets', () => {
    if (!deployment) throw new Error('fixture');
    expect(mapRenderedObject(deployment, sources, patches, 'prod/kustomization.yaml').locate(['spec', 'replicas'])).toEqual({
      file: 'prod/patch.yaml',
      line: 6,
    });
  });

  it('points a generated object at the overlay kustomization, line 1', () => {
    if (!configMap) throw new Error('fixture');
    const mapped = mapRenderedObject(configMap, sources, patches, 'prod/kustomization.yaml');
    expect(mapped.object.source).toEqual({ file: 'prod/kustomization.yaml', line: 1 });
    expect(mapped.locate(['data', 'x'])).toEqual({ file: 'prod/kustomization.yaml', line: 1 });
  });

  it('does not match an object of another kind with the same name', () => {
    if (!deployment) throw new Error('fixture');
    const onlyService = sources.filter((s) => s.kind === 'Service');
    expect(mapRenderedObject(deployment, onlyService, [], 'k.yaml').object.source).toEqual({ file: 'k.yaml', line: 1 });
  });
});
