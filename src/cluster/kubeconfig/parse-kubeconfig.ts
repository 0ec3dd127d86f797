// One kubeconfig file, read into named entries (clusters, users, contexts)
// without interpreting them yet. Each entry remembers the file's folder,
// because relative paths in a kubeconfig (certificate-authority,
// client-certificate, client-key, tokenFile) are relative to the file that
// holds them, also when several files are merged.
import { dirname } from 'node:path';
import yaml from 'js-yaml';
import { ClusterError } from '../cluster-error.js';
import { errorText } from '../error-text.js';

export type RawMap = Record<string, unknown>;

export interface NamedEntry {
  name: string;
  /** The entry's body: the `cluster`, `user` or `context` mapping. */
  body: RawMap;
  /** The kubeconfig file that defined it, and its folder. */
  file: string;
  dir: string;
}

export interface ParsedKubeconfig {
  file: string;
  clusters: NamedEntry[];
  users: NamedEntry[];
  contexts: NamedEntry[];
  currentContext?: string;
}

const SECTIONS = [
  ['clusters', 'cluster'],
  ['users', 'user'],
  ['contexts', 'context'],
] as const;

function isMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(doc: RawMap, section: string, field: string, file: string): NamedEntry[] {
  const list = doc[section];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ClusterError(`kubeconfig ${file}: ${section} must be a list`);
  return list.map((item: unknown, i) => {
    const where = `kubeconfig ${file}: ${section}[${i}]`;
    if (!isMap(item)) throw new ClusterError(`${where} must be a mapping with name and ${field}`);
    if (typeof item.name !== 'string' || item.name === '') throw new ClusterError(`${where}.name is missing`);
    const body = item[field] ?? {};
    if (!isMap(body)) throw new ClusterError(`${where}.${field} must be a mapping`);
    return { name: item.name, body, file, dir: dirname(file) };
  });
}

/** `text`: the file's content; `file`: its path (for messages and relative paths). */
export function parseKubeconfig(text: string, file: string): ParsedKubeconfig {
  let loaded: unknown;
  try {
    loaded = yaml.load(text, { filename: file });
  } catch (cause) {
    throw new ClusterError(`kubeconfig ${file} is not valid YAML: ${errorText(cause)}`, { cause });
  }
  const doc = loaded;
  if (doc === undefined || doc === null) return { file, clusters: [], users: [], contexts: [] };
  if (!isMap(doc)) throw new ClusterError(`kubeconfig ${file}: expected a mapping (apiVersion: v1, kind: Config)`);
  const [clusters, users, contexts] = SECTIONS.map(([section, field]) => entries(doc, section, field, file)) as [NamedEntry[], NamedEntry[], NamedEntry[]];
  const current = doc['current-context'];
  return { file, clusters, users, contexts, ...(typeof current === 'string' && current !== '' ? { currentContext: current } : {}) };
}
