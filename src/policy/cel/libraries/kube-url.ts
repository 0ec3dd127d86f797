// A URL parsed the way Go's url.ParseRequestURI does (Kubernetes' url()):
// an absolute URI or an absolute path; no fragment splitting.
export class KubeUrl {
  constructor(
    readonly scheme: string,
    readonly host: string,
    readonly path: string,
    readonly rawQuery: string,
    readonly opaque: string,
  ) {}

  /** Undefined when Go's ParseRequestURI would reject the text. */
  static parse(text: string): KubeUrl | undefined {
    if (text === '' || /[\x00-\x1f\x7f ]/.test(text)) return undefined;
    let rest = text;
    let scheme = '';
    const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
    if (schemeMatch?.[1]) {
      scheme = schemeMatch[1].toLowerCase();
      rest = rest.slice(schemeMatch[0].length);
    } else if (/^[^/?]*:/.test(rest)) return undefined;
    const queryAt = rest.indexOf('?');
    const rawQuery = queryAt >= 0 ? rest.slice(queryAt + 1) : '';
    if (queryAt >= 0) rest = rest.slice(0, queryAt);
    if (!rest.startsWith('/')) return scheme && rest ? new KubeUrl(scheme, '', '', rawQuery, rest) : undefined;
    let host = '';
    if (scheme && rest.startsWith('//')) {
      const end = rest.indexOf('/', 2);
      const authority = end >= 0 ? rest.slice(2, end) : rest.slice(2);
      rest = end >= 0 ? rest.slice(end) : '';
      host = authority.slice(authority.lastIndexOf('@') + 1);
      if (!validHost(host)) return undefined;
    }
    if (!validEscapes(rest) || !validEscapes(rawQuery)) return undefined;
    return new KubeUrl(scheme, host, rest, rawQuery, '');
  }

  hostname(): string {
    if (this.host.startsWith('[')) return this.host.slice(1, this.host.indexOf(']'));
    const colon = this.host.lastIndexOf(':');
    return colon >= 0 ? this.host.slice(0, colon) : this.host;
  }

  port(): string {
    const bracket = this.host.lastIndexOf(']');
    const colon = this.host.lastIndexOf(':');
    return colon > bracket ? this.host.slice(colon + 1) : '';
  }

  query(): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const pair of this.rawQuery.split('&')) {
      if (pair === '' || pair.includes(';')) continue;
      const eq = pair.indexOf('=');
      const key = unescapeQuery(eq >= 0 ? pair.slice(0, eq) : pair);
      const value = unescapeQuery(eq >= 0 ? pair.slice(eq + 1) : '');
      if (key === undefined || value === undefined) continue;
      result.set(key, [...(result.get(key) ?? []), value]);
    }
    return result;
  }

  celEquals(other: unknown): boolean {
    return other instanceof KubeUrl && other.toString() === this.toString();
  }

  toString(): string {
    if (this.opaque) return `${this.scheme}:${this.opaque}${this.rawQuery ? `?${this.rawQuery}` : ''}`;
    const authority = this.scheme ? `${this.scheme}://${this.host}` : '';
    return `${authority}${this.path}${this.rawQuery ? `?${this.rawQuery}` : ''}`;
  }
}

function validHost(host: string): boolean {
  if (host.startsWith('[')) return /^\[[0-9a-fA-F:.]+(%[^\]]+)?\](:\d*)?$/.test(host);
  return /^[^\s/?#[\]@]*(:\d*)?$/.test(host) && (host.match(/:/g)?.length ?? 0) <= 1;
}

function validEscapes(text: string): boolean {
  return !/%(?![0-9a-fA-F]{2})/.test(text);
}

function unescapeQuery(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return undefined;
  }
}
