/** A position inside a CEL expression (1-based line and column). */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

export function positionIn(source: string, offset: number): SourcePosition {
  const before = source.slice(0, offset);
  const lines = before.split('\n');
  return { offset, line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}
