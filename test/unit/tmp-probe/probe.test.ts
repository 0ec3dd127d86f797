import { demoConfigText, demoSnapshots, runWithConfig } from '../pipeline/pipeline-harness.js';
import { renderComment } from '../../../src/report/render-comment.js';
it('prints', async () => {
  const { base, head } = demoSnapshots();
  const report = await runWithConfig(base, head, demoConfigText());
  const p = report.checks[1];
  process.stdout.write(JSON.stringify({ title: p?.title, summary: p?.summary, text: p?.text, findings: p?.findings }, null, 1) + '\n');
  process.stdout.write(renderComment(report).join('\n'));
});
