// Parses `git ls-tree -r -l -z --full-tree` output.

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'commit' | 'tree';
  object: string;
  /** Blob size in bytes; undefined for submodules. */
  size?: number;
  path: string;
}

export function parseLsTree(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.toString('utf8').split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = '', size = '-'] = record.slice(0, tab).trim().split(/\s+/);
    entries.push({
      mode,
      type: type as TreeEntry['type'],
      object,
      ...(size === '-' ? {} : { size: Number(size) }),
      path: record.slice(tab + 1),
    });
  }
  return entries;
}
