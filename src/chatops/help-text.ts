// The reply to /help and to a command kubegate does not know.
export function helpText(prefix: string, reason?: string): string {
  const p = prefix;
  return [
    ...(reason ? [`kubegate did not understand this: ${reason}.`, ''] : []),
    'kubegate commands (one per line, at the start of the line):',
    '',
    `- \`${p}validate\`: run kubegate/validate and kubegate/policy again for the pull request's head`,
    `- \`${p}diff [ENV]\`: run the cluster diff again (kubegate/diff (ENV))`,
    `- \`${p}sync [ENV]\`: merged pull request: retry the sync of its merge commit; open one: apply its head to ENV before merge where \`sync.allowPreMerge\` allows it`,
    `- \`${p}rollback ENV [SHA]\`: apply the previous (or the given) successful deployment of ENV again and open a revert pull request`,
    `- \`${p}help\`: this text`,
    '',
    'Who may run what is set in `chatops` of `.github/kubegate.yml` on the default branch (docs/chatops.md).',
  ].join('\n');
}
