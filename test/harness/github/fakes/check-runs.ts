// Check runs of one repository, kept as state and served like GitHub:
// create, update (annotations are appended, at most 50 per request: the
// description's maxItems), list for a ref (check_name, app_id, status,
// filter=latest). Tests read the state: one run per head SHA and name, its
// conclusion, its annotations.
import type { FakeGitHub, GitHubRequest } from '../fake-github.js';
import { isObject, type JsonObject } from '../openapi-description.js';

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string | null;
  started_at: string | null;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: JsonObject[];
  app_id: number;
  /** Every status this run went through, in order ("in_progress", "completed:failure", ...). */
  history: string[];
}

export interface CheckRunsFake {
  readonly runs: FakeCheckRun[];
  /** A run that exists before the test (e.g. from an earlier delivery). */
  seed(run: Partial<FakeCheckRun> & Pick<FakeCheckRun, 'name' | 'head_sha'>): FakeCheckRun;
  /** Runs of a name (and head SHA), oldest first. */
  named(name: string, headSha?: string): FakeCheckRun[];
}

export function fakeCheckRuns(github: FakeGitHub, options: { owner: string; repo: string; appId: number }): CheckRunsFake {
  const runs: FakeCheckRun[] = [];
  let nextId = 7_000_001;
  const ours = (request: GitHubRequest): boolean =>
    request.params['owner'] === options.owner && request.params['repo'] === options.repo;

  const seed: CheckRunsFake['seed'] = (partial) => {
    const run: FakeCheckRun = {
      id: nextId++,
      status: 'queued',
      conclusion: null,
      external_id: null,
      started_at: null,
      completed_at: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      app_id: options.appId,
      history: [],
      ...partial,
    };
    runs.push(run);
    return run;
  };

  const toBody = (run: FakeCheckRun): JsonObject => {
    const body = github.example('check-run');
    const app = isObject(body['app']) ? body['app'] : {};
    Object.assign(body, {
      id: run.id,
      name: run.name,
      head_sha: run.head_sha,
      status: run.status,
      conclusion: run.conclusion,
      external_id: run.external_id,
      started_at: run.started_at,
      completed_at: run.completed_at,
      url: `${github.baseUrl}/repos/${options.owner}/${options.repo}/check-runs/${run.id}`,
      output: {
        ...run.output,
        annotations_count: run.annotations.length,
        annotations_url: `${github.baseUrl}/repos/${options.owner}/${options.repo}/check-runs/${run.id}/annotations`,
      },
      app: { ...app, id: run.app_id },
      pull_requests: [],
    });
    return body;
  };

  const apply = (run: FakeCheckRun, body: JsonObject): void => {
    if (typeof body['external_id'] === 'string') run.external_id = body['external_id'];
    if (typeof body['started_at'] === 'string') run.started_at = body['started_at'];
    if (typeof body['status'] === 'string') run.status = body['status'];
    if (typeof body['conclusion'] === 'string') {
      run.status = 'completed';
      run.conclusion = body['conclusion'];
      run.completed_at = typeof body['completed_at'] === 'string' ? body['completed_at'] : new Date().toISOString();
    } else if (run.status !== 'completed') {
      run.conclusion = null;
      run.completed_at = null;
    }
    const output = body['output'];
    if (isObject(output)) {
      for (const field of ['title', 'summary', 'text'] as const) {
        const value = output[field];
        if (typeof value === 'string') run.output[field] = value;
      }
      if (Array.isArray(output['annotations'])) run.annotations.push(...output['annotations'].filter(isObject));
    }
    const step = run.status === 'completed' ? `completed:${run.conclusion ?? ''}` : run.status;
    if (run.history[run.history.length - 1] !== step) run.history.push(step);
  };

  github.on(
    'POST /repos/{owner}/{repo}/check-runs',
    (request) => {
      const body = isObject(request.body) ? request.body : {};
      const run = seed({ name: String(body['name']), head_sha: String(body['head_sha']) });
      apply(run, body);
      return { status: 201, body: toBody(run) };
    },
    { optional: true, match: ours },
  );

  github.on(
    'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
    (request) => {
      const run = runs.find((r) => r.id === Number(request.params['check_run_id']));
      if (!run) return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
      apply(run, isObject(request.body) ? request.body : {});
      return { status: 200, body: toBody(run) };
    },
    { optional: true, match: ours },
  );

  github.on(
    'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    (request) => {
      const { check_name: name, app_id: appId, status, filter } = request.query;
      let found = runs.filter(
        (r) =>
          r.head_sha === request.params['ref'] &&
          (name === undefined || r.name === name) &&
          (appId === undefined || r.app_id === Number(appId)) &&
          (status === undefined || r.status === status),
      );
      if (filter !== 'all') found = found.filter((r) => !found.some((o) => o.name === r.name && o.id > r.id));
      return { status: 200, body: { total_count: found.length, check_runs: found.map(toBody) } };
    },
    { optional: true, match: ours },
  );

  return {
    runs,
    seed,
    named: (name, headSha) => runs.filter((r) => r.name === name && (headSha === undefined || r.head_sha === headSha)),
  };
}
