// kubeconform's --schema-location: local templates, http(s) with a disk
// cache (a fake fetch: tests never use the network), fallbacks and errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createValidator, ValidatorConfigError } from '../../../src/validate/create-validator.js';
import { cacheFileName, type FetchLike } from '../../../src/validate/fetch-schema-text.js';
import { FIXTURES, loadFixture, summarize } from './helpers.js';

const LOCAL = `${FIXTURES}schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json`;

function fakeFetch(files: Record<string, string>, calls: string[] = []): FetchLike {
  return (url: string) => {
    calls.push(url);
    const body = files[url];
    return Promise.resolve({ status: body === undefined ? 404 : 200, text: () => Promise.resolve(body ?? 'not found') });
  };
}

describe('schema locations', () => {
  test('a local template, whose schemas refer to a sibling _definitions.json (draft-04 bounds included)', async () => {
    const results = await createValidator({ schemaLocations: [LOCAL] }).validate(loadFixture('widgets.yaml').slice(0, 2));
    expect(summarize(results)).toEqual([
      'Widget/small: valid',
      `Widget/wrong: invalid: problem validating schema. Check JSON formatting: jsonschema validation failed with '${FIXTURES}schemas/widget-example-v1.json#' - at '/spec/size': exclusiveMaximum: got 100, want 100 - at '/spec/colour': value must be one of 'red', 'green', 'blue'`,
    ]);
  });

  test('a schema file that is not JSON is an error that names the file', async () => {
    const [gadget] = await createValidator({ schemaLocations: [LOCAL] }).validate(loadFixture('widgets.yaml').slice(2));
    expect(gadget?.status).toBe('error');
    expect(gadget?.msg).toMatch(new RegExp(`^schema ${FIXTURES}schemas/gadget-example-v1.json is not valid JSON: `));
  });

  test('locations are tried in order; a missing file moves on to the next', async () => {
    const objects = loadFixture('widgets.yaml').slice(0, 1).concat(loadFixture('list.yaml'));
    const results = await createValidator({ schemaLocations: [`${FIXTURES}nowhere/{{ .ResourceKind }}.json`, LOCAL, 'default'] }).validate(objects);
    expect(summarize(results)).toEqual(['Widget/small: valid', 'Namespace/team-b: valid', 'ServiceAccount/deployer: valid']);
  });

  test('relative locations are read from the given working folder', async () => {
    const validator = createValidator({ schemaLocations: ['schemas/{{ .ResourceKind }}{{ .KindSuffix }}.json'] }, { cwd: FIXTURES });
    expect(summarize(await validator.validate(loadFixture('widgets.yaml').slice(0, 1)))).toEqual(['Widget/small: valid']);
  });

  test('a plain folder means kubeconform layout under it', async () => {
    const calls: string[] = [];
    const validator = createValidator(
      { schemaLocations: ['https://schemas.example.com/k8s'], kubernetesVersion: '1.30.2', strict: true },
      { fetch: fakeFetch({}, calls) },
    );
    expect(summarize(await validator.validate(loadFixture('list.yaml').slice(0, 1)))).toEqual(['Namespace/team-b: error: could not find schema for Namespace']);
    expect(calls).toEqual(['https://schemas.example.com/k8s/v1.30.2-standalone-strict/namespace-v1.json']);
  });

  test('http locations load their $refs over http too, and fill a kubeconform-style cache', async () => {
    const base = 'https://schemas.example.com/master';
    const files = {
      [`${base}/widget-example-v1.json`]: readFileSync(`${FIXTURES}schemas/widget-example-v1.json`, 'utf8'),
      [`${base}/_definitions.json`]: readFileSync(`${FIXTURES}schemas/_definitions.json`, 'utf8'),
    };
    const cacheDir = mkdtempSync(join(tmpdir(), 'kubegate-cache-'));
    try {
      const calls: string[] = [];
      const location = `${base}/{{ .ResourceKind }}{{ .KindSuffix }}.json`;
      const first = createValidator({ schemaLocations: [location] }, { fetch: fakeFetch(files, calls), cacheDir });
      expect(summarize(await first.validate(loadFixture('widgets.yaml').slice(0, 1)))).toEqual(['Widget/small: valid']);
      expect(calls).toEqual([`${base}/widget-example-v1.json`, `${base}/_definitions.json`]);
      expect(readdirSync(cacheDir).sort()).toEqual(Object.keys(files).map(cacheFileName).sort());
      const offline = createValidator({ schemaLocations: [location] }, { fetch: () => Promise.reject(new Error('offline')), cacheDir });
      expect(summarize(await offline.validate(loadFixture('widgets.yaml').slice(0, 1)))).toEqual(['Widget/small: valid']);
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  test('a download that fails is an error, not a missing schema', async () => {
    const validator = createValidator({ schemaLocations: ['https://schemas.example.com/{{ .ResourceKind }}.json'] }, { fetch: () => Promise.reject(new Error('getaddrinfo ENOTFOUND schemas.example.com')) });
    expect(summarize(await validator.validate(loadFixture('list.yaml').slice(0, 1)))).toEqual([
      'Namespace/team-b: error: failed downloading schema at https://schemas.example.com/namespace.json: getaddrinfo ENOTFOUND schemas.example.com',
    ]);
  });

  test('refuses templates kubeconform refuses, and a cache folder that does not exist', () => {
    expect(() => createValidator({ schemaLocations: ['foo {{ .Foo }}'] })).toThrow(ValidatorConfigError);
    expect(() => createValidator({ schemaLocations: ['foo {{ .Foo }}'] })).toThrow(/^failed initialising schema location registry: template: tpl:1:7: executing "tpl" at <.Foo>: can't evaluate field Foo/);
    expect(() => createValidator({}, { cacheDir: 'no-such-cache' })).toThrow('failed opening cache folder no-such-cache: stat no-such-cache: no such file or directory');
  });
});
