// Everything the app's handlers need, with real defaults; tests replace parts.
// The app settings (clusters, forks, schema locations) are read once, when the
// app starts: invalid settings stop it with a message naming each setting.
import type { Logger, ProbotOctokit } from 'probot';
import { createDiffEnvironment } from '../cluster/index.js';
import { loadRepoConfig } from '../config/load-repo-config.js';
import type { DiffEnvironment } from '../diff/types.js';
import { createGitHubPort } from '../github/create-github-port.js';
import type { GitHubPort, RepoRef } from '../github/github-port.js';
import { defaultPipelineDeps } from '../pipeline/default-pipeline-deps.js';
import { runPipeline } from '../pipeline/run-pipeline.js';
import { renderComment } from '../report/render-comment.js';
import { loadAppSettings, type AppSettings } from '../settings/index.js';
import { createDeliveryLog, type DeliveryLog } from './delivery-log.js';
import { createInflightWork } from './inflight.js';
import { createKeyedQueue, type KeyedQueue } from './keyed-queue.js';
import type { SyncDeps } from './sync-default-branch.js';
import type { PassDeps } from './validate-pull-request.js';
import { createSyncExecutor, type SyncExecutor } from '../sync/create-sync-executor.js';
import { driftOnHead, driftOnSynced } from './drift/drift-on-synced.js';
import { createDriftService, type DriftService } from './drift/drift-service.js';
import { startDriftRebuild } from './drift/rebuild-drift.js';

export interface AppDeps extends PassDeps, SyncDeps {
  deliveries: DeliveryLog;
  queue: KeyedQueue;
  createPort: (octokit: ProbotOctokit, repo: RepoRef) => GitHubPort;
  /** The app's own settings (KUBEGATE_SETTINGS / KUBEGATE_SETTINGS_JSON); never from a repository. */
  settings: AppSettings;
  /** The cluster dry-run the default runPipeline uses; absent when the settings name no cluster. */
  diffEnvironment?: DiffEnvironment;
  /** On start: watch again, in the background, what the clusters' ApplySet parents say was synced (src/app/drift/rebuild-drift.ts). */
  restoreDrift?: (auth: (installationId: number) => Promise<ProbotOctokit>, log: Pick<Logger, 'info' | 'warn'>) => void;
  /** Stops every drift watch (and releases their Leases); resolves when they ended. */
  closeDrift?: () => Promise<void>;
}

/** The cluster adapter's dry-run, only when the settings name clusters (without, the comment says none is configured). */
export function defaultDiffEnvironment(settings: AppSettings): DiffEnvironment | undefined {
  return settings.clusters.size > 0 ? createDiffEnvironment(settings) : undefined;
}

export function createAppDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  const settings = overrides.settings ?? loadAppSettings();
  const diffEnvironment = 'diffEnvironment' in overrides ? overrides.diffEnvironment : defaultDiffEnvironment(settings);
  let executor: SyncExecutor | undefined;
  let drift: DriftService | undefined;
  const driftService = (): DriftService => (drift ??= createDriftService(settings));
  const onSynced = driftOnSynced(driftService);
  const onHead = driftOnHead(driftService);
  const deps: AppDeps = {
    syncExecutor: () => (executor ??= createSyncExecutor(settings)),
    onSynced,
    onHead,
    restoreDrift: (auth, log) =>
      startDriftRebuild({
        settings,
        loadRepoConfig: deps.loadRepoConfig,
        onSynced: deps.onSynced ?? onSynced,
        onHead: deps.onHead ?? onHead,
        log: { info: (m) => log.info(m), warn: (m) => log.warn(m) },
        openRepository: async (installationId, repo) => {
          const octokit = await auth(installationId);
          const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
          const branch = await octokit.rest.repos.getBranch({ owner: repo.owner, repo: repo.repo, branch: data.default_branch });
          return { port: deps.createPort(octokit, repo), defaultBranch: data.default_branch, headSha: branch.data.commit.sha };
        },
      }),
    closeDrift: async () => drift?.close(),
    runPipeline: (input) => runPipeline(input, { ...defaultPipelineDeps(), ...(diffEnvironment ? { diffEnvironment } : {}) }),
    loadRepoConfig,
    renderComment,
    deliveries: createDeliveryLog(),
    queue: createKeyedQueue(),
    inflight: createInflightWork(),
    createPort: (octokit, repo) => createGitHubPort(octokit, repo),
    pipelineSettings: { schemaLocations: { allow: settings.schemaLocations.allow } },
    ...overrides,
    settings,
    ...(diffEnvironment ? { diffEnvironment } : {}),
  };
  return deps;
}
