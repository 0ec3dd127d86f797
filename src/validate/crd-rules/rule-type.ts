// The CEL type of each schema node, as the API server declares it for rules
// (k8s.io/apiserver/pkg/cel/common/schemas.go SchemaDeclType): objects with
// properties are object types whose fields are the escaped property names,
// additionalProperties make a map, items a list; x-kubernetes-int-or-string
// is dyn; string formats byte, duration, date and date-time are bytes,
// duration and timestamp. Nodes without a type (x-kubernetes-preserve-unknown-fields
// alone) have none: their data is not visible to rules.
import type { CelObjectType } from '../../policy/cel/index.js';
import { escapeCelName } from './escape-cel-name.js';
import {
  additionalPropertiesOf,
  isEmbeddedResource,
  isIntOrString,
  itemsOf,
  propertiesOf,
  type SchemaNode,
  stringField,
  withTypeAndObjectMeta,
} from './schema-node.js';

export type StringFormat = 'byte' | 'duration' | 'date' | 'date-time';

export interface RuleField {
  /** The property name as CEL sees it (escaped). */
  cel: string;
  type: RuleType;
}

export interface RuleObjectType {
  kind: 'object';
  name: string;
  /** By property name as written in the schema. */
  fields: ReadonlyMap<string, RuleField>;
  /** Values of this type are instances of it (the CEL checker tells object types apart by constructor). */
  ctor: new () => object;
}

export type RuleType =
  | { kind: 'string'; format?: StringFormat }
  | { kind: 'int' | 'double' | 'bool' | 'int-or-string' }
  | { kind: 'list'; items: RuleType; listType?: string; mapKeys: readonly string[] }
  | { kind: 'map'; values: RuleType }
  | RuleObjectType;

const FORMAT_TYPES: Readonly<Record<StringFormat, string>> = {
  byte: 'bytes',
  duration: 'google.protobuf.Duration',
  date: 'google.protobuf.Timestamp',
  'date-time': 'google.protobuf.Timestamp',
};

function isFormat(value: string | undefined): value is StringFormat {
  return value !== undefined && value in FORMAT_TYPES;
}

/** Unique object type names inside one CRD version: the kind, then the field path ("Widget.spec.ports.item"). */
export class TypeNames {
  private readonly used = new Set<string>();

  unique(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name); n++) name = `${base}_${n}`;
    this.used.add(name);
    return name;
  }
}

function objectType(schema: SchemaNode, name: string, names: TypeNames): RuleObjectType {
  const typeName = names.unique(name);
  const fields = new Map<string, RuleField>();
  for (const [property, propertySchema] of Object.entries(propertiesOf(schema))) {
    const cel = escapeCelName(property);
    if (cel === undefined) continue;
    const type = ruleTypeOf(propertySchema, isEmbeddedResource(propertySchema), `${typeName}.${cel}`, names);
    if (type) fields.set(property, { cel, type });
  }
  const ctor = { [typeName]: class {} }[typeName] as new () => object;
  return { kind: 'object', name: typeName, fields, ctor };
}

function listType(schema: SchemaNode, name: string, names: TypeNames): RuleType | undefined {
  const itemsSchema = itemsOf(schema);
  const items = itemsSchema && ruleTypeOf(itemsSchema, isEmbeddedResource(itemsSchema), `${name}.item`, names);
  if (!items) return undefined;
  const keys = schema['x-kubernetes-list-map-keys'];
  const mapKeys = Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [];
  const kind = stringField(schema, 'x-kubernetes-list-type');
  return { kind: 'list', items, mapKeys, ...(kind === undefined ? {} : { listType: kind }) };
}

function objectOrMapType(schema: SchemaNode, name: string, names: TypeNames): RuleType | undefined {
  const additional = additionalPropertiesOf(schema);
  if (!additional) return objectType(schema, name, names);
  const values = ruleTypeOf(additional, isEmbeddedResource(additional), `${name}.value`, names);
  return values ? { kind: 'map', values } : undefined;
}

/** The node's CEL type; undefined when rules cannot see its data. */
export function ruleTypeOf(input: SchemaNode, isResourceRoot: boolean, name: string, names: TypeNames): RuleType | undefined {
  if (isIntOrString(input)) return { kind: 'int-or-string' };
  const schema = isResourceRoot ? withTypeAndObjectMeta(input) : input;
  switch (schema['type']) {
    case 'array':
      return listType(schema, name, names);
    case 'object':
      return objectOrMapType(schema, name, names);
    case 'string': {
      const format = stringField(schema, 'format');
      return isFormat(format) ? { kind: 'string', format } : { kind: 'string' };
    }
    case 'boolean':
      return { kind: 'bool' };
    case 'number':
      return { kind: 'double' };
    case 'integer':
      return { kind: 'int' };
    default:
      return undefined;
  }
}

/** The type as the CEL checker names it. */
export function celTypeName(type: RuleType): string {
  switch (type.kind) {
    case 'string':
      return type.format ? FORMAT_TYPES[type.format] : 'string';
    case 'int-or-string':
      return 'dyn';
    case 'list':
      return `list<${celTypeName(type.items)}>`;
    case 'map':
      return `map<string, ${celTypeName(type.values)}>`;
    case 'object':
      return type.name;
    default:
      return type.kind;
  }
}

function collectObjectTypes(type: RuleType, out: Map<string, CelObjectType>): void {
  if (type.kind === 'list') collectObjectTypes(type.items, out);
  else if (type.kind === 'map') collectObjectTypes(type.values, out);
  else if (type.kind === 'object' && !out.has(type.name)) {
    const fields = Object.fromEntries([...type.fields.values()].map((field) => [field.cel, celTypeName(field.type)]));
    out.set(type.name, { name: type.name, fields, ctor: type.ctor });
    for (const field of type.fields.values()) collectObjectTypes(field.type, out);
  }
}

/** The object types a CEL environment must know to type `self` of this type. */
export function objectTypesOf(type: RuleType): CelObjectType[] {
  const out = new Map<string, CelObjectType>();
  collectObjectTypes(type, out);
  return [...out.values()];
}
