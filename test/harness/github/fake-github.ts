// A fake GitHub REST API for tests. Every request to the API is matched to an
// operation of GitHub's OpenAPI description (method + path template) and
// checked: path and query parameters, the JSON request body, and the fake's
// own answer against the response schema. What does not check out is recorded
// as a problem, and assertDone() fails the test on any problem, any unexpected
// request and any route not used as declared.
//
// Two ways to reach it, one request handling behind both:
// - start(): nock 14 intercepts the API origin in this process;
// - listen(): a real HTTP server on 127.0.0.1, for code in another process
//   (the app as `npm start` runs it), laid out as GitHub Enterprise Server:
//   the API at http://127.0.0.1:PORT/api/v3, downloads on the same origin.
//
//   const github = new FakeGitHub().start();
//   github.on('POST /repos/{owner}/{repo}/check-runs', (req) => ({ status: 201, body: {...} }));
//   ... run the code under test ...
//   github.assertDone();
import nock from 'nock';
import { serveOnLoopback, type LoopbackRequest, type LoopbackServer, type WireReply } from './loopback-server.js';
import { isObject, loadDescription, type DescriptionName, type JsonObject, type OpenApiDocument } from './openapi-description.js';
import { findOperation, matchOperation, type MatchedOperation } from './openapi-operations.js';
import { operationValidator, type OperationValidator } from './openapi-validator.js';

export interface GitHubRequest {
  method: string;
  /** The path below the API base URL, without the query. */
  path: string;
  operationId: string;
  template: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

export interface GitHubReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (request: GitHubRequest) => GitHubReply | Promise<GitHubReply>;

export interface RouteOptions {
  /** Exactly this many calls (default: at least one). */
  times?: number;
  /** May be called any number of times, also never (for stateful fakes). */
  optional?: boolean;
  /** Only requests this accepts go to the route. */
  match?: (request: GitHubRequest) => boolean;
}

export interface FakeGitHubOptions {
  /** The API base URL; GitHub Enterprise Server: "https://ghe.example/api/v3". */
  baseUrl?: string;
  description?: DescriptionName;
  /** Check the fakes' answers against the response schemas (default true). */
  validateResponses?: boolean;
}

interface Route {
  label: string;
  operationId: string;
  handler: RouteHandler;
  options: RouteOptions;
  calls: number;
}

interface Download {
  url: string;
  calls: number;
  times: number;
  reply: () => GitHubReply;
}

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

/** Where GitHub Enterprise Server serves its API, and so where Probot's GHE_HOST points. */
const SERVED_API_PATH = '/api/v3';

export class FakeGitHub {
  /** Every API request, in order. */
  readonly requests: GitHubRequest[] = [];
  readonly problems: string[] = [];
  private readonly document: OpenApiDocument;
  private readonly validator: OperationValidator;
  private readonly validateResponses: boolean;
  private readonly routes: Route[] = [];
  private readonly downloads: Download[] = [];
  private readonly interceptors: nock.Interceptor[] = [];
  private readonly onNoMatch = (request: unknown): void => this.noMatch(request);
  private apiBaseUrl: string;
  private server: LoopbackServer | undefined;

  constructor(options: FakeGitHubOptions = {}) {
    this.apiBaseUrl = (options.baseUrl ?? 'https://api.github.com').replace(/\/$/, '');
    this.document = loadDescription(options.description);
    this.validator = operationValidator(this.document);
    this.validateResponses = options.validateResponses ?? true;
  }

  /** The API base URL; after listen(), the served one. */
  get baseUrl(): string {
    return this.apiBaseUrl;
  }

  get origin(): string {
    return new URL(this.baseUrl).origin;
  }

  private get basePath(): string {
    return new URL(this.baseUrl).pathname.replace(/\/$/, '');
  }

  /** Intercepts the API origin and listens for requests nothing intercepts. */
  start(): this {
    if (this.server) throw new Error('FakeGitHub: already listening on a port; use start() or listen(), not both');
    const basePath = this.basePath;
    const scope = nock(this.origin).persist();
    for (const method of METHODS) {
      const interceptor = scope.intercept((uri) => uri.startsWith(`${basePath}/`), method);
      this.interceptors.push(interceptor);
      const fake = this;
      interceptor.reply(async function (uri, body) {
        return nockReply(await fake.handle(method, uri.slice(basePath.length), body, this.req.headers));
      });
    }
    nock.emitter.on('no match', this.onNoMatch);
    return this;
  }

