// The validator with its built-in schemas (src/schemas/kubernetes), on real manifests.
import { createValidator } from '../../../src/validate/create-validator.js';
import { resultToFindings } from '../../../src/validate/result-to-findings.js';
import { fieldErrors, loadFixture, summarize, validateFixture } from './helpers.js';

const BUILTIN = "jsonschema validation failed with 'kubegate:src/schemas/kubernetes/v1.33.13";

describe('validator with the built-in schemas', () => {
  test('accepts a real application (null fields, quoted strings, octal modes, int-or-string ports)', async () => {
    expect(summarize(await validateFixture('web-app.yaml'))).toEqual([
      'Deployment/web: valid',
      'Service/web: valid',
      'ConfigMap/web-config: valid',
      'HorizontalPodAutoscaler/web: valid',
    ]);
    expect(summarize(await validateFixture('list.yaml', { strict: true }))).toEqual(['Namespace/team-b: valid', 'ServiceAccount/deployer: valid']);
  });

  test('reports a wrong type in kubeconform words, naming the schema', async () => {
    const [shop] = await validateFixture('invalid/unknown-field.yaml');
    expect(shop?.status).toBe('invalid');
    expect(shop?.msg).toBe(
      `problem validating schema. Check JSON formatting: ${BUILTIN}/deployment-apps-v1.json#' - at '/spec/replicas': got string, want null or integer`,
    );
  });

  test('strict mode rejects unknown fields (strict schemas) and duplicate keys', async () => {
    const [shop] = await validateFixture('invalid/unknown-field.yaml', { strict: true });
    expect(fieldErrors(shop)).toEqual([
      '/spec/replicas: got string, want null or integer',
      "/spec/template/spec/containers/0: additional properties 'imagePulPolicy' not allowed",
    ]);
    const [settings] = await validateFixture('invalid/duplicate-key.yaml', { strict: true });
    expect(settings?.status).toBe('error');
    expect(settings?.msg).toBe('error unmarshalling resource: line 8: key "mode" already set in map; remove one of the two (strict mode refuses duplicate keys)');
    expect(summarize(await validateFixture('invalid/duplicate-key.yaml'))).toEqual(['ConfigMap/settings: valid']);
  });

  test('says when YAML read an unquoted word as a boolean', async () => {
    const [flags] = await validateFixture('invalid/yaml-booleans.yaml');
    expect(fieldErrors(flags)).toEqual(['/data/checkout: got boolean, want string']);
    expect(flags?.validationErrors[0]?.hint).toBe('(YAML reads unquoted yes, no, on, off, true and false as booleans: quote the value)');
    expect(resultToFindings(flags!)[0]?.message).toBe(
      'ConfigMap flags: data.checkout: got boolean, want string (YAML reads unquoted yes, no, on, off, true and false as booleans: quote the value)',
    );
  });

  test('checks resource quantities and requests against limits', async () => {
    const [worker] = await validateFixture('invalid/bad-resources.yaml');
    expect(fieldErrors(worker)).toEqual([
      "/spec/template/spec/containers/0/resources/requests/memory: '1.5 Gi' is not a valid quantity: write a number with an optional suffix, like 250m, 0.5, 128Mi, 2Gi or 1e3",
      '/spec/template/spec/containers/0/resources/requests/cpu: requests.cpu (2) is more than limits.cpu (1); a request must not exceed its limit',
    ]);
  });

  test('rejects duplicate keys in lists Kubernetes treats as maps (containers, env, service ports)', async () => {
    const [deployment, service] = await validateFixture('invalid/duplicate-list-keys.yaml');
    expect(fieldErrors(deployment)).toEqual([
      '/spec/template/spec/containers/0/env/1: duplicate entry for key name="MODE" (item 0 has it too); Kubernetes treats this list as a map, so each item needs its own key',
      '/spec/template/spec/containers/1: duplicate entry for key name="api" (item 0 has it too); Kubernetes treats this list as a map, so each item needs its own key',
    ]);
    expect(fieldErrors(service)).toEqual([
      '/spec/ports/1: duplicate entry for key port=80, protocol="TCP" (item 0 has it too); Kubernetes treats this list as a map, so each item needs its own key',
    ]);
  });

  test('checks names by kind, and label keys and values', async () => {
    const results = await validateFixture('invalid/bad-names.yaml');
    expect(results.map((r) => r.validationErrors.map((e) => `${e.rule} ${e.path}`))).toEqual([
      ['metadata-name /metadata/name'],
      ['metadata-name /metadata/name'],
      ['metadata-name /metadata/name', 'labels /metadata/labels/example.com/', 'labels /metadata/labels/tier'],
      ['metadata-name /metadata/name'],
    ]);
    expect(results[0]?.msg).toMatch(/^Kubernetes would reject it - at '\/metadata\/name': name '9-front' is not valid for a Service: it must be an RFC 1035 label/);
  });

  test('turns results into findings on the line of each field', async () => {
    const findings = (await validateFixture('invalid/duplicate-list-keys.yaml')).flatMap(resultToFindings);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule} ${f.field ?? ''}`)).toEqual([
      'invalid/duplicate-list-keys.yaml:20 schema spec.template.spec.containers[0].env[1]',
      'invalid/duplicate-list-keys.yaml:22 schema spec.template.spec.containers[1]',
      'invalid/duplicate-list-keys.yaml:33 schema spec.ports[1]',
    ]);
    expect(findings[0]).toMatchObject({ check: 'validate', level: 'failure', object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'api' } });
    const [settings] = await validateFixture('invalid/duplicate-key.yaml', { strict: true });
    expect(resultToFindings(settings!).map((f) => `${f.line} ${f.rule}`)).toEqual(['8 duplicate-key']);
  });

  test('skips and rejects kinds by kind or apiVersion/kind, like kubeconform', async () => {
    const objects = loadFixture('web-app.yaml');
    const results = await createValidator({ skipKinds: ['ConfigMap', 'apps/v1/Deployment'], rejectKinds: ['v1/Service', 'autoscaling/v1/HorizontalPodAutoscaler'] }).validate(objects);
    expect(summarize(results)).toEqual([
      'Deployment/web: skipped',
      'Service/web: error: prohibited resource kind Service',
      'ConfigMap/web-config: skipped',
      'HorizontalPodAutoscaler/web: valid',
    ]);
  });

  test('reports kinds without a schema, or skips them when asked', async () => {
    const objects = loadFixture('widgets.yaml').slice(0, 1);
    expect(summarize(await createValidator().validate(objects))).toEqual(['Widget/small: error: could not find schema for Widget']);
    expect(summarize(await createValidator({ ignoreMissingSchemas: true }).validate(objects))).toEqual(['Widget/small: skipped']);
  });

  test('uses the built-in schemas for any requested Kubernetes version', async () => {
    const objects = loadFixture('invalid/unknown-field.yaml');
    for (const kubernetesVersion of ['master', '1.27.2', 'v1.33.13']) {
      const [result] = await createValidator({ kubernetesVersion }).validate(objects);
      expect(result?.msg).toContain(`${BUILTIN}/deployment-apps-v1.json#'`);
    }
  });
});
