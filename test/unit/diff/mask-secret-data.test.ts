// Secrets are masked with kubectl's rule before any text is made, including
// inside kubectl's last-applied-configuration annotation (which kubectl diff
// itself prints in clear).
import { maskSecretPair, SECRET_MASK } from '../../../src/diff/index.js';

const b64 = (s: string): string => Buffer.from(s).toString('base64');

function secret(data: Record<string, string>, annotations?: Record<string, string>): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n', ...(annotations ? { annotations } : {}) }, data, type: 'Opaque' };
}

describe('maskSecretPair', () => {
  test('same values become ***, changed ones *** (before)/(after), added and removed ***', () => {
    const live = secret({ same: b64('aaaa'), changed: b64('old-value'), removed: b64('gone-value') });
    const merged = secret({ same: b64('aaaa'), changed: b64('new-value'), added: b64('fresh-value') });
    const masked = maskSecretPair(live, merged);
    expect(masked.live?.data).toEqual({ same: SECRET_MASK, changed: '*** (before)', removed: SECRET_MASK });
    expect(masked.merged?.data).toEqual({ same: SECRET_MASK, changed: '*** (after)', added: SECRET_MASK });
    expect(live.data).toEqual({ same: b64('aaaa'), changed: b64('old-value'), removed: b64('gone-value') });
  });

  test('one side missing (a creation): every value ***, stringData too', () => {
    const merged = { ...secret({ a: b64('value-a') }), stringData: { b: 'plain-b' } };
    expect(maskSecretPair(null, merged).merged).toMatchObject({ data: { a: SECRET_MASK }, stringData: { b: SECRET_MASK } });
  });

  test('a serialized Secret in an annotation is masked with the same rule, other annotations scrubbed', () => {
    const lastApplied = (password: string): string =>
      `${JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password, user: 'admin-user' } })}\n`;
    const live = secret({ password: b64('hunter22') }, { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied('hunter22'), note: 'rotated from hunter22' });
    const merged = secret({ password: b64('hunter33') }, { 'kubectl.kubernetes.io/last-applied-configuration': lastApplied('hunter22'), note: 'rotated from hunter22' });
    const masked = maskSecretPair(live, merged);
    const text = JSON.stringify(masked);
    for (const plain of ['hunter22', 'hunter33', 'admin-user', b64('hunter22'), b64('hunter33')]) expect(text).not.toContain(plain);
    const annotations = (masked.live?.metadata as { annotations: Record<string, string> }).annotations;
    expect(annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      `${JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { password: SECRET_MASK, user: SECRET_MASK } })}\n`,
    );
    expect(annotations.note).toBe('rotated from ***');
  });

  test('other kinds are left alone', () => {
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: 'value-a' } };
    expect(maskSecretPair(cm, cm)).toEqual({ live: cm, merged: cm });
  });
});