  stop(): void {
    nock.emitter.removeListener('no match', this.onNoMatch);
    for (const interceptor of this.interceptors) nock.removeInterceptor(interceptor);
  }

  /**
   * Serves the fake on a free port of 127.0.0.1 instead of intercepting, for
   * code in another process. Resolves with the API base URL
   * (http://127.0.0.1:PORT/api/v3, where GHE_HOST=127.0.0.1:PORT and
   * GHE_PROTOCOL=http point Probot). Register fakes after this: some build
   * URLs from the base URL. Requests outside the API go to download().
   */
  async listen(): Promise<string> {
    if (this.server || this.interceptors.length > 0) throw new Error('FakeGitHub: already started; use start() or listen(), not both');
    this.server = await serveOnLoopback((request) => this.serve(request));
    this.apiBaseUrl = `${this.server.origin}${SERVED_API_PATH}`;
    return this.baseUrl;
  }

  /** Stops the server of listen(). */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  /**
   * Answers an operation: "METHOD /path/{template}" as in GitHub's description,
   * or its operationId ("checks/create").
   */
  on(operation: string, handler: RouteHandler, options: RouteOptions = {}): this {
    const found = findOperation(this.document, operation);
    if (!found) throw new Error(`FakeGitHub: "${operation}" is not an operation of GitHub's REST API description`);
    this.routes.push({ label: operation, operationId: found.operationId, handler, options, calls: 0 });
    return this;
  }

  /**
   * A URL outside the API (e.g. codeload.github.com, where tarball downloads
   * redirect), fetched `times` times with any query. After listen(), it must
   * be on the served origin.
   */
  download(url: string, reply: () => GitHubReply, times = 1): this {
    const target = new URL(url);
    const record: Download = { url, calls: 0, times, reply };
    this.downloads.push(record);
    if (this.server) {
      if (target.origin !== this.origin) throw new Error(`FakeGitHub: listening on ${this.origin}, it cannot serve a download from ${target.origin}`);
      return this;
    }
    const interceptor = nock(target.origin).get(target.pathname).query(true).times(times);
    this.interceptors.push(interceptor);
    interceptor.reply(() => nockReply(answerDownload(record)));
    return this;
  }

  /** A fresh copy of an example from GitHub's description (components/examples), for realistic answers. */
  example(name: string): JsonObject {
    const example = this.document.components['examples']?.[name];
    const value = isObject(example) ? example['value'] : undefined;
    if (!isObject(value)) throw new Error(`FakeGitHub: GitHub's description has no example "${name}"`);
    return structuredClone(value);
  }

  /** The operationIds of the API requests so far, in order. */
  operations(options: { withAuth?: boolean } = {}): string[] {
    return this.requests
      .map((r) => r.operationId)
      .filter((id) => options.withAuth || id !== 'apps/create-installation-access-token');
  }

  /** The requests of one operation (operationId). */
  requestsOf(operationId: string): GitHubRequest[] {
    return this.requests.filter((r) => r.operationId === operationId);
  }

  /** Fails with every problem: invalid or unexpected requests, invalid answers, routes not used as declared. */
  assertDone(): void {
    const unused = this.routes
      .filter((r) => !r.options.optional && (r.options.times === undefined ? r.calls === 0 : r.calls !== r.options.times))
      .map((r) => `route ${r.label} was called ${r.calls} times, expected ${r.options.times ?? 'at least 1'}`);
    const downloads = this.downloads
      .filter((d) => d.calls !== d.times)
      .map((d) => `download ${d.url} was fetched ${d.calls} times, expected ${d.times}`);
    const all = [...this.problems, ...unused, ...downloads];
    if (all.length > 0) throw new Error(`FakeGitHub:\n- ${all.join('\n- ')}`);
  }

