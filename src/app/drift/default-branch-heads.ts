// The default branch head of each repository, as far as this process heard
// (pushes, merges, the rebuild after a start): where kubegate/drift (ENV)
// goes. Webhooks may arrive out of order, so a commit already seen before the
// current head (as a head, or as a push's `before`) never moves it back.

export interface DefaultBranchHeads {
  /** The head, if one was heard of. */
  current(repository: string): string | undefined;
  /** `head` is the branch's head now (`before`: the one it replaced); true when the head moved. */
  advance(repository: string, head: string, before?: string): boolean;
}

/** Commits remembered per repository to spot a late delivery. */
const REMEMBERED = 100;

export function createDefaultBranchHeads(): DefaultBranchHeads {
  const seen = new Map<string, string[]>();
  return {
    current: (repository) => seen.get(repository)?.at(-1),
    advance(repository, head, before) {
      const history = seen.get(repository) ?? [];
      if (history.includes(head)) return false;
      if (before !== undefined && !history.includes(before)) history.push(before);
      history.push(head);
      seen.set(repository, history.slice(-REMEMBERED));
      return true;
    },
  };
}
