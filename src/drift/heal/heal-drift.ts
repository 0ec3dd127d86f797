// Self-heal: re-applies each drifted object from the deployed revision with
// the sync's call (server-side apply, field manager kubegate, force, the
// ApplySet membership label), unless the object is backing off. Returns what
// was healed, what waits (and for how long) and what failed.
import type { ClusterClient, KubeObject } from '../../cluster/index.js';
import type { ManifestObject } from '../../core/types.js';
import { labelMembers } from '../../sync/apply/label-members.js';
import { memberKey } from '../member-key.js';
import type { DriftReport } from '../types.js';
import type { HealBackoff } from './heal-backoff.js';

export interface HealOptions {
  client: ClusterClient;
  report: DriftReport;
  desired: readonly ManifestObject[];
  applySetId: string;
  /** The environment's namespace (objects without one go there). */
  namespace?: string;
  backoff: HealBackoff;
  signal?: AbortSignal;
}

export interface HealResult {
  healed: string[];
  /** memberKey -> ms until the next attempt. */
  waiting: Map<string, number>;
  failed: Array<{ key: string; message: string }>;
}

function refKey(o: { apiVersion: string; kind: string; name: string; namespace?: string }): string {
  return memberKey({ apiVersion: o.apiVersion, kind: o.kind, name: o.name });
}

export async function healDrift(options: HealOptions): Promise<HealResult> {
  const result: HealResult = { healed: [], waiting: new Map(), failed: [] };
  const byName = new Map(labelMembers(options.desired, options.applySetId).map((o) => [refKey(o), o]));
  for (const drifted of options.report.drifted) {
    const key = memberKey(drifted.ref);
    const object = byName.get(refKey(drifted.ref));
    if (!object) continue;
    const wait = options.backoff.waitFor(key);
    if (wait > 0) {
      result.waiting.set(key, wait);
      continue;
    }
    const namespace = drifted.ref.namespace ?? object.namespace ?? options.namespace;
    const metadata = { ...(object.body.metadata as Record<string, unknown>), ...(namespace ? { namespace } : {}) };
    try {
      await options.client.apply({ object: { ...object.body, metadata } as KubeObject, force: true, ...(options.signal ? { signal: options.signal } : {}) });
      options.backoff.healed(key);
      result.healed.push(key);
    } catch (err: unknown) {
      result.failed.push({ key, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
