// Which of the repository config's `validation.schemaLocations` the app may
// use. Each one other than "default" makes the validator read a local file or
// fetch a URL, so the app (not the CLI, on its user's own machine) allows only
// the prefixes its own settings list. A refused location is replaced by
// "default" and named in a finding; validation goes on.
import { DEFAULT_CONFIG_FILE } from '../config/default-repo-config.js';
import type { Finding } from '../core/types.js';

export interface SchemaLocationPolicy {
  /** Folder or URL prefixes (ending in "/") a location may start with. */
  allow: readonly string[];
}

export interface AllowedSchemaLocations {
  locations: string[];
  refused: string[];
}

/** ".." as a path segment, also percent-encoded or after a backslash (URL parsers resolve all of these). */
function climbsUp(location: string): boolean {
  return location
    .replace(/\\/g, '/')
    .split(/[/?#]/)
    .some((segment) => segment.replace(/%2e/gi, '.') === '..');
}

export function isSchemaLocationAllowed(location: string, policy: SchemaLocationPolicy): boolean {
  if (location === 'default') return true;
  return !climbsUp(location) && policy.allow.some((prefix) => location.startsWith(prefix));
}

/** Without a policy (the CLI) every location is kept. */
export function allowSchemaLocations(given: readonly string[], policy: SchemaLocationPolicy | undefined): AllowedSchemaLocations {
  if (!policy) return { locations: [...given], refused: [] };
  const refused = given.filter((l) => !isSchemaLocationAllowed(l, policy));
  const locations = [...new Set(given.map((l) => (refused.includes(l) ? 'default' : l)))];
  return { locations, refused };
}

export function refusedSchemaLocationFinding(location: string): Finding {
  return {
    check: 'validate',
    level: 'warning',
    file: DEFAULT_CONFIG_FILE,
    line: 1,
    rule: 'config',
    message: `validation.schemaLocations: "${location}" is not allowed by the kubegate app settings (schemaLocations.allow), so it was not read; the built-in schemas ("default") were used instead`,
  };
}
