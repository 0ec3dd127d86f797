// What `kubegate sync` prints: one line per object (action, object, where it
// is written, the server's words), the unhealthy ones, and the outcome; or the
// same as JSON. Secret values the environment holds are masked everywhere.
import { objectLabel } from '../../diff/object-names.js';
import { scrubText } from '../../diff/secret-values.js';
import type { SyncedObject, SyncResult } from '../../sync/types.js';

export interface SyncOutputContext {
  sha: string;
  secretValues: readonly string[];
}

const ACTION_WIDTH = 12;

function objectLine(o: SyncedObject): string {
  const where = o.source ? ` (${o.source.file}:${o.source.line})` : '';
  const note = [o.field ? `field ${o.field}` : '', o.message ?? ''].filter((p) => p !== '').join(': ');
  return `${(o.action === 'skipped' ? 'not applied' : o.action).padEnd(ACTION_WIDTH)}${objectLabel(o.ref)}${where}${note ? `: ${note}` : ''}`;
}

function outcomeWord(result: SyncResult): string {
  if (result.status === 'succeeded') return result.dryRun ? 'passed' : 'synced';
  return result.status === 'refused' ? 'not synced' : 'sync failed';
}

export function renderSyncText(result: SyncResult, context: SyncOutputContext): string {
  const lines = [
    `kubegate sync: environment ${result.environment}, cluster ${result.cluster}, commit ${context.sha.slice(0, 7)}${result.dryRun ? ' (dry run: nothing is written)' : ''}`,
    ...result.objects.map(objectLine),
    ...result.unhealthy.map((u) => `${'not healthy'.padEnd(ACTION_WIDTH)}${objectLabel(u.ref)}: ${u.reason}`),
    ...(result.details ?? []),
    `${outcomeWord(result)}: ${result.reason} (${Math.round(result.durationMs / 100) / 10} s)`,
  ];
  return `${scrubText(lines.join('\n'), context.secretValues)}\n`;
}

/** The result with every server message scrubbed, as one JSON document. */
export function renderSyncJson(result: SyncResult, context: SyncOutputContext): string {
  const scrub = (text: string): string => scrubText(text, context.secretValues);
  const scrubbed: SyncResult & { revision: string } = {
    ...result,
    revision: context.sha,
    reason: scrub(result.reason),
    objects: result.objects.map((o) => (o.message === undefined ? o : { ...o, message: scrub(o.message) })),
    unhealthy: result.unhealthy.map((u) => ({ ...u, reason: scrub(u.reason) })),
    ...(result.details ? { details: result.details.map(scrub) } : {}),
  };
  return `${JSON.stringify(scrubbed, null, 2)}\n`;
}
