// matchConstraints (policy) and matchResources (binding) from YAML.
import type { MatchResources, ResourceRule } from '../types.js';
import { asRecord, asStringList } from './read-fields.js';
import { readLabelSelector } from './read-label-selector.js';

const SCOPES = new Set(['*', 'Cluster', 'Namespaced']);
const OPERATIONS = new Set(['*', 'CREATE', 'UPDATE', 'DELETE', 'CONNECT']);

function readRule(raw: unknown, where: string, errors: string[]): ResourceRule | undefined {
  const r = asRecord(raw);
  if (!r) {
    errors.push(`${where} must be a mapping with apiGroups, apiVersions, resources and operations`);
    return undefined;
  }
  const lists: Record<'apiGroups' | 'apiVersions' | 'resources' | 'operations', string[]> = { apiGroups: [], apiVersions: [], resources: [], operations: [] };
  for (const key of ['apiGroups', 'apiVersions', 'resources', 'operations'] as const) {
    const list = asStringList(r[key]);
    if (!list || list.length === 0) errors.push(`${where}.${key} must be a non-empty list of strings`);
    else lists[key] = list;
  }
  const badOperation = lists.operations.find((op) => !OPERATIONS.has(op));
  if (badOperation) errors.push(`${where}.operations: unknown operation "${badOperation}" (use CREATE, UPDATE, DELETE, CONNECT or *)`);
  const scope = r.scope ?? '*';
  if (typeof scope !== 'string' || !SCOPES.has(scope)) errors.push(`${where}.scope must be *, Cluster or Namespaced`);
  const resourceNames = r.resourceNames === undefined ? [] : asStringList(r.resourceNames);
  if (!resourceNames) errors.push(`${where}.resourceNames must be a list of strings`);
  return { ...lists, scope: scope as ResourceRule['scope'], resourceNames: resourceNames ?? [] };
}

function readRules(raw: unknown, where: string, errors: string[]): ResourceRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`${where} must be a list`);
    return [];
  }
  return raw.map((r, i) => readRule(r, `${where}[${i}]`, errors)).filter((r): r is ResourceRule => r !== undefined);
}

export function readMatchResources(raw: unknown, where: string, errors: string[]): MatchResources {
  const m = asRecord(raw) ?? {};
  const out: MatchResources = {
    resourceRules: readRules(m.resourceRules, `${where}.resourceRules`, errors),
    excludeResourceRules: readRules(m.excludeResourceRules, `${where}.excludeResourceRules`, errors),
  };
  for (const key of ['namespaceSelector', 'objectSelector'] as const) {
    if (m[key] === undefined) continue;
    const selector = readLabelSelector(m[key]);
    if (typeof selector === 'string') errors.push(`${where}.${key}: ${selector}`);
    else out[key] = selector;
  }
  return out;
}
