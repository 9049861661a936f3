import { randomUUID } from 'node:crypto';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { HttpRequest } from '@smithy/core/protocols';
import { operation } from '@smithy/core/schema';
import type { FinalizeHandler, FinalizeHandlerArguments, HandlerExecutionContext, HttpRequest as HttpRequestParts, HttpResponse, HttpSigner, Identity, MetadataBearer } from '@smithy/types';
import { checkErrorAnswer, header, readWholeBody } from './answer-checks.ts';
import { MalformedAnswerError } from './errors.ts';
import type { Page, User } from './types.ts';
import { readUserPage } from './user-page.ts';

/** The operations whose pages can be sent without the SDK's middleware, with the name of their next-page token. */
const TOKEN_FIELDS = { ListUsers: 'PaginationToken', ListUsersInGroup: 'NextToken' } as const;

/** An operation a PageSender sends: ListUsers or ListUsersInGroup. */
export type PageOperation = keyof typeof TOKEN_FIELDS;

/** Headers the SDK makes anew for every request; the others of the first request are reused as they were. */
const PER_REQUEST_HEADERS: ReadonlySet<string> = new Set(['amz-sdk-invocation-id', 'content-length']);

/** What the SDK did to send the first request of an operation: where it went, its headers, how it signed it. */
interface Template {
  request: Omit<HttpRequestParts, 'body' | 'headers'>;
  headers: Record<string, string>;
  signer: HttpSigner;
  signingProperties: Record<string, unknown>;
  /** The handler context and operation schema the SDK reads an error answer with. */
  context: Record<string, unknown>;
  operationSchema: readonly unknown[];
}

/** The part of a handler context the capture reads. */
interface CapturedContext {
  commandName?: string;
  __smithy_context?: {
    operationSchema?: readonly unknown[];
    selectedHttpAuthScheme?: { httpAuthOption: { signingProperties?: Record<string, unknown> }; signer: HttpSigner };
  };
}

/**
 * Sends pages of users (ListUsers, ListUsersInGroup) as the SDK sent the first one, without its per-request
 * middleware: the same endpoint, headers and user agent, signed by the SDK's own signer with the client's
 * credential provider (refreshed as the SDK refreshes it) and clock-skew correction, through the client's own HTTP
 * handler (its connection pool and timeouts). The body is read whole (bounded) and into its page of users; an error
 * answer is checked as checkAnswersOf checks it and read by the SDK's own protocol, so it fails as the SDK fails.
 */
export interface PageSender {
  /** Whether the SDK has shown how to send `op` (it sent one already), so that `send` may be used. */
  ready(op: PageOperation): boolean;
  /** Sends one page request (`input` in the member order the SDK serializes) and reads its page of users. */
  send(op: PageOperation, input: Record<string, unknown>, abortSignal: AbortSignal): Promise<Page<User>>;
}

function isPageOperation(name: string): name is PageOperation {
  return name === 'ListUsers' || name === 'ListUsersInGroup';
}

/**
 * A PageSender for `client`: adds a step that notes, the first time the SDK sends each page operation, how it sent
 * it (just before signing). Only with the SDK's standard retry strategy: an adaptive one's client-side rate limiter stays.
 */
