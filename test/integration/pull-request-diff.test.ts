// The cluster diff on a pull request, end to end: Probot receives the
// recorded pull_request payload, GitHub is the FakeGitHub of the harness
// (every request checked against GitHub's OpenAPI description), the app
// settings come as KUBEGATE_SETTINGS_JSON would give them, and the cluster is
// the local control plane, holding the base commit's objects (applied with
// field manager kubegate, as a sync would).
import { loadManifests } from '../../src/manifests/index.js';
import { loadAppSettings } from '../../src/settings/index.js';
import { isObject, type JsonObject, type Tree } from '../harness/github/index.js';
import { BASE_SHA, HEAD_SHA, passOperations, payloads, startScenario, type Scenario } from '../e2e/support/hello-world.js';
import { clusterClient, freshNamespace, kubeconfigPath } from '../setup/cluster-env.js';

/** The first pass loads GitHub's API description; every pass talks to the control plane. */
const SLOW = 60_000;

const configFor = (namespace: string): string => `environments:
  - name: apps
    cluster: local
    namespace: ${namespace}
    paths: ["apps/**/*.yaml"]
  - name: docs
    paths: ["docs/**/*.yaml"]
`;

const deployment = (options: { replicas: number; image: string; app?: string }): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${options.replicas}
  selector:
    matchLabels:
      app: ${options.app ?? 'web'}
  template:
    metadata:
      labels:
        app: ${options.app ?? 'web'}
    spec:
      containers:
        - name: web
          image: ${options.image}
          securityContext:
            allowPrivilegeEscalation: false
          resources:
            requests: {cpu: 50m, memory: 64Mi}
            limits: {memory: 128Mi}
      securityContext:
        runAsNonRoot: true
        runAsUser: 101
`;

const configMap = (name: string, value: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  value: "${value}"\n`;

const BASE: Tree = {
  'README.md': '# gitops\n',
  'apps/web/deployment.yaml': deployment({ replicas: 2, image: 'nginxinc/nginx-unprivileged:1.27' }),
  'apps/web/settings.yaml': configMap('web-settings', 'same'),
  'apps/old/configmap.yaml': configMap('old', 'bye'),
};

const HEAD: Tree = {
  'README.md': '# gitops\n',
  'apps/web/deployment.yaml': deployment({ replicas: 3, image: 'nginxinc/nginx-unprivileged:1.28' }),
  // Changed text, same object: the cluster would not change.
  'apps/web/settings.yaml': `# settings of the web app\n${configMap('web-settings', 'same')}`,
  'apps/new/configmap.yaml': configMap('new', 'hello'),
};

const SETTINGS_JSON = (): string =>
  JSON.stringify({ clusters: { local: { kubeconfig: kubeconfigPath(), repositories: ['codertocat/*'] } }, dryRun: { timeoutSeconds: 60 } });

/** The base commit, as a sync would have applied it. */
async function applyBase(namespace: string): Promise<void> {
  const client = clusterClient({ defaultNamespace: namespace });
  for (const [file, text] of Object.entries(BASE)) {
    if (!file.startsWith('apps/')) continue;
    for (const o of loadManifests(file, String(text)).objects) {
      await client.apply({ object: { ...(o.body as { apiVersion: string; kind: string; metadata: Record<string, unknown> }), metadata: { ...(o.body.metadata as Record<string, unknown>), namespace } } });
    }
  }
}

async function start(namespace: string, head: Tree = HEAD): Promise<Scenario> {
  const settings = loadAppSettings({ env: { KUBEGATE_SETTINGS_JSON: SETTINGS_JSON() } });
  return startScenario({ config: configFor(namespace), trees: { [BASE_SHA]: BASE, [HEAD_SHA]: head }, deps: { settings } });
}

function fromFork(payload: JsonObject): JsonObject {
  const copy = structuredClone(payload);
  const pr = copy['pull_request'];
  const headRef = isObject(pr) ? pr['head'] : undefined;
  if (isObject(headRef) && isObject(headRef['repo'])) headRef['repo']['full_name'] = 'someone/Hello-World';
  return copy;
}

const annotationLines = (annotations: JsonObject[]): string[] =>
  annotations.map((a) => `${String(a['path'])}:${String(a['start_line'])} ${String(a['annotation_level'])} ${String(a['message'])}`);

