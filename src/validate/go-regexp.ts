// Schema `pattern`s written for Kubernetes follow Go's RE2 syntax. Most are
// valid JavaScript too; the common differences are translated, and a pattern
// JavaScript cannot compile at all is not enforced (better than refusing the
// whole schema, which is what a compile error would do).

export interface RegExpLike {
  test(input: string): boolean;
}

const ACCEPT_ALL: RegExpLike = { test: () => true };

function translate(pattern: string): { source: string; flags: string } {
  let source = pattern;
  let flags = '';
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline?.[1]) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]) if (flag !== 'U' && !flags.includes(flag)) flags += flag;
  }
  source = source.replace(/\\A/g, '^').replace(/\\z/g, '$');
  return { source, flags };
}

/** Ajv's `code.regExp` engine: Go-flavoured patterns compiled as JavaScript. */
export function goRegExp(pattern: string, ajvFlags: string): RegExpLike {
  const { source, flags } = translate(pattern);
  for (const candidate of [ajvFlags + flags, flags]) {
    try {
      return new RegExp(source, candidate);
    } catch {
      // try the next flag set
    }
  }
  return ACCEPT_ALL;
}
goRegExp.code = 'goRegExp';
