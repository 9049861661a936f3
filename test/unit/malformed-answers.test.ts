import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkErrorAnswer, checkRawAnswer, readWholeBody } from '../../src/gateway/answer-checks.ts';
import { MalformedAnswerError, classifyFailure, failureFacts, retryCause } from '../../src/gateway/errors.ts';
import { retryDelayMs } from '../../src/gateway/read-retry.ts';
import { toAuthEvent, toUser } from '../../src/gateway/sdk-shapes.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The detail of the MalformedAnswerError `work` throws. */
function detail(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof MalformedAnswerError, String(error));
    return error.detail;
  }
  assert.fail('nothing was thrown');
}

describe('checkRawAnswer', () => {
  it('accepts Cognito JSON and an empty body', () => {
    checkRawAnswer(bytes('{"Users":[{"Username":"a","UserCreateDate":1.7e9}],"PaginationToken":"t"}'), 'application/x-amz-json-1.1');
    checkRawAnswer(bytes(''), undefined);
  });

  it('names an HTML page, cut-off JSON and text that is not JSON', () => {
    assert.match(detail(() => checkRawAnswer(bytes('<html></html>'), 'text/html')), /HTML page/);
    assert.match(detail(() => checkRawAnswer(bytes('<!DOCTYPE html>'), 'application/json')), /HTML page/);
    assert.equal(detail(() => checkRawAnswer(bytes('{"Users":[{"Usern'), undefined)), 'the answer was cut off (incomplete JSON)');
    assert.equal(detail(() => checkRawAnswer(bytes('hello'), undefined)), 'the answer is not valid JSON');
    assert.match(detail(() => checkRawAnswer(bytes('[1,2]'), undefined)), /a list, not a JSON object/);
  });

  it('names the first null and the first date that is not epoch seconds', () => {
    assert.equal(detail(() => checkRawAnswer(bytes('{"Users":null}'), undefined)), 'Users is null');
    assert.equal(detail(() => checkRawAnswer(bytes('{"Users":[{"Attributes":null}]}'), undefined)), 'Attributes is null');
    assert.equal(detail(() => checkRawAnswer(bytes('{"AuthEvents":[{"CreationDate":"2024-05-01"}]}'), undefined)),
      'CreationDate is not a date (got a string)');
  });

  it('a 4xx that is not JSON is named as not Cognito\'s; a JSON one passes to the SDK', () => {
    assert.equal(detail(() => checkErrorAnswer(bytes('<html>Forbidden</html>'), 'text/html', 403)),
      'HTTP 403 with an HTML page, not Cognito\'s answer (a proxy or firewall in the way?)');
    assert.match(detail(() => checkErrorAnswer(bytes('Access denied'), 'text/plain', 400)), /^HTTP 400 with text that is not JSON/);
    checkErrorAnswer(bytes('{"__type":"NotAuthorizedException","message":"no"}'), 'application/x-amz-json-1.1', 400);
  });

  it('a tag whose key ends in "Date" is the customer\'s, not a timestamp', () => {
    checkRawAnswer(bytes('{"UserPool":{"CreationDate":1.7e9,"UserPoolTags":{"ReviewDate":"2025-01-01"}}}'), undefined);
  });

  it('an answer bigger than the cap is refused without holding it all', async () => {
    async function* huge() {
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 40; i++) yield chunk;
    }
    await assert.rejects(readWholeBody(huge()), (e: unknown) => e instanceof MalformedAnswerError && /larger than 32 MB/.test(e.detail));
  });
});

describe('shape checks name the field', () => {
  it('a number where text is declared', () => {
    assert.equal(detail(() => toUser({ Username: 5 as unknown as string })), 'Username is not text (got a number)');
  });

  it('a date that is not a Date, a list that is not a list, a flag that is not true/false', () => {
    assert.equal(detail(() => toAuthEvent({ CreationDate: 'yesterday' as unknown as Date })), 'CreationDate is not a date (got a string)');
    assert.equal(detail(() => toAuthEvent({ ChallengeResponses: {} as unknown as [] })), 'ChallengeResponses is not a list (got an object)');
    assert.equal(detail(() => toUser({ Enabled: 'yes' as unknown as boolean })), 'Enabled is not true or false (got a string)');
    assert.equal(detail(() => toUser({ Attributes: [{ Name: 'email', Value: 7 as unknown as string }] })), 'Attributes email is not text (got a number)');
  });

  it('a well-formed item maps as before', () => {
    const u = toUser({ Username: 'a', Enabled: false, UserCreateDate: new Date(1000), Attributes: [{ Name: 'email', Value: 'a@x' }] });
    assert.deepEqual([u.username, u.enabled, u.createdAt, u.attributes.email], ['a', false, 1000, 'a@x']);
  });
});