describe('a pull request gets the cluster diff of each affected environment', () => {
  let scenario: Scenario | undefined;
  afterEach(() => scenario?.harness.stop());

  test('kubegate/diff (apps) is created and completed with the counts; the comment has the table and each change as a unified diff', async () => {
    const namespace = await freshNamespace('pr-diff');
    await applyBase(namespace);
    scenario = await start(namespace);
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);

    // kubegate/diff (apps) is created (in progress) and completed before kubegate/validate and kubegate/policy complete.
    expect(harness.github.operations()).toEqual(passOperations(1));
    expect(checkRuns.runs.map((r) => [r.name, r.status, r.conclusion, r.output.title])).toEqual([
      ['kubegate/validate', 'completed', 'success', '3 resources valid'],
      ['kubegate/policy', 'completed', 'success', 'No policy violations'],
      ['kubegate/diff (apps)', 'completed', 'success', '1 to create, 1 to update, 1 removed from Git, 1 unchanged'],
    ]);
    const [diff] = checkRuns.named('kubegate/diff (apps)');
    expect(diff).toMatchObject({ head_sha: HEAD_SHA, external_id: `kubegate:pr=2:base=${BASE_SHA}`, history: ['in_progress', 'completed:success'] });
    expect(diff?.output.summary).toContain(`| \`Deployment ${namespace}/web\` | update | +2 | -2 |  |`);
    expect(diff?.output.summary).toContain(`| \`ConfigMap ${namespace}/old\` | removed from Git |`);

    expect(comments.comments).toHaveLength(1);
    const body = comments.comments[0]?.body ?? '';
    expect(body).toContain('### kubegate: ✅ all checks passed');
    expect(body).toContain('| `kubegate/diff (apps)` | ✅ success | 1 to create, 1 to update, 1 removed from Git, 1 unchanged |');
    expect(body).not.toContain('#### `kubegate/diff (apps)`');
    const section = body.slice(body.indexOf('### Cluster diff: `apps` (cluster `local`)'));
    expect(section).not.toBe(body);
    // Apply order: the ConfigMaps, then the Deployment; the object removed from Git last.
    const rows = section.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toEqual([
      `| \`ConfigMap ${namespace}/new\` | create | +7 | -0 |  |`,
      `| \`ConfigMap ${namespace}/web-settings\` | unchanged |  |  |  |`,
      `| \`Deployment ${namespace}/web\` | update | +2 | -2 |  |`,
      expect.stringMatching(new RegExp(`^\\| \`ConfigMap ${namespace}/old\` \\| removed from Git \\|`)),
    ]);
    expect(section).toContain(`<summary>Deployment ${namespace}/web: update (+2 -2)</summary>\n\n\`\`\`diff\n`);
    expect(section).toContain('-  replicas: 2\n+  replicas: 3\n');
    expect(section).toContain('-      - image: nginxinc/nginx-unprivileged:1.27\n+      - image: nginxinc/nginx-unprivileged:1.28\n');
    // The server's defaults show as context, not as changes.
    expect(section).toContain('   progressDeadlineSeconds: 600\n-  replicas: 2\n');
    harness.assertDone();
  }, SLOW);

  test('a change the cluster refuses fails the check, with the server\'s message at the field\'s line', async () => {
    const namespace = await freshNamespace('pr-diff-refused');
    await applyBase(namespace);
    const head = { ...HEAD, 'apps/web/deployment.yaml': deployment({ replicas: 2, image: 'nginxinc/nginx-unprivileged:1.27', app: 'website' }) };
    scenario = await start(namespace, head);
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', payloads.opened);

    const [diff] = checkRuns.named('kubegate/diff (apps)');
    expect(diff).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: '1 to create, 1 removed from Git, 1 failed dry-run, 1 unchanged' } });
    expect(annotationLines(diff?.annotations ?? [])).toEqual([
      expect.stringMatching(new RegExp(`^apps/web/deployment\\.yaml:7 failure Deployment ${namespace}/web: the cluster refused the dry-run: .*field is immutable`)),
    ]);
    expect(comments.comments[0]?.body).toContain('### kubegate: ❌ 1 check failed');
    expect(comments.comments[0]?.body).toContain(`| \`Deployment ${namespace}/web\` | ❌ error |`);
    harness.assertDone();
  }, SLOW);

  test('a pull request from a fork gets no dry-run: a neutral check, and the comment says why', async () => {
    const namespace = await freshNamespace('pr-diff-fork');
    scenario = await start(namespace);
    const { harness, checkRuns, comments } = scenario;
    await harness.deliver('pull_request', fromFork(payloads.opened));

    const [diff] = checkRuns.named('kubegate/diff (apps)');
    expect(diff).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title: 'no cluster dry-run' } });
    expect(diff?.output.summary).toMatch(/^This pull request comes from a fork: kubegate does not send its manifests to a cluster/);
    const body = comments.comments[0]?.body ?? '';
    expect(body).toContain('#### `kubegate/diff (apps)`\n\nThis pull request comes from a fork');
    expect(body).not.toContain('### Cluster diff');
    harness.assertDone();
  }, SLOW);
});
