// Everything the app's handlers need, with real defaults; tests replace parts.
import type { ProbotOctokit } from 'probot';
import { createGitHubPort } from '../github/create-github-port.js';
import type { GitHubPort, RepoRef } from '../github/github-port.js';
import { createDeliveryLog, type DeliveryLog } from './delivery-log.js';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.js';
import type { PassDeps } from './validate-pull-request.js';

export interface AppDeps extends PassDeps {
  deliveries: DeliveryLog;
  queue: KeyedQueue;
  createPort: (octokit: ProbotOctokit, repo: RepoRef) => GitHubPort;
}

export function createAppDeps(pass: PassDeps, overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    deliveries: createDeliveryLog(),
    queue: createKeyedQueue(),
    createPort: (octokit, repo) => createGitHubPort(octokit, repo),
    ...pass,
    ...overrides,
  };
}
