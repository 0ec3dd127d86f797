import type { Finding, Report } from '../../../src/core/types.js';
import { COMMENT_MAX_CHARS, renderComment } from '../../../src/report/render-comment.js';
import { parseStickyMarker } from '../../../src/report/sticky-marker.js';

function finding(file: string, line: number, message: string): Finding {
  return { check: 'validate', level: 'failure', file, line, rule: 'schema', message };
}

function report(findings: Finding[], commentSections: string[] = []): Report {
  return {
    baseSha: 'a'.repeat(40),
    headSha: 'b'.repeat(40),
    checks: [
      {
        name: 'kubegate/validate',
        conclusion: findings.length > 0 ? 'failure' : 'success',
        title: findings.length > 0 ? `${findings.length} invalid of 3 resources` : '3 resources valid',
        summary: '| valid | invalid |\n| ---: | ---: |\n| 2 | 1 |',
        findings,
      },
    ],
    commentSections,
  };
}

describe('renderComment', () => {
  it('renders one part: marker, title, commit, checks table, findings by file with lines', () => {
    const parts = renderComment(
      report([finding('apps/web.yaml', 8, 'Deployment web: spec.replicas: expected integer'), finding('apps/a.yaml', 3, 'bad <b>html</b>')]),
    );
    expect(parts).toHaveLength(1);
    const [body = ''] = parts;
    expect(body.split('\n')[0]).toBe('<!-- kubegate:sticky part=1/1 -->');
    expect(body).toContain('### kubegate: ❌ 1 check failed');
    expect(body).toContain(`Reflects commit ${'b'.repeat(40)} (base ${'a'.repeat(40)}).`);
    expect(body).toContain('| `kubegate/validate` | ❌ failure | 2 invalid of 3 resources |');
    expect(body).toContain('**`apps/web.yaml`**\n\n- ❌ `apps/web.yaml:8` Deployment web: spec.replicas: expected integer');
    expect(body).toContain('bad &lt;b&gt;html&lt;/b&gt;');
    expect(body.indexOf('apps/a.yaml')).toBeLessThan(body.indexOf('apps/web.yaml:8'));
  });

  it('says all checks passed when none failed', () => {
    expect(renderComment(report([]))[0]).toContain('### kubegate: ✅ all checks passed');
  });

  it('folds long lists into <details> per file', () => {
    const many = Array.from({ length: 20 }, (_, i) => finding(`f${i % 2}.yaml`, i + 1, `problem ${i}`));
    const body = renderComment(report(many))[0] ?? '';
    expect(body).toContain('<details><summary>`f0.yaml`: 10 findings</summary>');
    expect(body).toContain('<details><summary>`f1.yaml`: 10 findings</summary>');
  });

  it('splits a huge comment into numbered parts within the limit, keeping every listed finding', () => {
    const many = Array.from({ length: 300 }, (_, i) => finding(`dir/file-${i % 7}.yaml`, i + 1, `problem number ${i} ${'z'.repeat(400)}`));
    const parts = renderComment(report(many, ['#### later section\n\nsome diff']));
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS);
      expect(parseStickyMarker(p)).toEqual({ part: i + 1, parts: parts.length });
      expect((p.match(/<details>/g) ?? []).length).toBe((p.match(/<\/details>/g) ?? []).length);
      if (i < parts.length - 1) expect(p).toContain(`_Continued in the next comment (part ${i + 2} of ${parts.length})._`);
    });
    const all = parts.join('\n');
    for (let i = 0; i < 300; i++) expect(all).toContain(`problem number ${i} `);
    expect(parts[parts.length - 1]).toContain('#### later section');
  });

  it('counts findings past the listing limit instead of dropping them silently', () => {
    const many = Array.from({ length: 350 }, (_, i) => finding('a.yaml', i + 1, `p${i}`));
    const all = renderComment(report(many)).join('\n');
    expect(all).toContain('_…and 50 more findings, not listed here');
  });
});
