// The JSON schemas of the built-in kinds shipped in the package
// (src/schemas/kubernetes/v<x.y.z>[-strict]/, generated from a real
// kube-apiserver by scripts/generate-schemas.mjs). A requested Kubernetes
// version uses its own folder when the package has it, else the newest one.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from './find-package-root.js';

export interface BuiltinSchemas {
  /** The version used, e.g. "v1.33.13". */
  version: string;
  /** Folder of the non-strict schemas; the strict ones are in `${folder}-strict`. */
  folder: string;
  /** Location template for the kubeconform file naming (absolute path). */
  template: string;
}

function compareVersions(a: string, b: string): number {
  const pa = a.slice(1).split('.').map(Number);
  const pb = b.slice(1).split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function builtinVersions(schemasRoot: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(schemasRoot);
  } catch {
    return [];
  }
  return entries.filter((name) => /^v\d+\.\d+\.\d+$/.test(name)).sort(compareVersions);
}

/** Picks the built-in schema folder for `kubernetesVersion` ("master", "1.30.2", "v1.33.13"). */
export function findBuiltinSchemas(kubernetesVersion = 'master', packageRoot?: string): BuiltinSchemas {
  const schemasRoot = join(packageRoot ?? findPackageRoot(), 'src', 'schemas', 'kubernetes');
  const versions = builtinVersions(schemasRoot);
  const wanted = `v${kubernetesVersion.replace(/^v/, '')}`;
  const version = versions.includes(wanted) ? wanted : versions[versions.length - 1];
  if (version === undefined) {
    throw new Error(`no built-in schemas in ${schemasRoot}; run npm run schemas:generate, or pass --schema-location`);
  }
  const folder = join(schemasRoot, version);
  return { version, folder, template: `${folder}{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json` };
}
