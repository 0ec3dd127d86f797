// metav1.LabelSelector semantics; an empty selector matches everything.
import type { LabelSelector, LabelSelectorRequirement } from '../types.js';

export type Labels = Readonly<Record<string, string>>;

function matchesRequirement(r: LabelSelectorRequirement, labels: Labels): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return has && value !== undefined && (r.values ?? []).includes(value);
    case 'NotIn':
      return !has || value === undefined || !(r.values ?? []).includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

export function matchesLabelSelector(selector: LabelSelector | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  return (selector.matchExpressions ?? []).every((r) => matchesRequirement(r, labels));
}
