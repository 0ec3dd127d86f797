// The records a sync pass has opened and not finished yet (check runs in
// progress, deployments without a final status), so the pass's one error
// boundary can complete every one of them as failed.
import type { CheckRunInfo, GitHubPort } from '../../github/github-port.js';

export class OpenRecords {
  private readonly runs = new Map<number, CheckRunInfo>();
  private readonly deployments = new Set<number>();

  openRun(run: CheckRunInfo): void {
    this.runs.set(run.id, run);
  }

  closeRun(run: CheckRunInfo): void {
    this.runs.delete(run.id);
  }

  openDeployment(id: number): void {
    this.deployments.add(id);
  }

  closeDeployment(id: number): void {
    this.deployments.delete(id);
  }

  isEmpty(): boolean {
    return this.runs.size === 0 && this.deployments.size === 0;
  }

  /** Completes everything still open as failed, saying why. */
  async failAll(port: GitHubPort, title: string, summary: string, description: string): Promise<void> {
    for (const run of this.runs.values()) await port.updateCheckRun(run.id, { status: 'completed', conclusion: 'failure', output: { title, summary } });
    for (const id of this.deployments) await port.createDeploymentStatus(id, { state: 'failure', description });
    this.runs.clear();
    this.deployments.clear();
  }
}
