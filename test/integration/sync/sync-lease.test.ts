// One sync at a time per environment: the Lease in the target cluster makes a
// second sync wait until the first released it, and a holder that is gone
// (expired Lease) does not block anyone.
import { withEnvironmentLease } from '../../../src/sync/lease/environment-lease.js';
import { microTime } from '../../../src/sync/lease/micro-time.js';
import { clusterClient, freshNamespace } from '../../setup/cluster-env.js';
import { configMap, syncText } from './sync-helpers.js';

describe('the sync Lease', () => {
  test('two concurrent syncs of one environment run one after the other', async () => {
    const ns = await freshNamespace('sync-lease');
    const events: string[] = [];
    const run = (holder: string, data: string): Promise<void> =>
      withEnvironmentLease({ client: clusterClient(), namespace: ns, environment: 'staging', holder, pollMs: 50 }, async (signal) => {
        events.push(`${holder} start`);
        const result = await syncText(configMap(ns, 'shared', data), { namespace: ns, signal });
        events.push(`${holder} ${result.status}`);
        await new Promise((r) => setTimeout(r, 200));
        events.push(`${holder} end`);
      });
    await Promise.all([run('replica-a', 'a'), run('replica-b', 'b')]);
    const [first] = events[0]?.split(' ') ?? [];
    const second = first === 'replica-a' ? 'replica-b' : 'replica-a';
    expect(events).toEqual([`${first} start`, `${first} succeeded`, `${first} end`, `${second} start`, `${second} succeeded`, `${second} end`]);
    const lease = await clusterClient().get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', name: 'kubegate-sync-staging', namespace: ns });
    expect(lease.spec).toMatchObject({ holderIdentity: '', leaseTransitions: 1 }); // created by the first, taken by the second
  });

  test('an expired Lease of a crashed holder is taken over; a live one makes the wait time out', async () => {
    const ns = await freshNamespace('sync-lease-expired');
    const client = clusterClient();
    const old = microTime(Date.now() - 120_000);
    await client.create({ object: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kubegate-sync-prod', namespace: ns }, spec: { holderIdentity: 'crashed', leaseDurationSeconds: 30, renewTime: old, acquireTime: old } } });
    await expect(withEnvironmentLease({ client, namespace: ns, environment: 'prod', holder: 'me' }, async () => 'ran')).resolves.toBe('ran');

    const now = microTime(Date.now());
    await client.create({ object: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'kubegate-sync-busy', namespace: ns }, spec: { holderIdentity: 'alive', leaseDurationSeconds: 60, renewTime: now, acquireTime: now } } });
    await expect(withEnvironmentLease({ client, namespace: ns, environment: 'busy', holder: 'me', waitMs: 300, pollMs: 100 }, async () => 'ran')).rejects.toThrow(/another sync of environment busy \(alive\) held Lease/);
  });
});
