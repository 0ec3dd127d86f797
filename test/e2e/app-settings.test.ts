// The app's own settings, read once when Probot loads the app: invalid ones
// stop the start with a message naming each setting; the cluster dry-run is
// wired only when they name clusters; schema locations follow their allow list.
import { Probot } from 'probot';
import { createAppDeps } from '../../src/app/app-deps.js';
import kubegate from '../../src/app/index.js';
import { parseAppSettings, SETTINGS_JSON_ENV } from '../../src/settings/index.js';
import { testPrivateKey } from '../harness/github/index.js';

describe('the app settings', () => {
  const saved = process.env[SETTINGS_JSON_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[SETTINGS_JSON_ENV];
    else process.env[SETTINGS_JSON_ENV] = saved;
  });

  test('invalid settings stop the app when Probot loads it, naming each setting', async () => {
    process.env[SETTINGS_JSON_ENV] = JSON.stringify({ clusters: { eu: { kubeconfg: '/k', repositories: ['acme/*'] } }, schemaLocations: { allow: ['https://x'] } });
    const probot = new Probot({ appId: 1, privateKey: testPrivateKey(), secret: 'secret', logLevel: 'fatal' });
    await expect(probot.load(kubegate)).rejects.toThrow(
      [
        'kubegate app settings (KUBEGATE_SETTINGS_JSON) are not valid:',
        '  - clusters.eu.kubeconfg: unknown field (known: kubeconfig, context, inCluster, repositories, leaseNamespace, argocd, drift)',
        '  - clusters.eu: set exactly one of kubeconfig (a file path) and inCluster: true',
        '  - schemaLocations.allow[0]: expected an absolute folder or an http(s) URL prefix ending in "/", without "..", not "https://x"',
      ].join('\n'),
    );
  });

  test('the cluster dry-run is wired only when the settings name clusters; schema locations follow the allow list', () => {
    const none = createAppDeps({ settings: parseAppSettings({}, 'test', '/') });
    expect(none.diffEnvironment).toBeUndefined();
    expect(none.pipelineSettings).toEqual({ schemaLocations: { allow: [] } });
    const some = createAppDeps({
      settings: parseAppSettings({ clusters: { eu: { kubeconfig: '/k', repositories: ['acme/*'] } }, schemaLocations: { allow: ['https://schemas.example.com/'] } }, 'test', '/'),
    });
    expect(some.diffEnvironment).toEqual(expect.any(Function));
    expect(some.pipelineSettings).toEqual({ schemaLocations: { allow: ['https://schemas.example.com/'] } });
  });
});
