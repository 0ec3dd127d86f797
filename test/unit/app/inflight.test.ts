// Work in flight at a stop: finished work is counted, work still running at
// the end of the grace period is abandoned (its abandon step runs, bounded),
// and nothing new may start once the stop began.
import { createInflightWork, ShuttingDownError } from '../../../src/app/inflight.js';
import { shutdownGraceMs } from '../../../src/app/stop-on-signal.js';

test('work that ends within the grace period is waited for, not abandoned', async () => {
  const inflight = createInflightWork();
  const abandoned: string[] = [];
  const release = inflight.hold('pass a', async () => void abandoned.push('a'));
  setTimeout(release, 20);
  expect(await inflight.drain(5_000)).toEqual({ finished: 1, abandoned: [], unreported: [] });
  expect(abandoned).toEqual([]);
});

test('work still running when the grace period ends is abandoned; a failing or hanging abandon step is reported', async () => {
  const inflight = createInflightWork();
  const abandoned: string[] = [];
  inflight.hold('pass a', async () => void abandoned.push('a'));
  inflight.hold('pass b', async () => {
    throw new Error('GitHub answered 502');
  });
  inflight.hold('pass c', () => new Promise(() => undefined));
  const result = await inflight.drain(10, 50);
  expect(result.finished).toBe(0);
  expect(result.abandoned).toEqual(['pass a', 'pass b', 'pass c']);
  expect(result.unreported).toEqual(['pass b: GitHub answered 502', 'pass c: not done within 50 ms']);
  expect(abandoned).toEqual(['a']);
});

test('once the stop began, nothing new may start; a release after the drain is harmless', async () => {
  const inflight = createInflightWork();
  expect(inflight.closing).toBe(false);
  const release = inflight.hold('pass a', async () => undefined);
  await inflight.drain(0);
  expect(inflight.closing).toBe(true);
  expect(() => inflight.hold('pass b', async () => undefined)).toThrow(ShuttingDownError);
  expect(() => release()).not.toThrow();
});

test('the grace period comes from KUBEGATE_SHUTDOWN_GRACE_SECONDS (default 25 s); a bad value names the variable', () => {
  expect(shutdownGraceMs({})).toBe(25_000);
  expect(shutdownGraceMs({ KUBEGATE_SHUTDOWN_GRACE_SECONDS: '2.5' })).toBe(2_500);
  expect(() => shutdownGraceMs({ KUBEGATE_SHUTDOWN_GRACE_SECONDS: 'soon' })).toThrow('KUBEGATE_SHUTDOWN_GRACE_SECONDS must be a number of seconds ≥ 0, got "soon"');
});