describe('classifying malformed answers and unknown errors', () => {
  const ctx = { operation: 'AdminListUserAuthEvents' };

  it('a MalformedAnswerError becomes one line naming the operation', () => {
    const e = classifyFailure(failureFacts(new MalformedAnswerError('CreationDate is not a date')), ctx);
    assert.deepEqual([e.kind, e.retryable, e.message], ['malformed', false, 'AdminListUserAuthEvents: CreationDate is not a date']);
    const cut = classifyFailure(failureFacts(new MalformedAnswerError('the answer was cut off (incomplete JSON)', true)), ctx);
    assert.deepEqual([cut.retryable, cut.message], [true, 'AdminListUserAuthEvents: the answer was cut off (incomplete JSON). Press r to retry.']);
  });

  it("the SDK's own deserialization errors are malformed too, without its internals", () => {
    const sdkError = Object.assign(new TypeError('Expected real number, got implicit NaN\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), { $metadata: { httpStatusCode: 200 } });
    const e = classifyFailure(failureFacts(sdkError), ctx);
    assert.equal(e.kind, 'malformed');
    assert.equal(e.message, 'AdminListUserAuthEvents: a number or date in the answer is not one');
    const syntax = classifyFailure(failureFacts(new SyntaxError('Unexpected token < in JSON\n  Deserialization error: …')), ctx);
    assert.equal(syntax.message, 'AdminListUserAuthEvents: the answer is not valid JSON');
  });

  it('an error name never seen gets a clear one-line message, and a raw TypeError shows no class name or stack', () => {
    const e = classifyFailure({ name: 'BrandNewException', message: 'Something new went wrong.\nsecond line' }, ctx);
    assert.deepEqual([e.kind, e.message], ['unknown', 'AdminListUserAuthEvents failed: BrandNewException: Something new went wrong.']);
    const t = classifyFailure(failureFacts(new TypeError("Cannot read properties of undefined (reading 'x')")), ctx);
    assert.equal(t.message, "AdminListUserAuthEvents failed: Cannot read properties of undefined (reading 'x')");
  });
});

describe('retry causes and backoff', () => {
  it('tells a throttle, a 5xx and a lost connection apart, and retries nothing else', () => {
    assert.equal(retryCause({ name: 'TooManyRequestsException' }), 'throttled');
    assert.equal(retryCause({ name: 'InternalErrorException', httpStatus: 500 }), 'server');
    assert.equal(retryCause({ name: 'Whatever', httpStatus: 503 }), 'server');
    assert.equal(retryCause({ name: 'TimeoutError', code: 'ECONNRESET' }), 'network');
    assert.equal(retryCause({ name: 'Error', message: 'socket hang up' }), 'network');
    assert.equal(retryCause({ name: 'MalformedAnswerError' }), undefined);
    assert.equal(retryCause({ name: 'AbortError' }), undefined);
    assert.equal(retryCause({ name: 'NotAuthorizedException', httpStatus: 400 }), undefined);
  });

  it('backs off exponentially with full jitter, throttles 5× longer, capped at 20 s', () => {
    assert.equal(retryDelayMs(1, 'server', 100, () => 0.999), 99);
    assert.equal(retryDelayMs(3, 'server', 100, () => 0.5), 200);
    assert.equal(retryDelayMs(1, 'throttled', 100, () => 0.5), 250);
    assert.equal(retryDelayMs(20, 'network', 100, () => 0.5), 10_000);
    assert.equal(retryDelayMs(2, 'network', 100, () => 0), 0);
  });
});
