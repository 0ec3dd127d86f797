// Builds a cel-js environment with the Kubernetes libraries, declared
// variables and the evaluation budget.
import { Environment } from '@marcbachmann/cel-js';
import { celRegistry } from './cel-registry.js';
import { installBudget } from './eval-budget.js';
import { registerKubernetesLibraries } from './libraries/index.js';

/** Variable name -> CEL type ("dyn", "int", "list<string>", "map<string, dyn>", ...). */
export type CelDeclarations = Readonly<Record<string, string>>;

export interface CelEnvironmentOptions {
  /**
   * Require list and map literals to hold one type, as Kubernetes does
   * (default true). The CEL specification's own default is false.
   */
  homogeneousAggregateLiterals?: boolean;
}

export function createCelEnvironment(variables: CelDeclarations, options: CelEnvironmentOptions = {}): Environment {
  const env = new Environment({
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: options.homogeneousAggregateLiterals ?? true,
    unlistedVariablesAreDyn: false,
  });
  registerKubernetesLibraries(celRegistry(env));
  for (const [name, type] of Object.entries(variables)) env.registerVariable(name, type);
  installBudget(env);
  return env;
}
