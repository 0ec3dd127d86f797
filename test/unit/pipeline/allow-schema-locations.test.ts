// Which schema locations of a repository config the app reads: "default"
// always, others only under a prefix of the app settings; the CLI reads all.
import { allowSchemaLocations, isSchemaLocationAllowed, refusedSchemaLocationFinding } from '../../../src/pipeline/allow-schema-locations.js';

const policy = { allow: ['https://schemas.example.com/k8s/', '/srv/schemas/'] };

describe('allowSchemaLocations', () => {
  test('without a policy (the CLI) every location is kept', () => {
    expect(allowSchemaLocations(['default', '/etc', 'https://evil.example/'], undefined)).toEqual({
      locations: ['default', '/etc', 'https://evil.example/'],
      refused: [],
    });
  });

  test('with no prefix allowed (the app default) only "default" is read; a refused location becomes "default"', () => {
    expect(allowSchemaLocations(['https://raw.githubusercontent.com/x/', 'default', './schemas'], { allow: [] })).toEqual({
      locations: ['default'],
      refused: ['https://raw.githubusercontent.com/x/', './schemas'],
    });
    expect(allowSchemaLocations(['/etc/'], { allow: [] })).toEqual({ locations: ['default'], refused: ['/etc/'] });
  });

  test('locations under an allowed prefix are read, in their order', () => {
    const given = ['/srv/schemas/{{ .ResourceKind }}.json', 'https://schemas.example.com/k8s/crds/', 'default'];
    expect(allowSchemaLocations(given, policy)).toEqual({ locations: given, refused: [] });
  });

  test.each([
    ['https://schemas.example.com/k8s', 'the prefix without its slash'],
    ['https://schemas.example.com.evil.example/k8s/', 'another host sharing the name'],
    ['https://schemas.example.com/k8s/../../secret/', '".." climbing out of the prefix'],
    ['https://schemas.example.com/k8s/%2E%2e/x/', 'a percent-encoded ".."'],
    ['/srv/schemas/..\\..\\etc/', 'a ".." after backslashes'],
    ['schemas/', 'a folder relative to the working directory'],
    ['file:///srv/schemas/', 'another scheme'],
  ])('refuses %s (%s)', (location) => {
    expect(isSchemaLocationAllowed(location, policy)).toBe(false);
  });

  test('a refused location is a warning on the config file, naming the field and the setting', () => {
    expect(refusedSchemaLocationFinding('/etc/')).toEqual({
      check: 'validate',
      level: 'warning',
      file: '.github/kubegate.yml',
      line: 1,
      rule: 'config',
      message:
        'validation.schemaLocations: "/etc/" is not allowed by the kubegate app settings (schemaLocations.allow), so it was not read; the built-in schemas ("default") were used instead',
    });
  });
});
