// Settings that cannot be used: the source and each problem, as one message
// an operator can act on.

export class SettingsError extends Error {
  readonly problems: readonly string[];

  constructor(source: string, problems: readonly string[], options?: { cause?: unknown }) {
    super(`kubegate app settings (${source}) are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`, options);
    this.name = 'SettingsError';
    this.problems = problems;
  }
}
