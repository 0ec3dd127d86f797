// Splits a line of shell into words, enough for kubeconform's bats files:
// single quotes, double quotes (with \" \\ \$ \` escapes), the '\'' idiom,
// and, per word, which characters were quoted (a quoted * is not a glob).

export interface Word {
  text: string;
  /** quoted[i]: whether text[i] came from inside quotes. */
  quoted: boolean[];
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t';
}

export function shellWords(line: string): Word[] {
  const words: Word[] = [];
  let text = '';
  let quoted: boolean[] = [];
  let inWord = false;
  const push = (c: string, q: boolean): void => {
    text += c;
    quoted.push(q);
    inWord = true;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (isBlank(c)) {
      if (inWord) words.push({ text, quoted });
      text = '';
      quoted = [];
      inWord = false;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unterminated ' in: ${line}`);
      for (const q of line.slice(i + 1, end)) push(q, true);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      for (i++; i < line.length && line[i] !== '"'; i++) {
        const d = line[i] ?? '';
        const next = line[i + 1] ?? '';
        if (d === '\\' && '"\\$`'.includes(next)) {
          push(next, true);
          i++;
        } else push(d, true);
      }
      if (i >= line.length) throw new Error(`unterminated " in: ${line}`);
    } else if (c === '\\' && i + 1 < line.length) {
      push(line[++i] ?? '', true);
    } else {
      push(c, false);
    }
  }
  if (inWord) words.push({ text, quoted });
  return words;
}

/** A bash [[ == ]] pattern: unquoted * and ? are wildcards, everything else literal. */
export function globToRegExp(word: Word): RegExp {
  let source = '';
  [...word.text].forEach((c, i) => {
    if (!word.quoted[i] && c === '*') source += '[\\s\\S]*';
    else if (!word.quoted[i] && c === '?') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  });
  return new RegExp(`^${source}$`);
}
