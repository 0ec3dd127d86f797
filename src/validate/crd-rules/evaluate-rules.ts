// Evaluates a CRD's rules on a custom resource, walking the object together
// with the rule tree: each rule sees `self` bound to the value at its node;
// nodes whose value is absent (or null) are not evaluated; transition rules
// (oldSelf) run only with an old value, unless optionalOldSelf. Each
// evaluation is bounded (cost and time); once the object's time budget or a
// cost limit is hit, no further rule runs, as at the API server.
import type { FieldPath } from '../../core/types.js';
import { celOptional, type CelOutcome, DEFAULT_EVAL_LIMITS } from '../../policy/cel/index.js';
import type { RuleNode } from './build-rule-tree.js';
import type { CompiledRule } from './compile-node-rules.js';
import { oldListItem, oldProperty } from './correlate-old.js';
import { evaluatedMessage, failureMessage } from './rule-message.js';
import { isRecord, type RuleValueCache, ruleValue } from './rule-value.js';
import { ruleErrorString } from './validation-rule.js';

export interface RuleViolation {
  /** The field the finding is about. */
  segments: FieldPath;
  message: string;
}

export interface RuleLimits {
  /** Per evaluation, in evaluation steps. */
  cost: number;
  /** For all the rules of one object, in milliseconds. */
  timeMs: number;
}

export const DEFAULT_RULE_LIMITS: RuleLimits = { cost: DEFAULT_EVAL_LIMITS.cost, timeMs: DEFAULT_EVAL_LIMITS.timeMs };

const OUT_OF_BUDGET = 'validation failed due to running out of cost budget, no further validation rules will be run';

/** self and oldSelf of one node, converted once for all its rules. */
interface NodeValues {
  self: unknown;
  /** undefined: no old value. */
  oldSelf: unknown;
}

function runtimeError(message: string, rule: CompiledRule): string {
  if (message.startsWith('no such overload')) {
    return `'${message}': call arguments did not match a supported operator, function or macro signature for rule: ${ruleErrorString(rule)}`;
  }
  return `${message} evaluating rule: ${ruleErrorString(rule)}`;
}

class RuleRun {
  readonly violations: RuleViolation[] = [];
  private stopped = false;
  private readonly deadline: number;
  private readonly values: RuleValueCache = new WeakMap();

  constructor(private readonly limits: RuleLimits) {
    this.deadline = performance.now() + limits.timeMs;
  }

  visit(node: RuleNode, value: unknown, old: unknown, path: FieldPath): void {
    if (value === undefined || value === null || this.stopped) return;
    this.evaluateNode(node, value, old, path);
    for (const branch of node.allOf) this.visit(branch, value, old, path);
    if (Array.isArray(value)) {
      const items = node.items;
      if (items) value.forEach((item, i) => this.visit(items, item, oldListItem(old, item, node.listMapKeys), [...path, i]));
    } else if (isRecord(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childNode = node.properties.get(key) ?? node.additionalProperties;
        if (childNode) this.visit(childNode, child, oldProperty(old, key), [...path, key]);
      }
    }
  }

  private evaluateNode(node: RuleNode, value: unknown, old: unknown, path: FieldPath): void {
    let values: NodeValues | undefined;
    for (const rule of node.rules) {
      if (this.stopped) return;
      if (rule.compileError !== undefined) {
        this.fail(path, rule.compileError);
        continue;
      }
      if (rule.usesOldSelf && old === undefined && !rule.optionalOldSelf) continue;
      values ??= { self: node.type && ruleValue(node.type, value, this.values), oldSelf: node.type && ruleValue(node.type, old, this.values) };
      this.evaluateRule(rule, values, path);
    }
  }

  private evaluateRule(rule: CompiledRule, values: NodeValues, path: FieldPath): void {
    const activation = this.activation(rule, values);
    const outcome = this.evaluate(rule.program, activation);
    if (!outcome) return;
    if (!outcome.ok) {
      if (outcome.error.budgetExceeded) {
        this.stop(path, `'${outcome.error.message}': no further validation rules will be run due to call cost exceeds limit for rule: ${ruleErrorString(rule)}`);
      } else this.fail(path, runtimeError(outcome.error.message, rule));
      return;
    }
    if (outcome.value === true) return;
    if (typeof outcome.value !== 'boolean') {
      this.fail(path, runtimeError(`the rule evaluated to ${typeof outcome.value}, not a bool`, rule));
      return;
    }
    const target = [...path, ...rule.fieldSegments];
    if (!rule.messageProgram) {
      this.fail(target, failureMessage(rule, undefined));
      return;
    }
    const message = this.evaluate(rule.messageProgram, activation);
    if (!message) return;
    if (!message.ok && message.error.budgetExceeded) {
      this.stop(target, `no further validation rules will be run due to call cost exceeds limit for messageExpression: ${JSON.stringify(rule.messageExpression)}`);
      return;
    }
    this.fail(target, failureMessage(rule, evaluatedMessage(message)));
  }

  private activation(rule: CompiledRule, values: NodeValues): Record<string, unknown> {
    if (rule.optionalOldSelf) return { self: values.self, oldSelf: values.oldSelf === undefined ? celOptional() : celOptional(values.oldSelf) };
    return values.oldSelf === undefined ? { self: values.self } : { self: values.self, oldSelf: values.oldSelf };
  }

  /** undefined when the object's time budget is spent (then the run stops). */
  private evaluate(program: CompiledRule['program'], activation: Record<string, unknown>): CelOutcome | undefined {
    const timeMs = this.deadline - performance.now();
    if (!program) return undefined;
    if (timeMs <= 0) {
      this.stop([], OUT_OF_BUDGET);
      return undefined;
    }
    return program.evaluate(activation, { cost: this.limits.cost, timeMs });
  }

  private fail(segments: FieldPath, message: string): void {
    this.violations.push({ segments, message });
  }

  private stop(segments: FieldPath, message: string): void {
    this.fail(segments, message);
    this.stopped = true;
  }
}

/**
 * The rule violations of one object. `old` is the object before the change
 * (an update); without it, transition rules are skipped as on creation.
 */
export function evaluateRuleTree(root: RuleNode, body: unknown, old?: unknown, limits: RuleLimits = DEFAULT_RULE_LIMITS): RuleViolation[] {
  const run = new RuleRun(limits);
  run.visit(root, body, old, []);
  return run.violations;
}
