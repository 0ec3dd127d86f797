import { parseSchemaLocation, schemaPathFor, SchemaLocationError } from '../../../src/validate/schema-location.js';

const render = (location: string, kind: string, apiVersion: string, kubernetesVersion = 'master', strict = false): string =>
  schemaPathFor(parseSchemaLocation(location, '/builtin/v1.33.13{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json'), {
    kind,
    apiVersion,
    kubernetesVersion,
    strict,
  });

describe('kubeconform schema location templates', () => {
  test.each([
    ['default', 'Deployment', 'apps/v1', 'master', true, '/builtin/v1.33.13-strict/deployment-apps-v1.json'],
    ['schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json', 'Ingress', 'networking.k8s.io/v1', 'master', false, 'schemas/ingress-networking-v1.json'],
    ['schemas/{{.Group}}/{{.ResourceKind}}_{{.ResourceAPIVersion}}.json', 'HTTPProxy', 'projectcontour.io/v1', 'master', false, 'schemas/projectcontour.io/httpproxy_v1.json'],
    ['https://example.com/k8s', 'Pod', 'v1', '1.30.2', true, 'https://example.com/k8s/v1.30.2-standalone-strict/pod-v1.json'],
    ['https://example.com/k8s/', 'Pod', 'v1', 'v1.30.2', false, 'https://example.com/k8s/v1.30.2-standalone/pod-v1.json'],
    ['{{ .NormalizedKubernetesVersion }}/{{ .Group }}.json', 'Pod', 'v1', 'master', false, 'master/v1.json'],
    ['file:///srv/schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json', 'CronJob', 'batch/v1', 'master', false, '/srv/schemas/cronjob-batch-v1.json'],
    ['file:///srv/k8s', 'Role', 'rbac.authorization.k8s.io/v1', '1.29.0', true, '/srv/k8s/v1.29.0-standalone-strict/role-rbac-v1.json'],
    ['schemas/{{ .ResourceAPIVersion }}/{{ .Group }}/{{ .ResourceKind }}{{ .StrictSuffix }}.json', 'Gateway', 'gateway.networking.k8s.io/v1beta1', 'master', true, 'schemas/v1beta1/gateway.networking.k8s.io/gateway-strict.json'],
  ])('%s for %s %s', (location, kind, apiVersion, version, strict, expected) => {
    expect(render(location, kind, apiVersion, version, strict)).toBe(expected);
  });

  test('refuses templates it cannot render, with kubeconform\'s wording', () => {
    expect(() => render('x/{{ .Kind }}.json', 'Pod', 'v1')).toThrow(SchemaLocationError);
    expect(() => render('x/{{ .ResourceKind }.json', 'Pod', 'v1')).toThrow('failed initialising schema location registry: template: tpl:1: unclosed action');
    expect(() => render('x/{{ lower .Kind }}.json', 'Pod', 'v1')).toThrow(/only \{\{ \.Field \}\} is supported/);
  });
});
