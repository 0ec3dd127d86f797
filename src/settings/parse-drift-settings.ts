// The `drift` mapping of the app settings: which environments the app
// watches for drift, as "owner/name:ENVIRONMENT" globs. Absent: every
// environment whose repo config opts in (the default is unchanged).
import type { DriftSettings } from './types.js';

/** A repository glob (as in clusters.*.repositories), ":", an environment glob. */
const ENVIRONMENT_GLOB = /^[^/\s:]+\/[^/\s:]+:[^\s:]+$/;

export function parseDriftSettings(value: unknown, problems: string[]): DriftSettings | undefined {
  if (value === undefined) return undefined;
  const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!fields || !Array.isArray(fields['environments'])) {
    problems.push('drift: expected a mapping with environments, a list of "owner/name:ENVIRONMENT" globs (e.g. environments: ["acme/gitops:production", "acme/*:staging"])');
    return undefined;
  }
  for (const key of Object.keys(fields)) if (key !== 'environments') problems.push(`drift.${key}: unknown field (known: environments)`);
  const environments = fields['environments'].filter((glob: unknown, i): glob is string => {
    const ok = typeof glob === 'string' && ENVIRONMENT_GLOB.test(glob);
    if (!ok) problems.push(`drift.environments[${i}]: expected "owner/name:ENVIRONMENT" with globs allowed (e.g. "acme/*:production"), not ${JSON.stringify(glob)}`);
    return ok;
  });
  return { environments };
}
