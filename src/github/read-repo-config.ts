// The repository's kubegate config, read from the DEFAULT branch only: a pull
// request cannot loosen the rules that judge it. A missing file is not an
// error (defaults apply); a file that is not a readable YAML file is.
import { DEFAULT_CONFIG_FILE } from '../config/default-repo-config.js';
import type { ConfigLoadResult } from '../config/types.js';
import type { GitHubPort } from './github-port.js';

export type LoadRepoConfig = (text: string | undefined, file?: string) => ConfigLoadResult;

export async function readRepoConfig(
  port: GitHubPort,
  defaultBranch: string,
  load: LoadRepoConfig,
  file = DEFAULT_CONFIG_FILE,
): Promise<ConfigLoadResult> {
  const found = await port.readFile(file, defaultBranch);
  if (found === undefined) return load(undefined, file);
  if (found.kind === 'file') return load(found.text, file);
  const message =
    found.kind === 'too-large'
      ? `is ${found.size} bytes, too large to be a config file`
      : `is a ${found.type} on branch ${defaultBranch}, not a YAML file`;
  return { ok: false, problems: [{ file, path: '', message: `${file} ${message}` }] };
}
