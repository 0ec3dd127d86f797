// Finds the OpenAPI operation for a request's method and path by path
// template ("/repos/{owner}/{repo}/check-runs/{check_run_id}"). When several
// templates match, the one with the most literal segments wins
// (".../issues/comments" before ".../issues/{issue_number}").
import { isObject, type OpenApiDocument, type OpenApiOperation } from './openapi-description.js';

export interface MatchedOperation {
  method: string;
  template: string;
  operationId: string;
  operation: OpenApiOperation;
  /** Path parameters, URL-decoded. */
  params: Record<string, string>;
}

interface IndexedOperation {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literals: number;
  operation: OpenApiOperation;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];
const indexes = new WeakMap<OpenApiDocument, IndexedOperation[]>();

export function matchOperation(document: OpenApiDocument, method: string, path: string): MatchedOperation | undefined {
  const wanted = method.toLowerCase();
  for (const entry of operationIndex(document)) {
    if (entry.method !== wanted) continue;
    const m = entry.pattern.exec(path);
    if (!m) continue;
    const params: Record<string, string> = {};
    entry.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1] ?? '');
    });
    return { method: wanted, template: entry.template, operationId: entry.operation.operationId, operation: entry.operation, params };
  }
  return undefined;
}

/** "POST /repos/{owner}/{repo}/check-runs" or an operationId ("checks/create") -> its operation. */
export function findOperation(document: OpenApiDocument, key: string): Omit<MatchedOperation, 'params'> | undefined {
  const [method, template] = key.includes(' ') ? key.split(' ', 2) : [undefined, undefined];
  for (const entry of operationIndex(document)) {
    const hit = method
      ? entry.method === method.toLowerCase() && entry.template === template
      : entry.operation.operationId === key;
    if (hit) return { method: entry.method, template: entry.template, operationId: entry.operation.operationId, operation: entry.operation };
  }
  return undefined;
}

function operationIndex(document: OpenApiDocument): IndexedOperation[] {
  let index = indexes.get(document);
  if (index) return index;
  index = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation) || typeof operation['operationId'] !== 'string') continue;
      const names: string[] = [];
      const source = template
        .split(/(\{[^}]+\})/)
        .map((part) => {
          const name = /^\{([^}]+)\}$/.exec(part)?.[1];
          if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(name);
          return '([^/]+)';
        })
        .join('');
      index.push({
        method,
        template,
        pattern: new RegExp(`^${source}$`),
        names,
        literals: template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
        operation: operation as OpenApiOperation,
      });
    }
  }
  index.sort((a, b) => b.literals - a.literals);
  indexes.set(document, index);
  return index;
}
