// Builds a cel-js environment with the Kubernetes libraries, declared
// variables and the evaluation budget.
import { Environment } from '@marcbachmann/cel-js';
import { celRegistry } from './cel-registry.js';
import { installBudget } from './eval-budget.js';
import { registerKubernetesLibraries } from './libraries/index.js';
import { celEquals } from './value-compare.js';

/** Variable name -> CEL type ("dyn", "int", "list<string>", "map<string, dyn>", ...). */
export type CelDeclarations = Readonly<Record<string, string>>;

/**
 * A CEL object type with declared fields (a CRD schema's object nodes): the
 * checker knows its fields, and its values are instances of `ctor` holding
 * the fields as own properties. Values of one type compare with ==.
 */
export interface CelObjectType {
  name: string;
  /** Field name -> CEL type ("string", "list<Other>", another object type's name, ...). */
  fields: Readonly<Record<string, string>>;
  ctor: new () => object;
}

export interface CelEnvironmentOptions {
  /**
   * Require list and map literals to hold one type, as Kubernetes does
   * (default true). The CEL specification's own default is false.
   */
  homogeneousAggregateLiterals?: boolean;
  /** Object types the variables may use, registered before them. */
  objectTypes?: readonly CelObjectType[];
}

export function createCelEnvironment(variables: CelDeclarations, options: CelEnvironmentOptions = {}): Environment {
  const env = new Environment({
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: options.homogeneousAggregateLiterals ?? true,
    unlistedVariablesAreDyn: false,
  });
  registerKubernetesLibraries(celRegistry(env));
  for (const type of options.objectTypes ?? []) {
    env.registerType(type.name, { ctor: type.ctor, fields: { ...type.fields } });
    env.registerOperator(`${type.name} == ${type.name}`, celEquals);
  }
  for (const [name, type] of Object.entries(variables)) env.registerVariable(name, type);
  installBudget(env);
  return env;
}
