// A fast reader for the block-style YAML that nearly every manifest is
// written in: nested mappings and sequences, one-line plain and quoted
// scalars, literal and folded block scalars, `{}` and `[]`. It is several
// times faster than js-yaml (parsing is most of what `kubegate validate`
// spends), and gives exactly js-yaml's result with KUBERNETES_YAML_SCHEMA's
// scalar rules. Anything else (flow collections, anchors, aliases, tags,
// multi-line plain or quoted scalars, escapes, duplicate or non-string keys,
// tabs, CR line ends, odd indentation) makes it give up: js-yaml then reads
// the document and reports its errors, so behaviour never depends on it.
import { isPlainString, plainScalarValue } from './yaml-schema.js';

/** Thrown when the text leaves the subset (not an Error: nothing to capture, and caught just below). */
const GIVE_UP = Symbol('not simple block YAML');

/** Characters other than these (tabs, CR, control characters, lone surrogates) leave the subset. */
const OUTSIDE_SUBSET = /[^\n\x20-\x7E\u00A0-\uD7FF\uE000-\uFFFD]/;
/** js-yaml refuses nesting deeper than 100; well below that, the reader leaves the decision to it. */
const MAX_DEPTH = 60;
/** YAML limits implicit keys to 1024 characters. */
const MAX_KEY_LENGTH = 1000;

const NEWLINE = 10;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const HASH = 35;
const SINGLE_QUOTE = 39;
const PLUS = 43;
const MINUS = 45;
const COLON = 58;
const GREATER = 62;
const OPEN_BRACKET = 91;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const PIPE = 124;

/** Characters a plain scalar cannot start with (YAML indicators); `-` may start one when no space follows. */
const INDICATORS = new Set([...'?:,[]{}#&*!|>\'"%@`'].map((c) => c.charCodeAt(0)));

type Mapping = Record<string, unknown>;

/** The end of the line, or of the text: `code` is NaN past the end. */
function isLineEnd(code: number): boolean {
  return code === NEWLINE || Number.isNaN(code);
}

function isSpaceOrLineEnd(code: number): boolean {
  return code === SPACE || isLineEnd(code);
}

class BlockReader {
  /** Start of the line being read. */
  private line = 0;
  private depth = 0;
  /** Where the value of the key readKey found starts (just after its colon). */
  private afterKey = 0;

  constructor(private readonly text: string) {}

  readDocument(): Mapping {
    this.skipDocumentStart();
    const indent = this.nextContent();
    if (indent === -1) throw GIVE_UP;
    const root = this.readMapping(indent, this.line + indent);
    if (this.nextContent() !== -1) throw GIVE_UP;
    return root;
  }

  /** Skips blank and comment lines and one `---` line (its chunk's start, see split-documents.ts). */
  private skipDocumentStart(): void {
    const { text } = this;
    for (;;) {
      let pos = this.line;
      while (text.charCodeAt(pos) === SPACE) pos++;
      const code = text.charCodeAt(pos);
      if (code === NEWLINE || code === HASH) {
        this.line = this.lineEnd(pos) + 1;
      } else if (pos === this.line && text.startsWith('---', pos) && isSpaceOrLineEnd(text.charCodeAt(pos + 3))) {
        this.line = this.lineEnd(this.expectLineEnd(pos + 3)) + 1;
        return;
      } else {
        return;
      }
    }
  }

  private lineEnd(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end === -1 ? this.text.length : end;
  }

  /** Moves to the next line with content (not blank, not a comment); returns its indent, -1 at the end. */
  private nextContent(): number {
    const { text } = this;
    while (this.line < text.length) {
      let pos = this.line;
      while (text.charCodeAt(pos) === SPACE) pos++;
      const code = text.charCodeAt(pos);
      if (code === NEWLINE || code === HASH || Number.isNaN(code)) {
        this.line = this.lineEnd(pos) + 1;
        continue;
      }
      // `---` and `...` at the start of a line end the document.
      if (pos === this.line && (text.startsWith('---', pos) || text.startsWith('...', pos))) throw GIVE_UP;
      return pos - this.line;
    }
    return -1;
  }

  /** After a value: only spaces, then a comment or the end of the line. Returns the position reached. */
  private expectLineEnd(from: number): number {
    let pos = from;
    while (this.text.charCodeAt(pos) === SPACE) pos++;
    const code = this.text.charCodeAt(pos);
    if (isLineEnd(code) || (code === HASH && pos > from)) return pos;
    throw GIVE_UP;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
  }

