// The local files and directories a kustomization refers to, field by field.
// Inline patches and generator literals are not references and are ignored.

export type RefRole = 'resource' | 'component' | 'patch' | 'generator' | 'crd' | 'config';

export interface KustomizationRef {
  /** The field it came from, e.g. "resources", "patches[].path". */
  field: string;
  ref: string;
  role: RefRole;
}

type Doc = Record<string, unknown>;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function objects(value: unknown): Doc[] {
  return Array.isArray(value) ? value.filter((v): v is Doc => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

/** A strategic-merge entry is a path unless it is an inline patch (YAML text). */
function isPathLike(s: string): boolean {
  return !s.includes('\n') && !/^\s*[{[]/.test(s) && !/:\s/.test(s);
}

/** "key=path" or "path" (configMapGenerator/secretGenerator files). */
function generatorFile(entry: string): string {
  const eq = entry.indexOf('=');
  return eq >= 0 ? entry.slice(eq + 1) : entry;
}

function generatorRefs(doc: Doc, field: string): KustomizationRef[] {
  const out: KustomizationRef[] = [];
  for (const g of objects(doc[field])) {
    for (const f of strings(g.files)) out.push({ field: `${field}[].files`, ref: generatorFile(f), role: 'generator' });
    for (const e of strings(g.envs)) out.push({ field: `${field}[].envs`, ref: e, role: 'generator' });
    if (typeof g.env === 'string') out.push({ field: `${field}[].env`, ref: g.env, role: 'generator' });
  }
  return out;
}

export function listKustomizationRefs(doc: Doc): KustomizationRef[] {
  const simple = (field: string, role: RefRole): KustomizationRef[] => strings(doc[field]).map((ref) => ({ field, ref, role }));
  const withPath = (field: string, role: RefRole): KustomizationRef[] =>
    objects(doc[field])
      .filter((o) => typeof o.path === 'string')
      .map((o) => ({ field: `${field}[].path`, ref: o.path as string, role }));
  return [
    ...simple('resources', 'resource'),
    ...simple('bases', 'resource'),
    ...simple('components', 'component'),
    ...simple('crds', 'crd'),
    ...strings(doc.patchesStrategicMerge)
      .filter(isPathLike)
      .map((ref) => ({ field: 'patchesStrategicMerge', ref, role: 'patch' as const })),
    ...withPath('patchesJson6902', 'patch'),
    ...withPath('patches', 'patch'),
    ...withPath('replacements', 'config'),
    ...generatorRefs(doc, 'configMapGenerator'),
    ...generatorRefs(doc, 'secretGenerator'),
    ...simple('configurations', 'config'),
    ...(typeof (doc.openapi as Doc | undefined)?.path === 'string'
      ? [{ field: 'openapi.path', ref: (doc.openapi as Doc).path as string, role: 'config' as const }]
      : []),
    ...['generators', 'transformers', 'validators'].flatMap((f) =>
      strings(doc[f])
        .filter(isPathLike)
        .map((ref) => ({ field: f, ref, role: 'config' as const })),
    ),
  ];
}

/** A reference Kustomize would fetch over the network (git or HTTP) instead of reading from the repository. */
export function isRemoteRef(ref: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(ref) ||
    /^[\w.-]+@[\w.-]+:/.test(ref) ||
    /^(github\.com|gitlab\.com|bitbucket\.org)[/:]/i.test(ref) ||
    /^[\w-]+(\.[\w-]+)+\/[^/]+\/[^/]+/.test(ref) && /(\?|\/\/|\.git\b)/.test(ref)
  );
}
