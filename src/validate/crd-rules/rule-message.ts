// The message of a failed rule, as the API server builds it: the
// messageExpression's result when it is a usable one-line string, else the
// message, else "failed rule: RULE"; then the reason's wording.
import type { CelOutcome } from '../../policy/cel/index.js';
import { ruleMessageOrDefault, type ValidationRule } from './validation-rule.js';

/** celconfig.MaxEvaluatedMessageExpressionSizeBytes */
const MAX_MESSAGE_BYTES = 5 * 1024;

/** The messageExpression's message, or undefined when its result cannot be used (then the fallback applies). */
export function evaluatedMessage(outcome: CelOutcome): string | undefined {
  if (!outcome.ok || typeof outcome.value !== 'string') return undefined;
  const message = outcome.value.trim();
  if (message === '' || message.includes('\n') || Buffer.byteLength(message) > MAX_MESSAGE_BYTES) return undefined;
  return message;
}

const REASON_WORDING: Readonly<Record<string, string>> = {
  FieldValueForbidden: 'Forbidden: ',
  FieldValueRequired: 'Required value: ',
  FieldValueDuplicate: 'Duplicate value: ',
};

/** The finding's text: the message, with the reason's wording when it is not FieldValueInvalid. */
export function failureMessage(rule: ValidationRule, evaluated: string | undefined): string {
  const message = evaluated ?? ruleMessageOrDefault(rule);
  return `${(rule.reason && REASON_WORDING[rule.reason]) ?? ''}${message}`;
}
