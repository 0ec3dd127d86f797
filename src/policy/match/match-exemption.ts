// Config exemptions: an object is exempt from a policy when every field the
// exemption names matches ("*" in a namespace or name is a wildcard).
import type { Exemption } from '../types.js';
import type { AdmissionAttributes } from './admission-attributes.js';
import { matchesLabelSelector } from './match-label-selector.js';

const patternCache = new Map<string, RegExp>();

function matchesPattern(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    patternCache.set(pattern, re);
  }
  return re.test(value);
}

const anyMatches = (patterns: readonly string[], value: string): boolean => patterns.length === 0 || patterns.some((p) => matchesPattern(p, value));

function matchesExemption(e: Exemption, policy: string, attrs: AdmissionAttributes): boolean {
  if (e.policies.length > 0 && !e.policies.includes(policy)) return false;
  if (!anyMatches(e.namespaces, attrs.namespace) || !anyMatches(e.names, attrs.name)) return false;
  if (e.kinds.length > 0 && !e.kinds.includes(attrs.kind)) return false;
  if (!e.selector) return true;
  return matchesLabelSelector(e.selector, attrs.labels ?? attrs.oldLabels ?? {});
}

export function isExempt(exemptions: readonly Exemption[], policy: string, attrs: AdmissionAttributes): boolean {
  return exemptions.some((e) => matchesExemption(e, policy, attrs));
}
