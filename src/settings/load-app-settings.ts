// Reads the app's settings from the environment: KUBEGATE_SETTINGS names a
// YAML or JSON file, or KUBEGATE_SETTINGS_JSON holds them inline. Neither set:
// no clusters (every cluster dry-run says the cluster is not configured).
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import yaml from 'js-yaml';
import { parseAppSettings } from './parse-app-settings.js';
import { SettingsError } from './settings-error.js';
import type { AppSettings } from './types.js';

export const SETTINGS_FILE_ENV = 'KUBEGATE_SETTINGS';
export const SETTINGS_JSON_ENV = 'KUBEGATE_SETTINGS_JSON';

export interface LoadAppSettingsDeps {
  env?: NodeJS.ProcessEnv;
  readFile?: (path: string) => string;
  cwd?: string;
}

function parseText(text: string, source: string, json: boolean): unknown {
  try {
    return json ? JSON.parse(text) : yaml.load(text, { schema: yaml.CORE_SCHEMA });
  } catch (cause: unknown) {
    const reason = cause instanceof yaml.YAMLException ? `${cause.reason} at line ${cause.mark.line + 1}` : cause instanceof Error ? cause.message : String(cause);
    throw new SettingsError(source, [`not valid ${json ? 'JSON' : 'YAML'}: ${reason}`], { cause });
  }
}

export function loadAppSettings({ env = process.env, readFile = (p) => readFileSync(p, 'utf8'), cwd = process.cwd() }: LoadAppSettingsDeps = {}): AppSettings {
  const file = env[SETTINGS_FILE_ENV];
  const inline = env[SETTINGS_JSON_ENV];
  if (file && inline) {
    throw new SettingsError(`${SETTINGS_FILE_ENV} and ${SETTINGS_JSON_ENV}`, [`set only one of ${SETTINGS_FILE_ENV} (a file) and ${SETTINGS_JSON_ENV} (inline JSON)`]);
  }
  if (inline) return parseAppSettings(parseText(inline, SETTINGS_JSON_ENV, true), SETTINGS_JSON_ENV, cwd);
  if (!file) return parseAppSettings({}, 'defaults: neither KUBEGATE_SETTINGS nor KUBEGATE_SETTINGS_JSON is set', cwd);
  const source = `${SETTINGS_FILE_ENV}=${file}`;
  let text: string;
  try {
    text = readFile(file);
  } catch (cause: unknown) {
    throw new SettingsError(source, [`the file cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`], { cause });
  }
  return parseAppSettings(parseText(text, source, /\.json$/i.test(file)), source, dirname(file));
}
