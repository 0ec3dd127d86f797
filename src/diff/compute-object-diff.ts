// One object's diff: normalize both sides, decide the action, mask Secrets,
// then diff the YAML texts (masking comes first, so no value reaches the text).
import { computeHunks, DEFAULT_CONTEXT_LINES } from './compute-hunks.js';
import { whyKept } from './decide-removal.js';
import { maskSecretPair } from './mask-secret-data.js';
import { invalidField, parseFieldPath } from './error-field.js';
import { jsonEqual } from './json-equal.js';
import { normalizeObject } from './normalize-object.js';
import { kubectlFileName } from './object-names.js';
import { scrubText, secretValues } from './secret-values.js';
import type { DiffAction, DryRunError, DryRunOutcome, JsonObject, ObjectDiff, RemovalPolicy, RemovedOutcome, ResolvedRef } from './types.js';
import { toKubectlYaml } from './yaml/to-kubectl-yaml.js';

export interface DiffTextOptions {
  /** Lines of context around each change (GNU diff -u: 3). */
  contextLines?: number;
}

/** The note when the caller did not say how the environment syncs. */
const UNKNOWN_REMOVAL = "whether the sync after merge deletes it depends on the environment's sync settings (sync.prune)";
const DELETE_NOTE = "the sync after merge deletes it: a member of this environment's ApplySet, and sync.prune is on";

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

/**
 * An object gone from Git. With the environment's removal policy, a member of
 * its ApplySet that the sync prunes is a deletion; any other object is shown
 * for the record ("removed from Git"), without a diff, and the note says why.
 */
export function diffRemovedObject(outcome: RemovedOutcome, removal?: RemovalPolicy, options: DiffTextOptions = {}): ObjectDiff {
  const { object, ref } = outcome;
  const source = { file: object.source.file, line: object.source.line };
  const live = outcome.live ? normalizeObject(outcome.live) : null;
  const kept = (note: string): ObjectDiff => ({ ...diffSides({ ref, source, live, merged: live }, 'removed', options), note });
  if (outcome.error) return { ...kept('could not read it from the cluster'), error: maskedError(outcome.error, object.body) };
  if (!outcome.live) return kept('not in the cluster');
  // Membership is read from the raw object: normalizing drops the ApplySet label.
  const why = removal === undefined ? UNKNOWN_REMOVAL : whyKept(removal, outcome.live, ref);
  if (why !== undefined) return kept(`still in the cluster: ${why}`);
  // As kubectl diff --prune shows it: the whole live object on the removed side, nothing on the other.
  return { ...diffSides({ ref, source, live, merged: null }, 'delete', options), note: DELETE_NOTE };
}
