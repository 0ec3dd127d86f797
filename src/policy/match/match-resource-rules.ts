// RuleWithOperations matching as the apiserver does it (requests kubegate
// makes up are never for subresources).
import type { ResourceRule } from '../types.js';
import type { AdmissionAttributes } from './admission-attributes.js';

const listHas = (list: readonly string[], value: string): boolean => list.includes('*') || list.includes(value);

function matchesResource(patterns: readonly string[], resource: string): boolean {
  return patterns.some((pattern) => {
    const [main = '', sub = ''] = pattern.split('/', 2);
    return (main === '*' || main === resource) && (sub === '*' || sub === '');
  });
}

function matchesScope(rule: ResourceRule, attrs: AdmissionAttributes): boolean {
  if (rule.scope === 'Cluster') return !attrs.namespaced;
  if (rule.scope === 'Namespaced') return attrs.namespaced;
  return true;
}

export function matchesRule(rule: ResourceRule, attrs: AdmissionAttributes): boolean {
  return (
    listHas(rule.operations, attrs.operation) &&
    listHas(rule.apiGroups, attrs.group) &&
    listHas(rule.apiVersions, attrs.version) &&
    matchesResource(rule.resources, attrs.resource) &&
    matchesScope(rule, attrs) &&
    (rule.resourceNames.length === 0 || rule.resourceNames.includes(attrs.name))
  );
}
