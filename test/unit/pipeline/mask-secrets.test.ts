import { loadManifests } from '../../../src/manifests/load-manifests.js';
import { collectSecretValues, maskReportSecrets, maskText, SecretMasker } from '../../../src/pipeline/mask-secrets.js';

const SECRET = `apiVersion: v1
kind: Secret
metadata: {name: s}
data:
  password: ${Buffer.from('correct-horse').toString('base64')}
  short: ${Buffer.from('ab').toString('base64')}
stringData:
  token: tok-12345
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  visible: not-a-secret
`;

describe('secret masking', () => {
  const secrets = collectSecretValues(loadManifests('s.yaml', SECRET).objects);

  it('collects Secret values, base64 and decoded, and ignores ConfigMaps', () => {
    const bare = [...secrets].filter((s) => !/^['"].*['"]$/.test(s));
    expect(bare.sort()).toEqual([Buffer.from('correct-horse').toString('base64'), 'correct-horse', 'tok-12345', Buffer.from('ab').toString('base64')].sort());
    expect(maskText('visible: not-a-secret', secrets)).toBe('visible: not-a-secret');
  });

  it('masks values as messages quote them: escaped like Go and JSON, and short ones only in quotes', () => {
    const odd = collectSecretValues(loadManifests('s.yaml', `apiVersion: v1\nkind: Secret\nmetadata: {name: o}\nstringData: {a: "it's\\n2", b: xy}\n`).objects);
    expect(maskText(`'it\\'s\\n2' is not valid; "it's\\n2"; got 'xy'`, odd)).toBe(`'***' is not valid; "***"; got '***'`);
    expect(maskText('taxying xy', odd)).toBe('taxying xy');
  });

  it('masks, as it streams, every Secret shown so far', () => {
    const masker = new SecretMasker();
    expect(masker.mask('got "correct-horse"')).toBe('got "correct-horse"');
    masker.add(loadManifests('s.yaml', SECRET).objects);
    expect(masker.mask('got "correct-horse", tok-12345')).toBe('got "***", ***');
  });

  it('masks them in every text of a report', () => {
    const report = maskReportSecrets(
      {
        baseSha: 'b',
        headSha: 'h',
        checks: [
          {
            name: 'kubegate/validate',
            conclusion: 'failure',
            title: 'correct-horse',
            summary: 'x tok-12345 y',
            text: 'correct-horse',
            findings: [{ check: 'validate', level: 'failure', file: 'f', line: 1, rule: 'r', message: 'got "correct-horse"' }],
          },
        ],
        commentSections: ['diff: tok-12345'],
      },
      secrets,
    );
    expect(JSON.stringify(report)).not.toMatch(/correct-horse|tok-12345/);
    expect(report.checks[0]?.findings[0]?.message).toBe('got "***"');
    expect(maskText('not-a-secret', secrets)).toBe('not-a-secret');
  });
});
