// The one place where cel-js's loosely typed registration API is wrapped:
// libraries register typed handlers through this narrow interface.
import type { Environment, RegisteredFunctionHandler } from '@marcbachmann/cel-js';

/** A CEL function implementation; arguments arrive as CEL runtime values. */
export type CelHandler = (...args: never[]) => unknown;

/** A class whose instances are values of a custom CEL type. */
export type CelTypeConstructor = abstract new (...args: never[]) => object;

export interface CelRegistry {
  /** Register an overload, e.g. "string.charAt(int): string" or "quantity(string): kubernetes.Quantity". */
  fn(signature: string, handler: CelHandler): void;
  /** Register a custom type, e.g. "net.IP". */
  type(name: string, ctor: CelTypeConstructor): void;
  /** Register an operator overload, e.g. "net.IP == net.IP". */
  operator(signature: string, handler: (left: never, right: never) => unknown): void;
  /** Register a constant, e.g. the "sets" namespace object. */
  constant(name: string, type: string, value: unknown): void;
}

export function celRegistry(env: Environment): CelRegistry {
  return {
    fn: (signature, handler) => {
      env.registerFunction(signature, handler as RegisteredFunctionHandler);
    },
    type: (name, ctor) => {
      env.registerType(name, ctor as unknown as new () => object);
    },
    operator: (signature, handler) => {
      env.registerOperator(signature, handler as (left: unknown, right: unknown) => unknown);
    },
    constant: (name, type, value) => {
      env.registerConstant(name, type, value);
    },
  };
}
