// One object's diff: normalize both sides, decide the action, mask Secrets,
// then diff the YAML texts (masking comes first, so no value reaches the text).
import { computeHunks, DEFAULT_CONTEXT_LINES } from './compute-hunks.js';
import { maskSecretPair } from './mask-secret-data.js';
import { invalidField, parseFieldPath } from './error-field.js';
import { jsonEqual } from './json-equal.js';
import { normalizeObject } from './normalize-object.js';
import { kubectlFileName } from './object-names.js';
import { scrubText, secretValues } from './secret-values.js';
import type { DiffAction, DryRunError, DryRunOutcome, JsonObject, ObjectDiff, RemovedOutcome, ResolvedRef } from './types.js';
import { toKubectlYaml } from './yaml/to-kubectl-yaml.js';

export interface DiffTextOptions {
  /** Lines of context around each change (GNU diff -u: 3). */
  contextLines?: number;
}

interface Sides {
  ref: ResolvedRef;
  source: { file: string; line: number };
  live: JsonObject | null;
  merged: JsonObject | null;
}

function maskedError(error: DryRunError, body: JsonObject): DryRunError {
  return { ...error, message: scrubText(error.message, secretValues(body)) };
}

function diffSides(sides: Sides, action: DiffAction, options: DiffTextOptions): ObjectDiff {
  const masked = maskSecretPair(sides.live, sides.merged);
  const liveText = masked.live === null ? '' : toKubectlYaml(masked.live);
  // Equal sides print the same text: most objects of a pull request are unchanged, so print them once.
  const sameSides = sides.live === sides.merged || action === 'unchanged';
  const mergedText = sameSides ? liveText : masked.merged === null ? '' : toKubectlYaml(masked.merged);
  const stats = action === 'removed' ? { hunks: [], added: 0, removed: 0 } : computeHunks(liveText, mergedText, options.contextLines ?? DEFAULT_CONTEXT_LINES);
  return { action, ref: sides.ref, fileName: kubectlFileName(sides.ref), source: sides.source, liveText, mergedText, ...stats };
}

/** The diff of an object at head, from its dry-run outcome. */
export function diffAppliedObject(outcome: DryRunOutcome, options: DiffTextOptions = {}): ObjectDiff {
  const { object, ref } = outcome;
  const source = { file: object.source.file, line: object.source.line };
  if (outcome.error || !outcome.merged) {
    const error = outcome.error ?? { message: 'the server returned no dry-run result' };
    const live = outcome.live === null ? null : normalizeObject(outcome.live);
    const field = invalidField(error.message);
    return {
      ...diffSides({ ref, source, live, merged: live }, 'error', options),
      error: maskedError(error, object.body),
      ...(field === undefined ? {} : { errorField: { field, line: object.lineOf(parseFieldPath(field)) } }),
    };
  }
  const live = outcome.live === null ? null : normalizeObject(outcome.live);
  const merged = normalizeObject(outcome.merged);
  const action: DiffAction = live === null ? 'create' : jsonEqual(live, merged) ? 'unchanged' : 'update';
  const diff = diffSides({ ref, source, live, merged }, action, options);
  if (action === 'update' && diff.hunks.length === 0) return { ...diff, note: 'only masked Secret values differ' };
  return diff;
}

/** An object created by this change that the server could not dry-run yet (its namespace is new too): shown as written. */
export function diffAsWritten(outcome: DryRunOutcome, note: string, options: DiffTextOptions = {}): ObjectDiff {
  const body = structuredClone(outcome.object.body);
  const metadata = (typeof body.metadata === 'object' && body.metadata !== null ? body.metadata : {}) as Record<string, unknown>;
  if (outcome.ref.namespace !== undefined) metadata.namespace = outcome.ref.namespace;
  body.metadata = metadata;
  const source = { file: outcome.object.source.file, line: outcome.object.source.line };
  return { ...diffSides({ ref: outcome.ref, source, live: null, merged: normalizeObject(body) }, 'create', options), note };
}

/** An object gone from Git: the preview changes nothing (the sync prunes it with sync.prune), shown for the record. */
export function diffRemovedObject(outcome: RemovedOutcome): ObjectDiff {
  const { object, ref } = outcome;
  const source = { file: object.source.file, line: object.source.line };
  const live = outcome.live ? normalizeObject(outcome.live) : null;
  const diff = diffSides({ ref, source, live, merged: live }, 'removed', {});
  if (outcome.error) return { ...diff, error: maskedError(outcome.error, object.body), note: 'could not read it from the cluster' };
  const note = outcome.live ? 'still in the cluster: the sync after merge deletes it only when the environment sets sync.prune' : 'not in the cluster';
  return { ...diff, note };
}
