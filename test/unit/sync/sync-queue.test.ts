// One sync at a time per environment in a process: newer commits wait, and a
// newer one replaces the one waiting before it.
import { createSyncQueue } from '../../../src/sync/lease/sync-queue.js';

test('while one sync runs, waiting commits collapse to the newest; other environments run at once', async () => {
  const queue = createSyncQueue();
  const order: string[] = [];
  let release: () => void = () => undefined;
  const first = queue.submit('prod', 'a1', () => new Promise<string>((resolve) => (release = () => resolve('a1'))).then((v) => (order.push(v), v)));
  const second = queue.submit('prod', 'b2', async () => (order.push('b2'), 'b2'));
  const third = queue.submit('prod', 'c3', async () => (order.push('c3'), 'c3'));
  const other = queue.submit('staging', 'x9', async () => (order.push('x9'), 'x9'));
  await expect(other).resolves.toEqual({ status: 'ran', value: 'x9' });
  await expect(second).resolves.toEqual({ status: 'superseded', by: 'c3' });
  release();
  await expect(first).resolves.toEqual({ status: 'ran', value: 'a1' });
  await expect(third).resolves.toEqual({ status: 'ran', value: 'c3' });
  expect(order).toEqual(['x9', 'a1', 'c3']);
});
