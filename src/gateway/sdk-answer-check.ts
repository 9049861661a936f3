import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { checkErrorAnswer, checkRawAnswer, readWholeBody } from './answer-checks.ts';

interface RawResponse {
  statusCode?: number;
  headers?: Record<string, string | undefined>;
  body?: unknown;
}

function header(headers: RawResponse['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}

/**
 * Adds a step to the client that reads every answer's body whole (bounded) before the SDK parses it, and checks a
 * successful one (checkRawAnswer) and a 4xx one (checkErrorAnswer): an HTML page, cut-off JSON, `null` or a date
 * that is not a number then fail with a MalformedAnswerError that names the problem, instead of the SDK's own
 * deserialization error. A 5xx is left to the SDK, so it stays a retryable server error whatever its body.
 */
export function checkAnswersOf(client: CognitoIdentityProviderClient): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as RawResponse;
      if (response && typeof response === 'object') {
        response.body = await readWholeBody(response.body);
        const status = response.statusCode ?? 0;
        if (response.body instanceof Uint8Array) {
          const type = header(response.headers, 'content-type');
          if (status >= 200 && status < 300) checkRawAnswer(response.body, type);
          else if (status >= 400 && status < 500) checkErrorAnswer(response.body, type, status);
        }
      }
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'cognitoTuiAnswerCheck', override: true },
  );
}
