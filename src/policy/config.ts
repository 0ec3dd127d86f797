// The `policies` section of .github/kubegate.yml (read from the default
// branch). parsePolicyConfig validates it at the boundary; the engine trusts it.
//
//   policies:
//     builtin: true                     # run the built-in pack (default true)
//     enable: [kubegate-disallow-privileged]   # optional: only these built-ins
//     disable: [kubegate-disallow-latest-tag]  # turn policies off by name
//     actions:                          # change a policy's action
//       kubegate-require-run-as-non-root: Warn
//     exempt:                           # skip objects (all given fields must match)
//       - policies: [kubegate-disallow-host-namespaces]   # default: every policy
//         namespaces: [kube-system, "monitoring-*"]
//         names: [node-exporter]
//         kinds: [DaemonSet]
//         selector: { matchLabels: { team: platform } }
//     directory: .kubegate/policies     # the repository's own policies
import type { Exemption, LabelSelector, ValidationAction } from './types.js';
import { readLabelSelector } from './load/read-label-selector.js';
import { asRecord, asStringList } from './load/read-fields.js';

export interface PolicyConfig {
  builtin: boolean;
  /** When set, only these built-in policies run. */
  enable?: string[];
  disable: string[];
  actions: Record<string, ValidationAction>;
  exempt: Exemption[];
  /** Repository directory (default branch) holding the repository's own policies. */
  directory?: string;
}

export const DEFAULT_POLICY_CONFIG: PolicyConfig = { builtin: true, disable: [], actions: {}, exempt: [] };

export interface PolicyConfigProblem {
  /** JSON-pointer-like path inside the config file, e.g. /policies/actions/foo. */
  path: string;
  message: string;
}

const ACTIONS = new Set(['Deny', 'Warn', 'Audit']);
const KEYS = new Set(['builtin', 'enable', 'disable', 'actions', 'exempt', 'directory']);
const EXEMPT_KEYS = new Set(['policies', 'namespaces', 'names', 'kinds', 'selector']);

function readActions(raw: unknown, problems: PolicyConfigProblem[]): Record<string, ValidationAction> {
  const out: Record<string, ValidationAction> = {};
  for (const [name, action] of Object.entries(asRecord(raw) ?? {})) {
    if (typeof action === 'string' && ACTIONS.has(action)) out[name] = action as ValidationAction;
    else problems.push({ path: `/policies/actions/${name}`, message: `must be Deny, Warn or Audit, got ${JSON.stringify(action)}` });
  }
  return out;
}

function readList(raw: unknown, path: string, problems: PolicyConfigProblem[]): string[] {
  const list = asStringList(raw);
  if (raw !== undefined && !list) problems.push({ path, message: 'must be a list of strings' });
  return list ?? [];
}

function readExemption(raw: unknown, index: number, problems: PolicyConfigProblem[]): Exemption | undefined {
  const path = `/policies/exempt/${index}`;
  const entry = asRecord(raw);
  if (!entry) {
    problems.push({ path, message: 'must be a mapping with policies, namespaces, names, kinds or selector' });
    return undefined;
  }
  for (const key of Object.keys(entry)) {
    if (!EXEMPT_KEYS.has(key)) problems.push({ path: `${path}/${key}`, message: `unknown field; use one of ${[...EXEMPT_KEYS].join(', ')}` });
  }
  let selector: LabelSelector | undefined;
  if (entry.selector !== undefined) {
    const read = readLabelSelector(entry.selector);
    if (typeof read === 'string') problems.push({ path: `${path}/selector`, message: read });
    else selector = read;
  }
  const exemption: Exemption = {
    policies: readList(entry.policies, `${path}/policies`, problems),
    namespaces: readList(entry.namespaces, `${path}/namespaces`, problems),
    names: readList(entry.names, `${path}/names`, problems),
    kinds: readList(entry.kinds, `${path}/kinds`, problems),
    ...(selector ? { selector } : {}),
  };
  const criteria = exemption.namespaces.length + exemption.names.length + exemption.kinds.length + (entry.selector !== undefined ? 1 : 0);
  if (criteria === 0) problems.push({ path, message: 'name at least one of namespaces, names, kinds or selector (to turn a policy off, use disable)' });
  return exemption;
}

/** Reads RepoConfig.policies (undefined means defaults). A parsed PolicyConfig reads back as itself. */
export function parsePolicyConfig(raw: unknown): { config: PolicyConfig; problems: PolicyConfigProblem[] } {
  const problems: PolicyConfigProblem[] = [];
  if (raw === undefined || raw === null) return { config: DEFAULT_POLICY_CONFIG, problems };
  const section = asRecord(raw);
  if (!section) return { config: DEFAULT_POLICY_CONFIG, problems: [{ path: '/policies', message: 'must be a mapping' }] };
  for (const key of Object.keys(section)) {
    if (!KEYS.has(key)) problems.push({ path: `/policies/${key}`, message: `unknown field; use one of ${[...KEYS].join(', ')}` });
  }
  if (section.builtin !== undefined && typeof section.builtin !== 'boolean') problems.push({ path: '/policies/builtin', message: 'must be true or false' });
  if (section.directory !== undefined && typeof section.directory !== 'string') problems.push({ path: '/policies/directory', message: 'must be a path relative to the repository root' });
  const exempt = Array.isArray(section.exempt) ? section.exempt : [];
  if (section.exempt !== undefined && !Array.isArray(section.exempt)) problems.push({ path: '/policies/exempt', message: 'must be a list' });
  const config: PolicyConfig = {
    builtin: section.builtin !== false,
    disable: readList(section.disable, '/policies/disable', problems),
    actions: readActions(section.actions, problems),
    exempt: exempt.map((e, i) => readExemption(e, i, problems)).filter((e): e is Exemption => e !== undefined),
    ...(section.enable !== undefined ? { enable: readList(section.enable, '/policies/enable', problems) } : {}),
    ...(typeof section.directory === 'string' ? { directory: section.directory.replace(/^\.?\/+|\/+$/g, '') } : {}),
  };
  return { config, problems };
}

/** The repository's own policy files: YAML/JSON files under config.directory, from a default-branch snapshot. */
export function repoPolicyFiles(
  config: PolicyConfig | Record<string, unknown> | undefined,
  files: Iterable<{ path: string; content?: Buffer | string }>,
): Array<{ file: string; content: Buffer | string }> {
  const dir = parsePolicyConfig(config).config.directory;
  if (dir === undefined) return [];
  const prefix = dir === '' ? '' : `${dir}/`;
  const out: Array<{ file: string; content: Buffer | string }> = [];
  for (const f of files) {
    if (f.content !== undefined && f.path.startsWith(prefix) && /\.(ya?ml|json)$/i.test(f.path)) out.push({ file: f.path, content: f.content });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
