// A metav1.LabelSelector from YAML, or a sentence saying what is wrong with it.
import type { LabelSelector, LabelSelectorRequirement } from '../types.js';
import { asRecord, asStringList } from './read-fields.js';

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

function readRequirement(raw: unknown, index: number): LabelSelectorRequirement | string {
  const r = asRecord(raw);
  const where = `matchExpressions[${index}]`;
  if (!r || typeof r.key !== 'string') return `${where} needs a key`;
  if (typeof r.operator !== 'string' || !OPERATORS.has(r.operator)) return `${where}.operator must be In, NotIn, Exists or DoesNotExist`;
  const values = r.values === undefined ? [] : asStringList(r.values);
  if (!values) return `${where}.values must be a list of strings`;
  const needsValues = r.operator === 'In' || r.operator === 'NotIn';
  if (needsValues !== values.length > 0) return `${where}: ${r.operator} ${needsValues ? 'needs' : 'takes no'} values`;
  return { key: r.key, operator: r.operator as LabelSelectorRequirement['operator'], values };
}

export function readLabelSelector(raw: unknown): LabelSelector | string {
  const s = asRecord(raw);
  if (!s) return 'must be a label selector (matchLabels and/or matchExpressions)';
  const selector: LabelSelector = {};
  if (s.matchLabels !== undefined) {
    const labels = asRecord(s.matchLabels);
    if (!labels || !Object.values(labels).every((v) => typeof v === 'string')) return 'matchLabels must map label names to strings';
    selector.matchLabels = labels as Record<string, string>;
  }
  if (s.matchExpressions !== undefined) {
    if (!Array.isArray(s.matchExpressions)) return 'matchExpressions must be a list';
    const requirements: LabelSelectorRequirement[] = [];
    for (const [i, raw2] of s.matchExpressions.entries()) {
      const r = readRequirement(raw2, i);
      if (typeof r === 'string') return r;
      requirements.push(r);
    }
    selector.matchExpressions = requirements;
  }
  return selector;
}
