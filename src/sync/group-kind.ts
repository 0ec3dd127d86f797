// "Kind.group" as the ApplySet annotation writes group-kinds ("Deployment.apps",
// "Secret" for the core group), and back.

export interface GroupKind {
  group: string;
  kind: string;
}

export function formatGroupKind({ group, kind }: GroupKind): string {
  return group === '' ? kind : `${kind}.${group}`;
}

export function parseGroupKind(text: string): GroupKind {
  const dot = text.indexOf('.');
  return dot < 0 ? { kind: text, group: '' } : { kind: text.slice(0, dot), group: text.slice(dot + 1) };
}

/** The annotation value: sorted, comma-separated, without repeats. */
export function joinSorted(values: Iterable<string>): string {
  return [...new Set(values)].filter((v) => v !== '').sort().join(',');
}

export function splitList(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(',').map((v) => v.trim()).filter((v) => v !== '');
}
