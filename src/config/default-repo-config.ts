import type { EnvironmentConfig } from './types.js';

export const DEFAULT_CONFIG_FILE = '.github/kubegate.yml';

/**
 * The environment used when the config names none: every YAML/JSON file,
 * validated when its documents have apiVersion and kind (others are ignored).
 * Validation defaults come from the schema's `default` keywords.
 */
export function implicitEnvironment(): EnvironmentConfig {
  return { name: 'default', paths: ['**/*.yaml', '**/*.yml', '**/*.json'], render: 'plain', implicit: true };
}
