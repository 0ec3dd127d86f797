// Reads kubeconform's bats acceptance tests into data: each @test becomes a
// list of steps (run a command, reset the cache folder, assert something
// about the last run). Lines this parser does not understand make the case
// "unsupported" rather than silently passing.
import { globToRegExp, shellWords, type Word } from './shell-words.js';

export type Assertion =
  | { kind: 'status'; expected: number }
  | { kind: 'output-equals'; expected: string }
  | { kind: 'line-equals'; index: number; expected: string }
  | { kind: 'output-matches'; pattern: RegExp }
  | { kind: 'line-matches'; index: number; pattern: RegExp }
  | { kind: 'line-count'; expected: number }
  | { kind: 'cache-files'; expected: number };

export type Step =
  | { type: 'run'; words: Word[]; raw: string }
  | { type: 'reset-cache' }
  | { type: 'assert'; raw: string; assertion: Assertion };

export interface BatsCase {
  file: string;
  name: string;
  steps: Step[];
  /** Lines the parser could not read. */
  unsupported: string[];
}

function subject(word: Word | undefined): { kind: 'status' } | { kind: 'output' } | { kind: 'line'; index: number } | undefined {
  const text = word?.text;
  if (text === '$status') return { kind: 'status' };
  if (text === '$output') return { kind: 'output' };
  const line = /^\$\{lines\[(\d+)\]\}$/.exec(text ?? '');
  return line ? { kind: 'line', index: Number(line[1]) } : undefined;
}

function parseAssertion(line: string): Assertion | undefined {
  const count = /^\[\[ `echo "\$output" \| wc -l` -eq (\d+) \]\]$/.exec(line);
  if (count) return { kind: 'line-count', expected: Number(count[1]) };
  const cache = /^\[ "`ls cache\/ \| wc -l`" -eq (\d+) \]$/.exec(line);
  if (cache) return { kind: 'cache-files', expected: Number(cache[1]) };
  const words = shellWords(line);
  const open = words[0]?.text;
  const close = words[words.length - 1]?.text;
  if (!((open === '[' && close === ']') || (open === '[[' && close === ']]')) || words.length !== 5) return undefined;
  const what = subject(words[1]);
  const operator = words[2]?.text;
  const value = words[3];
  if (!what || !value) return undefined;
  if (what.kind === 'status' && operator === '-eq') return { kind: 'status', expected: Number(value.text) };
  if (operator !== '=' && operator !== '==') return undefined;
  if (open === '[[') {
    const pattern = globToRegExp(value);
    if (what.kind === 'output') return { kind: 'output-matches', pattern };
    if (what.kind === 'line') return { kind: 'line-matches', index: what.index, pattern };
    return undefined;
  }
  if (what.kind === 'output') return { kind: 'output-equals', expected: value.text };
  if (what.kind === 'line') return { kind: 'line-equals', index: what.index, expected: value.text };
  return undefined;
}

function parseStep(line: string): Step | undefined {
  if (line === 'resetCacheFolder') return { type: 'reset-cache' };
  if (line.startsWith('run ')) return { type: 'run', words: shellWords(line.slice(4)), raw: line.slice(4) };
  const assertion = parseAssertion(line);
  return assertion ? { type: 'assert', raw: line, assertion } : undefined;
}

export function parseBats(file: string, text: string): BatsCase[] {
  const cases: BatsCase[] = [];
  let current: BatsCase | undefined;
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    const start = /^@test "(.*)" \{$/.exec(line);
    if (start) {
      current = { file, name: start[1] ?? '', steps: [], unsupported: [] };
      cases.push(current);
      continue;
    }
    if (!current) continue;
    if (line === '}') {
      current = undefined;
      continue;
    }
    if (line === '' || line.startsWith('#')) continue;
    const step = parseStep(line);
    if (step) current.steps.push(step);
    else current.unsupported.push(line);
  }
  return cases;
}
