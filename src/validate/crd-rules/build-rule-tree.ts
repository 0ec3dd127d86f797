// The nodes of a CRD schema that carry x-kubernetes-validations (or lead to
// some), each with its rules compiled against its CEL type, as the API server
// builds its validator (apiextensions-apiserver schema/cel/validation.go):
// properties, additionalProperties, items, and rules inside allOf, which
// apply to the same value.
import type { FieldPath } from '../../core/types.js';
import { type CompiledRule, compileNodeRules } from './compile-node-rules.js';
import { escapeCelName } from './escape-cel-name.js';
import { type RuleType, ruleTypeOf, type TypeNames } from './rule-type.js';
import {
  additionalPropertiesOf,
  allOfOf,
  isEmbeddedResource,
  itemsOf,
  propertiesOf,
  type SchemaNode,
  stringField,
} from './schema-node.js';
import { validationRules, type ValidationRule } from './validation-rule.js';

export interface RuleNode {
  /** The CEL type of the node's data (undefined: none, its rules cannot compile). */
  type: RuleType | undefined;
  rules: readonly CompiledRule[];
  allOf: readonly RuleNode[];
  /** By property name as written. */
  properties: ReadonlyMap<string, RuleNode>;
  items?: RuleNode;
  additionalProperties?: RuleNode;
  /** x-kubernetes-list-map-keys of a list-type map (to find an item's old value). */
  listMapKeys?: readonly string[];
}

/** Names a rule in messages: the CRD, and the rule's path inside openAPIV3Schema. */
export type DescribeRuleAt = (schemaPath: FieldPath, rule: ValidationRule) => string;

interface BuildContext {
  names: TypeNames;
  describe: DescribeRuleAt;
}

function hasRules(node: SchemaNode | undefined): boolean {
  if (!node) return false;
  if (validationRules(node).length > 0) return true;
  if (Object.values(propertiesOf(node)).some(hasRules)) return true;
  return hasRules(itemsOf(node)) || hasRules(additionalPropertiesOf(node)) || allOfOf(node).some(hasRules);
}

/** The type of a property's data: the parent's field, or (a name CEL cannot spell) a type of its own. */
function propertyType(parent: RuleType | undefined, name: string, schema: SchemaNode, context: BuildContext): RuleType | undefined {
  if (escapeCelName(name) === undefined) return ruleTypeOf(schema, isEmbeddedResource(schema), `property_${name.replace(/\W/g, '_')}`, context.names);
  return parent?.kind === 'object' ? parent.fields.get(name)?.type : undefined;
}

function elementType(type: RuleType | undefined): RuleType | undefined {
  if (type?.kind === 'list') return type.items;
  return type?.kind === 'map' ? type.values : undefined;
}

function childNodes(validation: SchemaNode, schema: SchemaNode, type: RuleType | undefined, path: FieldPath, context: BuildContext): Map<string, RuleNode> {
  const properties = new Map<string, RuleNode>();
  const declared = propertiesOf(schema);
  for (const [name, validationProperty] of Object.entries(propertiesOf(validation))) {
    const property = declared[name];
    if (!property || !hasRules(validationProperty)) continue;
    const fieldType = propertyType(type, name, property, context);
    // Fields without a CEL type are left out of rule validation entirely, as by the API server.
    if (!fieldType) continue;
    properties.set(name, buildNode(validationProperty, property, fieldType, [...path, 'properties', name], context));
  }
  return properties;
}

function elementNode(validation: SchemaNode | undefined, schema: SchemaNode | undefined, type: RuleType | undefined, path: FieldPath, context: BuildContext): RuleNode | undefined {
  if (!validation || !schema || !hasRules(validation)) return undefined;
  return buildNode(validation, schema, elementType(type), path, context);
}

function buildNode(validation: SchemaNode, schema: SchemaNode, type: RuleType | undefined, path: FieldPath, context: BuildContext): RuleNode {
  const describe = (rule: ValidationRule): string => context.describe([...path, 'x-kubernetes-validations', rule.index], rule);
  const allOf = allOfOf(validation).flatMap((branch, i) => (hasRules(branch) ? [buildNode(branch, schema, type, [...path, 'allOf', i], context)] : []));
  const items = elementNode(itemsOf(validation), itemsOf(schema), type, [...path, 'items'], context);
  const additional = elementNode(additionalPropertiesOf(validation), additionalPropertiesOf(schema), type, [...path, 'additionalProperties'], context);
  const isListMap = stringField(schema, 'x-kubernetes-list-type') === 'map' && type?.kind === 'list';
  return {
    type,
    rules: compileNodeRules(validationRules(validation), type, schema, describe),
    allOf,
    properties: childNodes(validation, schema, type, path, context),
    ...(items ? { items } : {}),
    ...(additional ? { additionalProperties: additional } : {}),
    ...(isListMap ? { listMapKeys: type.mapKeys } : {}),
  };
}

/** The rule tree of a CRD version's schema; undefined when it has no rules. */
export function buildRuleTree(schema: SchemaNode, rootTypeName: string, names: TypeNames, describe: DescribeRuleAt): RuleNode | undefined {
  if (!hasRules(schema)) return undefined;
  const type = ruleTypeOf(schema, true, rootTypeName, names);
  return buildNode(schema, schema, type, [], { names, describe });
}