export function pageSenderOf(client: CognitoIdentityProviderClient): PageSender {
  const templates = new Map<PageOperation, Template>();
  const config = client.config as unknown as Record<string, unknown> & {
    requestHandler: { handle(request: HttpRequest, options: { abortSignal: AbortSignal }): Promise<{ response: HttpResponse }> };
    retryStrategy: () => Promise<{ mode?: string }>;
    credentials: () => Promise<Identity>;
    protocol: { deserializeResponse(schema: unknown, context: unknown, response: HttpResponse): Promise<unknown> };
  };
  let standard: boolean | undefined;
  client.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<object, MetadataBearer>, context: HandlerExecutionContext) => async (args: FinalizeHandlerArguments<object>) => {
      const op = (context as CapturedContext).commandName?.replace(/Command$/, '') ?? '';
      if (isPageOperation(op) && !templates.has(op) && HttpRequest.isInstance(args.request)) {
        standard ??= (await config.retryStrategy()).mode === 'standard';
        const template = standard ? templateOf(args.request, context as CapturedContext) : undefined;
        if (template) templates.set(op, template);
      }
      return next(args);
    },
    { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'cognitoTuiPageTemplate', override: true },
  );

  async function send(op: PageOperation, input: Record<string, unknown>, abortSignal: AbortSignal): Promise<Page<User>> {
    const t = templates.get(op);
    if (!t) throw new Error(`${op} has not been sent through the SDK yet`);
    const body = Buffer.from(JSON.stringify(input));
    const request = new HttpRequest({
      ...t.request,
      headers: { ...t.headers, 'content-length': String(body.byteLength), 'amz-sdk-invocation-id': randomUUID() },
      body,
    });
    const props = { ...t.signingProperties };
    const signed = await t.signer.sign(request, await config.credentials(), props);
    try {
      const { response } = await config.requestHandler.handle(signed as HttpRequest, { abortSignal });
      const bytes = await readWholeBody(response.body);
      response.body = bytes;
      const status = response.statusCode;
      const type = header(response.headers, 'content-type');
      if (status >= 200 && status < 300) {
        if (!(bytes instanceof Uint8Array)) throw new MalformedAnswerError('the answer has no body');
        const page = readUserPage(bytes, type, TOKEN_FIELDS[op]);
        t.signer.successHandler?.(response, props);
        return page;
      }
      if (status >= 400 && status < 500 && bytes instanceof Uint8Array) checkErrorAnswer(bytes, type, status);
      throw await errorOf(t, response);
    } catch (error) {
      if (!t.signer.errorHandler) throw error;
      return t.signer.errorHandler(props)(error as Error);
    }
  }

  /** The error the SDK's deserializer makes of an error answer (its protocol, decorated as its middleware does). */
  async function errorOf(t: Template, response: HttpResponse): Promise<unknown> {
    const [, ns, n, traits, i, o] = t.operationSchema as [unknown, string, string, never, never, never];
    try {
      await config.protocol.deserializeResponse(operation(ns, n, traits, i, o), { ...config, ...t.context }, response);
      return new Error(`HTTP ${response.statusCode} was read as a success`);
    } catch (error) {
      return decorated(error, response);
    }
  }

  return { ready: (op) => templates.has(op), send };
}

function templateOf(request: HttpRequest, context: CapturedContext): Template | undefined {
  const smithy = context.__smithy_context;
  const scheme = smithy?.selectedHttpAuthScheme;
  if (!scheme || !smithy?.operationSchema) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) if (!PER_REQUEST_HEADERS.has(name.toLowerCase())) headers[name] = value;
  const { protocol, hostname, port, path, query, method, username, password, fragment } = request;
  return {
    request: { protocol, hostname, port, path, query: { ...query }, method, username, password, fragment },
    headers,
    signer: scheme.signer,
    signingProperties: withSignerOnce({ ...scheme.httpAuthOption.signingProperties }),
    context: context as Record<string, unknown>,
    operationSchema: smithy.operationSchema,
  };
}

/** The client config the SDK's signer reads: builds the request signer, reads and corrects the clock offset. */
type SigningConfig = { signer?: (authScheme?: unknown) => Promise<unknown>; systemClockOffset?: number };

/**
 * The signing properties with the client's config as the SDK's signer sees it, except that the SignatureV4 it builds
 * from the config (the same for every request of the client) is built once rather than per request; the clock
 * offset reads and writes through to the client's config.
 */
function withSignerOnce(props: Record<string, unknown>): Record<string, unknown> {
  const config = props.config as SigningConfig | undefined;
  const build = config?.signer;
  if (!config || typeof build !== 'function') return props;
  let built: Promise<unknown> | undefined;
  const signer = (authScheme?: unknown) => (built ??= build(authScheme).catch((error: unknown) => {
    built = undefined;
    throw error;
  }));
  const systemClockOffset = {
    get: () => config.systemClockOffset,
    set: (value: number) => { config.systemClockOffset = value; },
  };
  return { ...props, config: Object.create(config, { signer: { value: signer }, systemClockOffset }) };
}

const REQUEST_ID_HEADER = /^x-[\w-]+-request-?id$/;

/** As the SDK's deserialization step leaves an error: the raw answer on `$response`, `$metadata` when it had none. */
function decorated(error: unknown, response: HttpResponse): unknown {
  if (typeof error !== 'object' || error === null) return error;
  Object.defineProperty(error, '$response', { value: response, enumerable: false, writable: false, configurable: false });
  if (!('$metadata' in error)) {
    const e = error as { message?: string; $metadata?: unknown };
    e.message += '\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.';
    const requestId = Object.entries(response.headers).find(([k]) => REQUEST_ID_HEADER.test(k))?.[1];
    e.$metadata = { httpStatusCode: response.statusCode, requestId };
  }
  return error;
}
