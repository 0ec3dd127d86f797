// Compiles the rules of one schema node with `self` (and `oldSelf`) typed as
// the node's CEL type. A rule that does not compile becomes a message naming
// the CRD, where the rule sits in the schema and the position in the
// expression; the node's other rules compile on.
import { type CelCompileFailure, type CelCompiler, type CelProgram, childNodes, type CelAstNode, createCelCompiler } from '../../policy/cel/index.js';
import { ruleFieldPath } from './rule-field-path.js';
import { celTypeName, objectTypesOf, type RuleType } from './rule-type.js';
import type { SchemaNode } from './schema-node.js';
import type { ValidationRule } from './validation-rule.js';

export interface CompiledRule extends ValidationRule {
  program?: CelProgram;
  messageProgram?: CelProgram;
  /** Set when the rule (or its messageExpression) does not compile. */
  compileError?: string;
  /** Transition rule: evaluated only against an old object (or with optionalOldSelf). */
  usesOldSelf: boolean;
  /** Where its finding goes, below the node (from fieldPath). */
  fieldSegments: string[];
}

/** Names the rule's place for messages: the CRD and the rule's path in its schema. */
export type DescribeRule = (rule: ValidationRule) => string;

function referencesOldSelf(node: CelAstNode): boolean {
  if (node.op === 'id' && node.args === 'oldSelf') return true;
  return childNodes(node).some(referencesOldSelf);
}

function describeFailure(what: string, error: CelCompileFailure): string {
  return `${what}: ${error.kind} error at line ${error.line}, column ${error.column}: ${error.message}`;
}

type Compiled = { program: CelProgram } | { error: string };

/** `what` names the expression in an error (computed only then: finding the rule's line parses the CRD file). */
function compileExpression(compiler: CelCompiler, source: string, what: () => string, resultType: string): Compiled {
  const outcome = compiler.compile(source);
  if (!outcome.ok) return { error: describeFailure(what(), outcome.error) };
  const type = outcome.program.resultType;
  // dyn is accepted (checked when evaluated): where cel-js infers less than
  // cel-go, a rule the API server accepts must not be refused here.
  if (type !== resultType && type !== 'dyn') return { error: `${what()}: the expression must evaluate to a ${resultType}, not ${type}` };
  return { program: outcome.program };
}

/** Compilers for one node: oldSelf typed like self, or (optionalOldSelf) as an optional of it. */
class NodeCompilers {
  private plain: CelCompiler | undefined;
  private optional: CelCompiler | undefined;

  constructor(private readonly type: RuleType) {}

  for(rule: ValidationRule): CelCompiler {
    if (rule.optionalOldSelf) {
      this.optional ??= this.create(true);
      return this.optional;
    }
    this.plain ??= this.create(false);
    return this.plain;
  }

  private create(optionalOldSelf: boolean): CelCompiler {
    const self = celTypeName(this.type);
    return createCelCompiler({ self, oldSelf: optionalOldSelf ? `optional<${self}>` : self }, { objectTypes: objectTypesOf(this.type) });
  }
}

function compileRule(compilers: NodeCompilers, rule: ValidationRule, schema: SchemaNode, describe: DescribeRule): CompiledRule {
  const fieldSegments = rule.fieldPath === undefined ? [] : (ruleFieldPath(rule.fieldPath, schema) ?? []);
  const compiler = compilers.for(rule);
  const compiled = compileExpression(compiler, rule.rule, () => `rule compile error: ${describe(rule)}`, 'bool');
  if ('error' in compiled) return { ...rule, fieldSegments, usesOldSelf: false, compileError: compiled.error };
  const out: CompiledRule = { ...rule, fieldSegments, program: compiled.program, usesOldSelf: referencesOldSelf(compiled.program.ast) };
  if (rule.messageExpression === undefined) return out;
  const message = compileExpression(compiler, rule.messageExpression, () => `messageExpression compile error: ${describe(rule)}`, 'string');
  return 'error' in message ? { ...out, compileError: message.error } : { ...out, messageProgram: message.program };
}

/**
 * The node's rules, compiled. `type` undefined: the node's data has no CEL
 * type (no `type` in the schema), so no rule can compile (the API server
 * refuses such a CRD).
 */
export function compileNodeRules(rules: readonly ValidationRule[], type: RuleType | undefined, schema: SchemaNode, describe: DescribeRule): CompiledRule[] {
  if (!type) {
    return rules.map((rule) => ({
      ...rule,
      fieldSegments: [],
      usesOldSelf: false,
      compileError: `rule compile error: ${describe(rule)}: the schema node has no type rules can use (a structural schema gives every node a type)`,
    }));
  }
  const compilers = new NodeCompilers(type);
  return rules.map((rule) => compileRule(compilers, rule, schema, describe));
}
