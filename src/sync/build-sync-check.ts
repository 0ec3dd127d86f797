// The check run `kubegate/sync (ENV)` on the synced commit: what was applied,
// unchanged and pruned, what failed or is unhealthy, and where the sync
// differed from the pull request's preview. Success only when the cluster is
// in the merged state (or mode none recorded it).
import type { CheckResult } from '../core/types.js';
import { objectLabel } from '../diff/object-names.js';
import { scrubText } from '../diff/secret-values.js';
import { describeSynced } from './describe-sync.js';
import type { SyncedObject, SyncResult } from './types.js';

export function syncCheckName(environment: string): string {
  return `kubegate/sync (${environment})`;
}

const MAX_UNCHANGED_ROWS = 20;
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function rows(objects: readonly SyncedObject[]): string[] {
  const unchanged = objects.filter((o) => o.action === 'unchanged');
  const shown = unchanged.length > MAX_UNCHANGED_ROWS ? objects.filter((o) => o.action !== 'unchanged') : objects;
  const lines = shown.map((o) => {
    const where = o.source ? ` (\`${o.source.file}:${o.source.line}\`)` : '';
    const note = [o.field ? `field \`${o.field}\`` : '', o.message ?? ''].filter((p) => p !== '').join(': ');
    return `| ${cell(objectLabel(o.ref))}${where} | ${o.action} | ${cell(note)} |`;
  });
  if (shown.length < objects.length) lines.push(`| ${unchanged.length} more objects | unchanged | |`);
  return lines.length > 0 ? ['| Object | Action | Note |', '| --- | --- | --- |', ...lines] : [];
}

export interface SyncCheckContext {
  sha: string;
  mismatches: readonly string[];
  /** Secret values seen in the environment's objects: scrubbed from every message. */
  secretValues?: readonly string[];
}

export function buildSyncCheck(result: SyncResult, context: SyncCheckContext): CheckResult {
  const ok = result.status === 'succeeded' || result.status === 'recorded';
  const head = [
    `Environment **${result.environment}**${result.cluster ? `, cluster \`${result.cluster}\`` : ''}, mode \`${result.mode}\`, commit \`${context.sha.slice(0, 7)}\`, ${Math.round(result.durationMs / 100) / 10} s.`,
    result.applySet ? `ApplySet \`${result.applySet.id}\` (parent ${result.applySet.parent}).` : '',
    '',
    `**${ok ? 'Result' : result.status === 'refused' ? 'Nothing was applied' : 'The sync failed'}:** ${result.reason}`,
  ];
  const sections = [
    result.unhealthy.length > 0 ? ['', '**Not healthy:**', ...result.unhealthy.map((u) => `- ${objectLabel(u.ref)}: ${u.reason}`)] : [],
    context.mismatches.length > 0 ? ['', "**Differences from the pull request's preview:**", ...context.mismatches.map((m) => `- ${m}`)] : [],
    result.details && result.details.length > 0 ? ['', ...result.details.map((d) => `- ${d}`)] : [],
    result.objects.length > 0 ? ['', ...rows(result.objects)] : [],
  ];
  const summary = scrubText([...head, ...sections.flat()].filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n'), context.secretValues ?? []);
  const what = result.objects.length > 0 ? describeSynced(result.objects) : result.reason;
  const title = ok ? (result.status === 'recorded' ? 'recorded, not synced (sync.mode: none)' : `synced: ${what}`) : `${result.status === 'refused' ? 'not synced' : 'sync failed'}: ${what}`;
  return { name: syncCheckName(result.environment), conclusion: ok ? 'success' : 'failure', title: scrubText(title, context.secretValues ?? []), summary, findings: [] };
}