  private isSequenceEntry(pos: number): boolean {
    return this.text.charCodeAt(pos) === MINUS && isSpaceOrLineEnd(this.text.charCodeAt(pos + 1));
  }

  private startsPlain(pos: number): boolean {
    const code = this.text.charCodeAt(pos);
    if (code === MINUS) return !isSpaceOrLineEnd(this.text.charCodeAt(pos + 1));
    return !INDICATORS.has(code) && !isSpaceOrLineEnd(code);
  }

  /** A block mapping whose keys are in column `indent`; its first key starts at `keyStart`. */
  private readMapping(indent: number, keyStart: number): Mapping {
    this.enter();
    const mapping: Mapping = {};
    for (let pos = keyStart; ; pos = this.line + indent) {
      const key = this.readKey(pos);
      if (key === undefined || Object.prototype.hasOwnProperty.call(mapping, key)) throw GIVE_UP;
      mapping[key] = this.readValue(this.afterKey, indent, true);
      const next = this.nextContent();
      if (next > indent) throw GIVE_UP;
      if (next < indent) break;
    }
    this.depth--;
    return mapping;
  }

  /** A block sequence whose `-` are in column `indent`, starting on the current line. */
  private readSequence(indent: number): unknown[] {
    this.enter();
    const items: unknown[] = [];
    for (;;) {
      items.push(this.readValue(this.line + indent + 1, indent, false));
      const next = this.nextContent();
      if (next > indent) throw GIVE_UP;
      if (next < indent || !this.isSequenceEntry(this.line + indent)) break;
    }
    this.depth--;
    return items;
  }

