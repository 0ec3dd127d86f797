// One entry of x-kubernetes-validations as written in the CRD.
import type { SchemaNode } from './schema-node.js';

export interface ValidationRule {
  /** Index in the node's x-kubernetes-validations list. */
  index: number;
  rule: string;
  message?: string;
  messageExpression?: string;
  /** FieldValueInvalid (default), FieldValueForbidden, FieldValueRequired or FieldValueDuplicate. */
  reason?: string;
  fieldPath?: string;
  optionalOldSelf: boolean;
}

function text(entry: Record<string, unknown>, key: string): string | undefined {
  const value = entry[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The node's rules; entries without a rule are left out (the API server refuses them). */
export function validationRules(node: SchemaNode): ValidationRule[] {
  const list = node['x-kubernetes-validations'];
  if (!Array.isArray(list)) return [];
  const rules: ValidationRule[] = [];
  list.forEach((entry: unknown, index) => {
    if (entry === null || typeof entry !== 'object') return;
    const record = entry as Record<string, unknown>;
    const rule = text(record, 'rule');
    if (rule === undefined) return;
    const optional = { message: text(record, 'message'), messageExpression: text(record, 'messageExpression'), reason: text(record, 'reason'), fieldPath: text(record, 'fieldPath') };
    const defined = Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined));
    rules.push({ index, rule, optionalOldSelf: record['optionalOldSelf'] === true, ...defined });
  });
  return rules;
}

/** How the API server names a rule in its messages: the message when there is one, else the rule. */
export function ruleErrorString(rule: ValidationRule): string {
  return (rule.message ?? rule.rule).trim();
}

/** The message of a failed rule without messageExpression: its message, else "failed rule: RULE". */
export function ruleMessageOrDefault(rule: ValidationRule): string {
  return rule.message === undefined ? `failed rule: ${ruleErrorString(rule)}` : rule.message.trim();
}
