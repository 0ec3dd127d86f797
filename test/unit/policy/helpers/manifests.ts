// Test inputs: manifests from YAML text or fixture files, through the real loader.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ManifestObject } from '../../../../src/core/types.js';
import { loadManifests } from '../../../../src/manifests/index.js';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../../fixtures/policies/', import.meta.url));
export const POLICY_DIR = fileURLToPath(new URL('../../../../policies/', import.meta.url));

export function manifests(yaml: string, file = 'app.yaml'): ManifestObject[] {
  const loaded = loadManifests(file, yaml);
  if (loaded.errors.length > 0) throw new Error(`test manifest does not load: ${loaded.errors.map((e) => e.message).join('; ')}`);
  return loaded.objects;
}

export function fixture(policy: string, kind: 'violating' | 'passing'): ManifestObject[] {
  const file = `fixtures/policies/${policy}/${kind}.yaml`;
  return manifests(readFileSync(`${FIXTURE_DIR}${policy}/${kind}.yaml`, 'utf8'), file);
}

export function packPolicyNames(): string[] {
  return readdirSync(POLICY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}
