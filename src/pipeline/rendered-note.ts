import type { EnvironmentConfig } from '../config/types.js';

/** Said after a message about a rendered object: one source file renders differently per environment. */
export function renderedNote(env: EnvironmentConfig): string {
  return env.render === 'kustomize' ? ` (as rendered for environment ${env.name})` : '';
}
