// `kubegate policy`, step by step: flags -> policies -> manifests -> evaluate -> print.
import type { CliIo } from '../../cli/io.js';
import type { ManifestObject } from '../../core/types.js';
import { loadManifests } from '../../manifests/index.js';
import { collectSecretValues, maskMessages } from '../../pipeline/mask-secrets.js';
import { evaluatePolicies } from '../evaluate-policies.js';
import { loadPolicies } from '../load-policies.js';
import type { PolicyProblem } from '../types.js';
import { formatReport } from './format-report.js';
import { parsePolicyArgs, POLICY_USAGE } from './policy-args.js';
import { readInputs } from './read-inputs.js';
import { summarize } from './summarize.js';

function printProblems(io: CliIo, problems: readonly PolicyProblem[]): void {
  for (const p of problems) io.stderr(`${p.file}:${p.line}: ${p.message}\n`);
}

export async function runPolicyCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parsePolicyArgs(args);
  if (flags.help) {
    io.stdout(POLICY_USAGE);
    return 0;
  }
  const extra = await readInputs(flags.policyDirs, io.cwd, io.readStdin);
  const { policies, problems } = loadPolicies({
    builtin: flags.builtin,
    extra,
    ...(flags.kubernetesVersion ? { kubernetesVersion: flags.kubernetesVersion } : {}),
  });
  const head: ManifestObject[] = [];
  const loadErrors: PolicyProblem[] = [];
  for (const input of await readInputs(flags.paths, io.cwd, io.readStdin)) {
    const loaded = loadManifests(input.file, input.content);
    head.push(...loaded.objects);
    loadErrors.push(...loaded.errors);
  }
  // A messageExpression may quote a Secret's value (object.data.password, params.data...): never print it.
  const findings = maskMessages(evaluatePolicies({ policies, head, base: [] }), collectSecretValues(head));
  const objects = head.map((o) => ({ file: o.source.file, kind: o.kind, name: o.name, ...(o.namespace ? { namespace: o.namespace } : {}) }));
  io.stdout(formatReport(flags.output, { findings, summary: summarize(findings, head.length, policies), set: policies, objects }));
  printProblems(io, [...problems, ...loadErrors]);
  if (problems.length > 0 || loadErrors.length > 0) return 2;
  return findings.some((f) => f.action === 'Deny') ? 1 : 0;
}
