// The GitHub test harness: Probot in-process (startApp), or the built app as
// `npm start` runs it (startAppProcess); GitHub's REST API faked (with nock,
// or on a loopback port) and checked against GitHub's OpenAPI description.
export { signPayload, startApp, TEST_WEBHOOK_SECRET, testPrivateKey, type AppHarness, type StartAppOptions } from './start-app.js';
export { startAppProcess, type AppProcess, type AppProcessOptions, type DeliverOptions, type DeliveryAnswer } from './start-app-process.js';
export { appStartCommand, assertBuilt, staleBuildNote, type StartCommand } from './app-start-command.js';
export { FakeGitHub, type FakeGitHubOptions, type GitHubReply, type GitHubRequest, type RouteOptions } from './fake-github.js';
export { buildTarball, readTree, type Tree, type TreeEntry } from './build-tarball.js';
export { loadPayload, webhookExamples } from './payloads.js';
export { isObject, type JsonObject } from './openapi-description.js';
export { fakeCheckRuns, type CheckRunsFake, type FakeCheckRun } from './fakes/check-runs.js';
export { fakeIssueComments, type FakeComment, type IssueCommentsFake } from './fakes/issue-comments.js';
export { fakeRepositoryContents } from './fakes/repository-contents.js';
export { fakeTarballs } from './fakes/tarballs.js';
export { fakeGitData, gitBlobSha, type GitDataOptions } from './fakes/git-data.js';
export { fakePullRequests, type FakePullRequest } from './fakes/pull-requests.js';
export { fakeDeployments, type DeploymentsFake, type FakeDeployment } from './fakes/deployments.js';
export { fakeCommitPulls, type CommitPullsOptions, type FakeMergedPull, type FakeReview } from './fakes/commit-pulls.js';
export { fakeGitWrites, type GitWritesFake } from './fakes/git-writes.js';