  /** The key of a `key:` at `pos` (plain or quoted, string-valued), or undefined when there is none. */
  private readKey(pos: number): string | undefined {
    const { text } = this;
    const code = text.charCodeAt(pos);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const quoted = this.readQuoted(pos);
      if (text.charCodeAt(quoted.end) !== COLON) return undefined;
      if (!isSpaceOrLineEnd(text.charCodeAt(quoted.end + 1))) throw GIVE_UP;
      this.afterKey = quoted.end + 1;
      return quoted.value;
    }
    if (!this.startsPlain(pos)) return undefined;
    let end = pos;
    for (; ; end++) {
      const c = text.charCodeAt(end);
      if (isLineEnd(c) || (c === HASH && text.charCodeAt(end - 1) === SPACE)) return undefined;
      if (c === COLON && isSpaceOrLineEnd(text.charCodeAt(end + 1))) break;
    }
    const name = text.slice(pos, end);
    // Keys js-yaml would read as numbers, booleans, null or merges (`<<`) are left to it.
    if (text.charCodeAt(end - 1) === SPACE || name.length > MAX_KEY_LENGTH || name === '__proto__' || !isPlainString(name)) throw GIVE_UP;
    this.afterKey = end + 1;
    return name;
  }

  /** The value after a `key:` or `-` indicator at `from`, in a collection indented `indent`. */
  private readValue(from: number, indent: number, inMapping: boolean): unknown {
    const { text } = this;
    let pos = from;
    while (text.charCodeAt(pos) === SPACE) pos++;
    const code = text.charCodeAt(pos);
    if (isLineEnd(code) || code === HASH) {
      this.line = this.lineEnd(pos) + 1;
      return this.readNestedBlock(indent, inMapping);
    }
    if (!inMapping && this.readKey(pos) !== undefined) return this.readMapping(pos - this.line, pos);
    if (code === PIPE || code === GREATER) return this.readBlockScalar(pos, indent);
    let value: unknown;
    let end: number;
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE) {
      const quoted = this.readQuoted(pos);
      value = quoted.value;
      end = this.expectLineEnd(quoted.end);
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      // Only the empty `{}` and `[]`; other flow collections are js-yaml's.
      if (text.charCodeAt(pos + 1) !== code + 2) throw GIVE_UP;
      value = code === OPEN_BRACE ? {} : [];
      end = this.expectLineEnd(pos + 2);
    } else {
      end = this.lineEnd(pos);
      value = this.readPlain(pos, end);
    }
    this.line = this.lineEnd(end) + 1;
    return value;
  }

  /** A value on the lines after `key:` or `-`: a more indented collection, a sequence at a key's indent, or null. */
  private readNestedBlock(indent: number, inMapping: boolean): unknown {
    const next = this.nextContent();
    const pos = this.line + next;
    if (next > indent) return this.isSequenceEntry(pos) ? this.readSequence(next) : this.readMapping(next, pos);
    if (next === indent && inMapping && this.isSequenceEntry(pos)) return this.readSequence(next);
    return null;
  }

  /** A one-line plain scalar from `pos` to the line end `end` (a comment cut off, trailing spaces dropped). */
  private readPlain(pos: number, end: number): unknown {
    const { text } = this;
    if (!this.startsPlain(pos)) throw GIVE_UP;
    let last = pos;
    for (let i = pos; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === HASH && text.charCodeAt(i - 1) === SPACE) break;
      // `a: b: c` is an error and `a: b:` another mapping: js-yaml's to judge.
      if (c === COLON && isSpaceOrLineEnd(text.charCodeAt(i + 1))) throw GIVE_UP;
      if (c !== SPACE) last = i + 1;
    }
    return plainScalarValue(text.slice(pos, last));
  }

  /** A one-line quoted scalar without escapes (`''` in single quotes is one quote). */
  private readQuoted(pos: number): { value: string; end: number } {
    const { text } = this;
    const quote = text.charCodeAt(pos);
    let value = '';
    let from = pos + 1;
    for (let i = from; ; i++) {
      const c = text.charCodeAt(i);
      if (isLineEnd(c) || (c === BACKSLASH && quote === DOUBLE_QUOTE)) throw GIVE_UP;
      if (c !== quote) continue;
      if (quote === SINGLE_QUOTE && text.charCodeAt(i + 1) === SINGLE_QUOTE) {
        value += text.slice(from, i + 1);
        from = ++i + 1;
        continue;
      }
      return { value: value + text.slice(from, i), end: i + 1 };
    }
  }

  /**
   * A literal (`|`) or folded (`>`) block scalar, the value of a node in a
   * collection indented `indent`: js-yaml's readBlockScalar, line for line,
   * without explicit indentation indicators (left to js-yaml).
   */
  private readBlockScalar(pos: number, indent: number): string {
    const { text } = this;
    const folding = text.charCodeAt(pos) === GREATER;
    let chomping: 'clip' | 'strip' | 'keep' = 'clip';
    let header = pos + 1;
    const indicator = text.charCodeAt(header);
    if (indicator === PLUS || indicator === MINUS) {
      chomping = indicator === PLUS ? 'keep' : 'strip';
      header++;
    }
    let lineStart = this.lineEnd(this.expectLineEnd(header)) + 1;
    let textIndent = indent + 1;
    let detected = false;
    let didRead = false;
    let emptyLines = 0;
    let moreIndented = false;
    let result = '';
    for (;;) {
      let at = lineStart;
      let lineIndent = 0;
      while ((!detected || lineIndent < textIndent) && text.charCodeAt(at) === SPACE) {
        lineIndent++;
        at++;
      }
      if (!detected && lineIndent > textIndent) textIndent = lineIndent;
      const code = text.charCodeAt(at);
      if (code === NEWLINE) {
        emptyLines++;
        lineStart = at + 1;
        continue;
      }
      if (lineIndent < textIndent) {
        if (chomping === 'keep') result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
        else if (chomping === 'clip' && didRead) result += '\n';
        break;
      }
      if (!folding) {
        result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
      } else if (code === SPACE) {
        moreIndented = true;
        result += '\n'.repeat(didRead ? 1 + emptyLines : emptyLines);
      } else if (moreIndented) {
        moreIndented = false;
        result += '\n'.repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didRead) result += ' ';
      } else {
        result += '\n'.repeat(emptyLines);
      }
      didRead = true;
      detected = true;
      emptyLines = 0;
      const end = this.lineEnd(at);
      result += text.slice(at, end);
      lineStart = end + 1;
    }
    this.line = lineStart;
    return result;
  }
}

/**
 * The document `text` as js-yaml would read it with KUBERNETES_YAML_SCHEMA,
 * when it is a block mapping in the subset this reader knows; undefined
 * otherwise (js-yaml must read it).
 */
export function readBlockYaml(text: string): Record<string, unknown> | undefined {
  if (text.charCodeAt(0) === 0xfeff || OUTSIDE_SUBSET.test(text)) return undefined;
  try {
    // js-yaml reads a text as if it ended with a line break; so does the block scalar code above.
    return new BlockReader(text.endsWith('\n') ? text : `${text}\n`).readDocument();
  } catch (err: unknown) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
}