  /** A request to the server of listen(): the API, or else a download. */
  private async serve(request: LoopbackRequest): Promise<WireReply> {
    const { method, url } = request;
    const basePath = this.basePath;
    try {
      const reply = url.startsWith(`${basePath}/`)
        ? await this.handle(method, url.slice(basePath.length), request.body, request.headers)
        : this.serveDownload(method, url);
      return wireReply(reply);
    } catch (error: unknown) {
      this.problems.push(`${method} ${url}: the fake failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  private serveDownload(method: string, url: string): GitHubReply {
    const path = new URL(url, this.origin).pathname;
    const record = this.downloads.find((d) => method === 'GET' && new URL(d.url).pathname === path && d.calls < d.times);
    if (!record) {
      this.problems.push(`unexpected request ${method} ${this.origin}${path} (nothing serves it)`);
      return { status: 404, body: { message: 'Not Found (FakeGitHub: no download here)' } };
    }
    return answerDownload(record);
  }

  private async handle(method: string, uri: string, rawBody: unknown, headers: Record<string, string>): Promise<GitHubReply> {
    const url = new URL(uri, 'http://x');
    const label = `${method} ${url.pathname}`;
    const match = matchOperation(this.document, method, url.pathname);
    if (!match) {
      this.problems.push(`${label} is not an operation of GitHub's REST API`);
      return { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };
    }
    const request: GitHubRequest = {
      method,
      path: url.pathname,
      operationId: match.operationId,
      template: match.template,
      params: match.params,
      query: Object.fromEntries(url.searchParams),
      body: rawBody === '' ? undefined : rawBody,
      headers,
    };
    this.requests.push(request);
    const invalid = [
      ...this.validator.parameters(match, request.query),
      ...this.validator.requestBody(match, request.body),
    ];
    if (invalid.length > 0) {
      this.problems.push(...invalid.map((p) => `${label} (${match.operationId}): ${p}`));
      return validationFailed(invalid);
    }
    const route = this.routes.find(
      (r) =>
        r.operationId === match.operationId &&
        (r.options.times === undefined || r.calls < r.options.times) &&
        (r.options.match?.(request) ?? true),
    );
    if (!route) {
      this.problems.push(`unexpected request ${label} (${match.operationId})`);
      return { status: 404, body: { message: `Not Found (FakeGitHub: no route for ${match.operationId})` } };
    }
    route.calls += 1;
    const reply = await route.handler(request);
    this.checkReply(match, label, reply);
    return reply;
  }

  private checkReply(match: MatchedOperation, label: string, reply: GitHubReply): void {
    if (!this.validateResponses || Buffer.isBuffer(reply.body)) return;
    const body = reply.body === undefined ? undefined : reply.body;
    const problems = reply.status >= 400 && body === undefined ? [] : this.validator.response(match, reply.status, body);
    this.problems.push(...problems.map((p) => `the fake's answer to ${label} (${match.operationId}): ${p}`));
  }

  private noMatch(request: unknown): void {
    const described = describeUnmatched(request);
    if (described && !/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(described.host)) {
      this.problems.push(`unexpected request ${described.method} ${described.host}${described.path} (nothing intercepts it)`);
    }
  }
}

function validationFailed(problems: string[]): GitHubReply {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: problems.map((p) => ({ resource: 'FakeGitHub', code: 'invalid', message: p })),
      documentation_url: 'https://docs.github.com/rest',
    },
  };
}

function answerDownload(record: Download): GitHubReply {
  record.calls += 1;
  return record.reply();
}

/** The reply as bytes on the wire: JSON bodies serialized, with their content type. */
function wireReply(reply: GitHubReply): WireReply {
  return { status: reply.status, headers: withContentType(reply), body: toReplyBody(reply.body) };
}

function nockReply(reply: GitHubReply): [number, nock.ReplyBody, Record<string, string>] {
  const wire = wireReply(reply);
  return [wire.status, wire.body, wire.headers];
}

function toReplyBody(body: unknown): string | Buffer {
  if (body === undefined) return '';
  if (Buffer.isBuffer(body) || typeof body === 'string') return body;
  return JSON.stringify(body);
}

function withContentType(reply: GitHubReply): Record<string, string> {
  const headers = { ...reply.headers };
  const hasType = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  if (!hasType && reply.body !== undefined && !Buffer.isBuffer(reply.body)) {
    headers['content-type'] = 'application/json; charset=utf-8';
  }
  return headers;
}

/** nock's "no match" gives a ClientRequest or request options, depending on the client. */
function describeUnmatched(request: unknown): { method: string; host: string; path: string } | undefined {
  if (!isObject(request)) return undefined;
  const host = String(request['hostname'] ?? request['host'] ?? '').replace(/:(443|80)$/, '');
  const path = String(request['path'] ?? '');
  const method = String(request['method'] ?? 'GET');
  return host ? { method, host, path } : undefined;
}
