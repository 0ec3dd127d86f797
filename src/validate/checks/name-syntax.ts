// The name syntaxes of k8s.io/apimachinery/pkg/util/validation, each with
// the sentence a user needs to fix a bad name.

export type NameSyntax = 'dns1123-subdomain' | 'dns1123-label' | 'dns1035-label' | 'path-segment';

const LABEL_1123 = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN_1123 = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_1035 = /^[a-z](?:[-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(?:(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const EXPLAIN: Readonly<Record<NameSyntax, string>> = {
  'dns1123-subdomain':
    "must be a lowercase RFC 1123 subdomain: at most 253 characters of lowercase letters, digits, '-' and '.', starting and ending with a letter or digit (e.g. 'my-name' or 'example.com')",
  'dns1123-label':
    "must be a lowercase RFC 1123 label: at most 63 characters of lowercase letters, digits and '-', starting and ending with a letter or digit (e.g. 'my-name' or '123-abc')",
  'dns1035-label':
    "must be an RFC 1035 label: at most 63 characters of lowercase letters, digits and '-', starting with a letter and ending with a letter or digit (e.g. 'my-name' or 'abc-123')",
  'path-segment': "must not be '.' or '..' and must not contain '/' or '%'",
};

function matches(syntax: NameSyntax, name: string): boolean {
  switch (syntax) {
    case 'dns1123-subdomain':
      return name.length <= 253 && SUBDOMAIN_1123.test(name);
    case 'dns1123-label':
      return name.length <= 63 && LABEL_1123.test(name);
    case 'dns1035-label':
      return name.length <= 63 && LABEL_1035.test(name);
    case 'path-segment':
      return name !== '.' && name !== '..' && !name.includes('/') && !name.includes('%');
  }
}

/** Why `name` is not valid in `syntax`, or undefined when it is. */
export function nameProblem(syntax: NameSyntax, name: string): string | undefined {
  return matches(syntax, name) ? undefined : EXPLAIN[syntax];
}

/** Label keys and annotation keys: [prefix/]name, the prefix a DNS subdomain. */
export function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  if (slash !== -1 && key.indexOf('/', slash + 1) !== -1) return "must be 'name' or 'prefix/name' (one '/' at most)";
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (slash !== -1) {
    const prefix = key.slice(0, slash);
    if (prefix === '') return "has an empty prefix before '/'";
    if (prefix.length > 253 || !SUBDOMAIN_1123.test(prefix)) return `has a prefix ('${prefix}') that ${EXPLAIN['dns1123-subdomain']}`;
  }
  if (name === '') return 'has an empty name part';
  if (name.length > 63) return `has a name part of ${name.length} characters; at most 63 are allowed`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    return "has a name part that must consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. 'MyName', 'my.name' or '123-abc')";
  }
  return undefined;
}

export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63) return `is ${value.length} characters long; label values have at most 63`;
  if (!LABEL_VALUE.test(value)) {
    return "must be empty or consist of letters, digits, '-', '_' or '.', starting and ending with a letter or digit (e.g. 'MyValue', 'my_value' or '12345')";
  }
  return undefined;
}
