// The pull-request comment's sections for one environment: a heading with
// the counts, a table of the objects, then each change as a unified diff in a
// collapsible block. Nothing is cut here: the report's comment splitter spreads
// long output over several comments.
import { cellText, codeSpan } from '../report/markdown-text.js';
import { countActions, describeCounts } from './count-actions.js';
import { objectLabel } from './object-names.js';
import { renderObjectUnifiedDiff } from './render-unified-diff.js';
import type { EnvironmentDiff, ObjectDiff } from './types.js';

/** Above this many unchanged objects the table names them in one row. */
export const MAX_UNCHANGED_ROWS = 20;

const ACTION_LABEL: Record<ObjectDiff['action'], string> = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  delete: 'delete',
  removed: 'removed from Git',
  error: '❌ error',
};

/** Actions that change the cluster, with +/- line counts. */
const CHANGES: ReadonlySet<ObjectDiff['action']> = new Set(['create', 'update', 'delete']);

function detail(o: ObjectDiff): string {
  if (o.error) return o.error.message;
  return o.note ?? '';
}

function row(o: ObjectDiff): string {
  const counts = CHANGES.has(o.action) ? [`+${o.added}`, `-${o.removed}`] : ['', ''];
  return `| ${codeSpan(objectLabel(o.ref))} | ${ACTION_LABEL[o.action]} | ${counts.join(' | ')} | ${cellText(detail(o))} |`;
}

function table(objects: readonly ObjectDiff[]): string {
  const unchanged = objects.filter((o) => o.action === 'unchanged');
  const listed = unchanged.length > MAX_UNCHANGED_ROWS ? objects.filter((o) => o.action !== 'unchanged') : objects;
  const rows = listed.map(row);
  if (listed.length < objects.length) rows.push(`| ${unchanged.length} objects | unchanged |  |  | not listed one by one |`);
  return ['| Object | Action | + | - | Note |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((m) => m.length));
  return '`'.repeat(longest + 1);
}

function detailsBlock(o: ObjectDiff): string {
  const body = renderObjectUnifiedDiff(o, { liveDir: 'live', mergedDir: 'merged' }).trimEnd();
  const marker = fence(body);
  const summary = `${cellText(objectLabel(o.ref))}: ${o.action} (+${o.added} -${o.removed})`;
  return ['<details>', `<summary>${summary}</summary>`, '', `${marker}diff`, body, marker, '', '</details>'].join('\n');
}

function heading(diff: EnvironmentDiff): string {
  return `### Cluster diff: ${codeSpan(diff.environment)} (cluster ${codeSpan(diff.cluster)})`;
}

/** The summary (counts and table) alone, e.g. for a check run's summary. */
export function renderDiffSummary(diff: EnvironmentDiff): string {
  if (diff.unreachable) return `⚠️ No diff: ${cellText(diff.unreachable.message)}`;
  if (diff.objects.length === 0) return 'No objects of this environment are affected by the change.';
  return [`${describeCounts(countActions(diff))}.`, table(diff.objects)].join('\n\n');
}

/** The comment sections for one environment: heading and summary, then one section per changed object. */
export function renderDiffMarkdown(diff: EnvironmentDiff): string[] {
  const head = [heading(diff), renderDiffSummary(diff)].join('\n\n');
  if (diff.unreachable) return [head];
  return [head, ...diff.objects.filter((o) => o.hunks.length > 0).map(detailsBlock)];
}
