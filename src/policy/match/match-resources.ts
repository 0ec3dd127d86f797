// Does a policy (matchConstraints) and its binding (matchResources) apply to a request?
import type { MatchResources } from '../types.js';
import type { AdmissionAttributes } from './admission-attributes.js';
import { matchesLabelSelector } from './match-label-selector.js';
import { matchesRule } from './match-resource-rules.js';

function matchesNamespaceSelector(match: MatchResources, attrs: AdmissionAttributes): boolean {
  if (!attrs.namespaced && attrs.resource !== 'namespaces') return true;
  return matchesLabelSelector(match.namespaceSelector, attrs.namespaceLabels);
}

function matchesObjectSelector(match: MatchResources, attrs: AdmissionAttributes): boolean {
  if (!match.objectSelector) return true;
  const matchesNew = attrs.labels !== undefined && matchesLabelSelector(match.objectSelector, attrs.labels);
  const matchesOld = attrs.oldLabels !== undefined && matchesLabelSelector(match.objectSelector, attrs.oldLabels);
  return matchesNew || matchesOld;
}

export function matchesResources(match: MatchResources, attrs: AdmissionAttributes): boolean {
  if (!matchesNamespaceSelector(match, attrs) || !matchesObjectSelector(match, attrs)) return false;
  if (match.excludeResourceRules.some((rule) => matchesRule(rule, attrs))) return false;
  return match.resourceRules.length === 0 || match.resourceRules.some((rule) => matchesRule(rule, attrs));
}
