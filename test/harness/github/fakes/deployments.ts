// Deployments and deployment statuses of one repository, kept as state and
// served like GitHub: create (201), list (filtered by sha and environment,
// newest first), and statuses (create, list newest first). Tests read the
// state: each deployment with every status it went through.
import type { FakeGitHub } from '../fake-github.js';
import { isObject, type JsonObject } from '../openapi-description.js';

export interface FakeDeploymentStatus {
  state: string;
  description: string;
  log_url: string;
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string | null;
  payload: unknown;
  required_contexts: unknown;
  auto_merge: unknown;
  statuses: FakeDeploymentStatus[];
}

export interface DeploymentsFake {
  readonly deployments: FakeDeployment[];
  seed(deployment: Pick<FakeDeployment, 'sha' | 'environment'> & Partial<FakeDeployment>): FakeDeployment;
}

export function fakeDeployments(github: FakeGitHub, options: { owner: string; repo: string }): DeploymentsFake {
  const deployments: FakeDeployment[] = [];
  let nextId = 9_100_001;
  let nextStatusId = 9_200_001;
  const ours = { optional: true, match: (r: { params: Record<string, string> }) => r.params['owner'] === options.owner && r.params['repo'] === options.repo };
  const base = `${github.baseUrl}/repos/${options.owner}/${options.repo}`;

  const seed: DeploymentsFake['seed'] = (partial) => {
    const deployment: FakeDeployment = { id: nextId++, ref: partial.sha, description: null, payload: {}, required_contexts: [], auto_merge: false, statuses: [], ...partial };
    deployments.push(deployment);
    return deployment;
  };
  const toBody = (d: FakeDeployment): JsonObject => {
    const body = github.example('deployment');
    Object.assign(body, {
      id: d.id,
      url: `${base}/deployments/${d.id}`,
      statuses_url: `${base}/deployments/${d.id}/statuses`,
      repository_url: base,
      sha: d.sha,
      ref: d.ref,
      environment: d.environment,
      original_environment: d.environment,
      description: d.description,
      payload: isObject(d.payload) ? d.payload : {},
    });
    return body;
  };
  const statusBody = (d: FakeDeployment, s: FakeDeploymentStatus, id: number): JsonObject => {
    const body = github.example('deployment-status');
    Object.assign(body, { id, state: s.state, description: s.description, log_url: s.log_url, target_url: s.log_url, environment: d.environment, deployment_url: `${base}/deployments/${d.id}`, repository_url: base });
    return body;
  };

  github.on(
    'POST /repos/{owner}/{repo}/deployments',
    (request) => {
      const body = isObject(request.body) ? request.body : {};
      const d = seed({
        sha: String(body['ref']),
        ref: String(body['ref']),
        environment: String(body['environment'] ?? 'production'),
        description: typeof body['description'] === 'string' ? body['description'] : null,
        payload: body['payload'],
        required_contexts: body['required_contexts'],
        auto_merge: body['auto_merge'],
      });
      return { status: 201, body: toBody(d) };
    },
    ours,
  );
  github.on(
    'GET /repos/{owner}/{repo}/deployments',
    (request) => {
      const { sha, environment } = request.query;
      const found = deployments.filter((d) => (sha === undefined || d.sha === sha) && (environment === undefined || d.environment === environment));
      return { status: 200, body: [...found].reverse().map(toBody) };
    },
    ours,
  );
  github.on(
    'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    (request) => {
      const d = deployments.find((x) => x.id === Number(request.params['deployment_id']));
      if (!d) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      const body = isObject(request.body) ? request.body : {};
      const s = { state: String(body['state']), description: String(body['description'] ?? ''), log_url: String(body['log_url'] ?? '') };
      d.statuses.push(s);
      return { status: 201, body: statusBody(d, s, nextStatusId++) };
    },
    ours,
  );
  github.on(
    'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    (request) => {
      const d = deployments.find((x) => x.id === Number(request.params['deployment_id']));
      if (!d) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      return { status: 200, body: [...d.statuses].reverse().map((s, i) => statusBody(d, s, 9_300_000 + i)) };
    },
    ours,
  );
  return { deployments, seed };
}
