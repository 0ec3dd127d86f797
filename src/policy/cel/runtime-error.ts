import { EvaluationError } from '@marcbachmann/cel-js';

/** An error raised by a library function; cel-js attaches the call's position. */
export function celRuntimeError(message: string): Error {
  return new EvaluationError(message);
}
