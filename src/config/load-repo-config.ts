// Reads .github/kubegate.yml (text from the DEFAULT branch) into a RepoConfig:
// parse YAML -> validate against the published schema (filling defaults) ->
// check what a schema cannot say (unique names, policy exemptions and label
// selectors that select something) -> add the implicit environment when none
// is named.
import yaml from 'js-yaml';
import { parsePolicyConfig } from '../policy/config.js';
import { configValidator } from './compile-config-schema.js';
import { DEFAULT_CONFIG_FILE, implicitEnvironment } from './default-repo-config.js';
import { describeSchemaError } from './describe-schema-error.js';
import { createLineLocator } from '../manifests/create-line-locator.js';
import type { ConfigLoadResult, ConfigProblem, RepoConfig } from './types.js';

type Parsed = { ok: true; value: unknown } | { ok: false; problem: ConfigProblem };

function parseYaml(text: string, file: string): Parsed {
  try {
    return { ok: true, value: yaml.load(text, { filename: file, schema: yaml.CORE_SCHEMA }) ?? {} };
  } catch (err: unknown) {
    if (err instanceof yaml.YAMLException) {
      return { ok: false, problem: { file, path: '', line: err.mark.line + 1, message: `not valid YAML: ${err.reason}` } };
    }
    throw err;
  }
}

function pointerSegments(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The line of the field, or of its nearest parent that exists (a missing field's parent). */
function lineOf(text: string, pointer: string): number | undefined {
  const locate = createLineLocator(text, 1, 0);
  const segments = pointerSegments(pointer).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n > 0; n--) {
    const line = locate(segments.slice(0, n));
    if (line > 0) return line;
  }
  return text.trim() === '' ? undefined : 1;
}

function problemAt(text: string, file: string, path: string, message: string): ConfigProblem {
  const line = lineOf(text, path);
  return line === undefined ? { file, path, message } : { file, path, line, message };
}

function duplicateEnvironmentNames(config: RepoConfig, text: string, file: string): ConfigProblem[] {
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  config.environments.forEach((env, i) => {
    if (seen.has(env.name)) {
      problems.push(problemAt(text, file, `/environments/${i}/name`, `environment name "${env.name}" is used twice`));
    }
    seen.add(env.name);
  });
  return problems;
}

export function loadRepoConfig(text: string | undefined, file = DEFAULT_CONFIG_FILE): ConfigLoadResult {
  const parsed = parseYaml(text ?? '', file);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  const validate = configValidator();
  const value = parsed.value;
  if (!validate(value)) {
    const problems = (validate.errors ?? []).map((e) => {
      const d = describeSchemaError(e);
      return problemAt(text ?? '', file, d.path, d.message);
    });
    return { ok: false, problems };
  }
  const config = value as RepoConfig;
  const duplicates = duplicateEnvironmentNames({ ...config, environments: config.environments ?? [] }, text ?? '', file);
  const policies = parsePolicyConfig(config.policies);
  const problems = [...duplicates, ...policies.problems.map((p) => problemAt(text ?? '', file, p.path, p.message))];
  if (problems.length > 0) return { ok: false, problems };
  if (config.policies) config.policies = policies.config;
  if (!config.environments) config.environments = [implicitEnvironment()];
  return { ok: true, config, source: text === undefined ? 'default' : 'file' };
}
