// Everything the app's handlers need, with real defaults; tests replace parts.
import type { ProbotOctokit } from 'probot';
import { loadRepoConfig } from '../config/load-repo-config.js';
import { createGitHubPort } from '../github/create-github-port.js';
import type { GitHubPort, RepoRef } from '../github/github-port.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { renderComment } from '../report/render-comment.js';
import { createDeliveryLog, type DeliveryLog } from './delivery-log.js';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.js';
import type { PassDeps } from './validate-pull-request.js';

export interface AppDeps extends PassDeps {
  deliveries: DeliveryLog;
  queue: KeyedQueue;
  createPort: (octokit: ProbotOctokit, repo: RepoRef) => GitHubPort;
}

export function createAppDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    runPipeline,
    loadRepoConfig,
    renderComment,
    deliveries: createDeliveryLog(),
    queue: createKeyedQueue(),
    createPort: (octokit, repo) => createGitHubPort(octokit, repo),
    ...overrides,
  };
}
