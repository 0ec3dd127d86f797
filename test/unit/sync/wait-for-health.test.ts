import type { ClusterClient } from '../../../src/cluster/index.js';
import { assessorFor } from '../../../src/sync/health/assess-health.js';
import { waitForHealth } from '../../../src/sync/health/wait-for-health.js';

const pendingClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'apps' },
  status: { phase: 'Pending' },
};

/** A client whose reads answer in turn from `answers` (an Error is thrown). */
function clientAnswering(answers: Array<object | Error>): ClusterClient {
  let i = 0;
  const find = async (): Promise<object | null> => {
    const answer = answers[Math.min(i, answers.length - 1)];
    i += 1;
    if (answer instanceof Error) throw answer;
    return answer ?? null;
  };
  return { find } as unknown as ClusterClient;
}

describe('waitForHealth', () => {
  const assess = assessorFor('', 'PersistentVolumeClaim', true);
  const target = { ref: { group: '', version: 'v1', kind: 'PersistentVolumeClaim', name: 'data', namespace: 'apps' }, assess: assess! };

  it('keeps the last reason read from the object when the final read is cut short', async () => {
    let clock = 0;
    const unhealthy = await waitForHealth([target], {
      client: clientAnswering([pendingClaim, new Error('cancelled')]),
      deadline: 1_000,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      pollMs: 600,
    });
    expect(unhealthy.map((u) => u.reason)).toEqual(['not healthy in time: the claim is Pending, not Bound']);
  });

  it('says the object could not be read when no read ever succeeded', async () => {
    let clock = 0;
    const unhealthy = await waitForHealth([target], {
      client: clientAnswering([new Error('connection refused')]),
      deadline: 500,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
      pollMs: 600,
    });
    expect(unhealthy.map((u) => u.reason)).toEqual(['not healthy in time: could not be read: connection refused']);
  });
});
