// Builds a cel-js environment with the Kubernetes libraries, declared
// variables and the evaluation budget.
import { Environment } from '@marcbachmann/cel-js';
import { celRegistry } from './cel-registry.js';
import { installBudget } from './eval-budget.js';
import { registerKubernetesLibraries } from './libraries/index.js';

/** Variable name -> CEL type ("dyn", "int", "list<string>", "map<string, dyn>", ...). */
export type CelDeclarations = Readonly<Record<string, string>>;

export function createCelEnvironment(variables: CelDeclarations): Environment {
  const env = new Environment({
    enableOptionalTypes: true,
    homogeneousAggregateLiterals: false,
    unlistedVariablesAreDyn: false,
  });
  registerKubernetesLibraries(celRegistry(env));
  for (const [name, type] of Object.entries(variables)) env.registerVariable(name, type);
  installBudget(env);
  return env;
}
