// What one command did, for the reply: a line of Markdown, and whether it worked.
export interface CommandResult {
  ok: boolean;
  text: string;
}

export function done(text: string): CommandResult {
  return { ok: true, text };
}

export function refused(text: string): CommandResult {
  return { ok: false, text };
}
