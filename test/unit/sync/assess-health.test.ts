// Health of live objects, as kubectl rollout status judges it.
import { assessorFor } from '../../../src/sync/health/assess-health.js';

const assess = (group: string, kind: string, object: Record<string, unknown>): unknown => assessorFor(group, kind, true)?.(object);

describe('assess health', () => {
  const deployment = (status: Record<string, unknown>, replicas = 3, generation = 2): Record<string, unknown> => ({ metadata: { generation }, spec: { replicas }, status });

  test('Deployment: generation observed, replicas updated, old ones gone, updated ones available', () => {
    expect(assess('apps', 'Deployment', deployment({}))).toEqual({ state: 'progressing', reason: 'waiting for the controller to observe generation 2 (observed: none)' });
    expect(assess('apps', 'Deployment', deployment({ observedGeneration: 2, updatedReplicas: 1, replicas: 3 }))).toEqual({ state: 'progressing', reason: '1 of 3 replicas updated' });
    expect(assess('apps', 'Deployment', deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 4 }))).toEqual({ state: 'progressing', reason: '1 old replicas pending termination' });
    expect(assess('apps', 'Deployment', deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 }))).toEqual({ state: 'progressing', reason: '2 of 3 updated replicas available' });
    expect(assess('apps', 'Deployment', deployment({ observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({ state: 'healthy' });
    expect(assess('apps', 'Deployment', deployment({ observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "web-1" has timed out progressing.' }] }))).toEqual({
      state: 'failed',
      reason: 'rollout exceeded its progress deadline: ReplicaSet "web-1" has timed out progressing.',
    });
  });

  test('StatefulSet with a partition, DaemonSet, Job, PVC, CRD', () => {
    const sts = { metadata: { generation: 1 }, spec: { replicas: 3, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }, status: { observedGeneration: 1, readyReplicas: 3, updatedReplicas: 2 } };
    expect(assess('apps', 'StatefulSet', sts)).toEqual({ state: 'healthy' });
    expect(assess('apps', 'DaemonSet', { metadata: { generation: 1 }, status: { observedGeneration: 1, desiredNumberScheduled: 2, updatedNumberScheduled: 2, numberAvailable: 1 } })).toEqual({ state: 'progressing', reason: '1 of 2 updated pods available' });
    expect(assess('batch', 'Job', { status: { conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } })).toEqual({ state: 'failed', reason: 'the Job failed: BackoffLimitExceeded Job has reached the specified backoff limit' });
    expect(assess('', 'PersistentVolumeClaim', { status: { phase: 'Bound' } })).toEqual({ state: 'healthy' });
    expect(assess('apiextensions.k8s.io', 'CustomResourceDefinition', { status: { conditions: [{ type: 'Established', status: 'True' }] } })).toEqual({ state: 'healthy' });
    expect(assess('', 'ConfigMap', {})).toBeUndefined();
    expect(assessorFor('apps', 'Deployment', false)).toBeUndefined();
  });
});
