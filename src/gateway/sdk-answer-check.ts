import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { checkErrorAnswer, checkRawAnswer, header, readWholeBody } from './answer-checks.ts';
import type { Page, User } from './types.ts';
import { readUserPage } from './user-page.ts';

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

/** The commands whose pages of users are read straight from the body, with the name of their next-page token. */
const USER_PAGE_TOKENS: Readonly<Record<string, string>> = { ListUsersCommand: 'PaginationToken', ListUsersInGroupCommand: 'NextToken' };

/** Where a page read from the body waits on the call's context, and then on its output. */
const USER_PAGE = Symbol('cognitoTuiUserPage');

/** What the SDK's deserializer is left to read once the page was read from the body. */
const EMPTY_OBJECT = new TextEncoder().encode('{}');

type WithUserPage = { [USER_PAGE]?: Page<User> };

/** The page of users read from a ListUsers / ListUsersInGroup answer's body, when it was (see checkAnswersOf). */
export function userPageOf(output: object): Page<User> | undefined {
  return (output as WithUserPage)[USER_PAGE];
}

/**
 * Adds a step to the client that reads every answer's body whole (bounded) before the SDK parses it, and checks a
 * successful one (checkRawAnswer) and a 4xx one (checkErrorAnswer): an HTML page, cut-off JSON, `null` or a date
 * that is not a number then fail with a MalformedAnswerError that names the problem, instead of the SDK's own
 * deserialization error. A 5xx is left to the SDK, so it stays a retryable server error whatever its body.
 * With `userPages`, a successful ListUsers / ListUsersInGroup answer is read into its page of users in the same
 * pass (readUserPage), the SDK's deserializer is handed `{}`, and the page is on the output (userPageOf).
 */
export function checkAnswersOf(client: CognitoIdentityProviderClient, userPages = true): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse;
      if (response && typeof response === 'object') {
        response.body = await readWholeBody(response.body);
        const status = response.statusCode ?? 0;
        if (response.body instanceof Uint8Array) {
          const type = header(response.headers, 'content-type');
          const tokenField = userPages ? USER_PAGE_TOKENS[context.commandName ?? ''] : undefined;
          if (status >= 200 && status < 300 && tokenField) {
            (context as WithUserPage)[USER_PAGE] = readUserPage(response.body, type, tokenField);
            response.body = EMPTY_OBJECT;
          } else if (status >= 200 && status < 300) checkRawAnswer(response.body, type);
          else if (status >= 400 && status < 500) checkErrorAnswer(response.body, type, status);
        }
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'cognitoTuiAnswerCheck', override: true },
  );
  if (!userPages) return;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const page = (context as WithUserPage)[USER_PAGE];
      if (page && result.output && typeof result.output === 'object') (result.output as WithUserPage)[USER_PAGE] = page;
      return result;
    },
    { step: 'initialize', priority: 'low', name: 'cognitoTuiUserPage', override: true },
  );
}
