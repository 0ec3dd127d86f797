// A CRD version's x-kubernetes-validations, compiled once, ready to evaluate
// on its custom resources: defaults applied first (the API server validates
// the defaulted object), null fields counted as absent.
import type { FieldPath } from '../../core/types.js';
import { dropNullFields } from '../drop-null-fields.js';
import { dottedPath } from '../field-path.js';
import { applyDefaults } from './apply-defaults.js';
import { buildRuleTree } from './build-rule-tree.js';
import { evaluateRuleTree, type RuleLimits, type RuleViolation } from './evaluate-rules.js';
import { TypeNames } from './rule-type.js';
import { isSchemaNode } from './schema-node.js';
import type { ValidationRule } from './validation-rule.js';

export interface CrdRuleSource {
  openAPIV3Schema: unknown;
  /** The custom resource kind ("Widget"). */
  kind: string;
  /** e.g. "CustomResourceDefinition widgets.example.com (v1)" */
  display: string;
  /** The file holding the CRD. */
  file: string;
  /** The line of a path inside openAPIV3Schema, in that file. */
  lineOf(schemaPath: FieldPath): number;
}

export interface CrdRules {
  /**
   * The violations of one custom resource. `old`: the object before an update;
   * without it, transition rules (oldSelf) are skipped, as on creation.
   */
  evaluate(body: Record<string, unknown>, old?: Record<string, unknown>, limits?: RuleLimits): RuleViolation[];
}

function describer(source: CrdRuleSource): (schemaPath: FieldPath, rule: ValidationRule) => string {
  return (schemaPath) => {
    const where = dottedPath(['openAPIV3Schema', ...schemaPath]);
    return `${where} of ${source.display} (kind ${source.kind}, ${source.file} line ${source.lineOf([...schemaPath, 'rule'])})`;
  };
}

/** The compiled rules of a CRD version; undefined when its schema has none. */
export function compileCrdRules(source: CrdRuleSource): CrdRules | undefined {
  const schema = source.openAPIV3Schema;
  if (!isSchemaNode(schema)) return undefined;
  const rootName = /^[A-Za-z]\w*$/.test(source.kind) ? source.kind : 'Object';
  const root = buildRuleTree(schema, rootName, new TypeNames(), describer(source));
  if (!root) return undefined;
  const prepare = (body: Record<string, unknown>): unknown => applyDefaults(dropNullFields(body), schema);
  return {
    evaluate: (body, old, limits) => evaluateRuleTree(root, prepare(body), old && prepare(old), limits),
  };
}
