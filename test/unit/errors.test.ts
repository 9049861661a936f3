import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure, classifyWriteFailure, failureFacts, type GatewayErrorKind } from '../../src/gateway/errors.ts';

const ctx = { operation: 'ListUsers', region: 'eu-west-1', profile: 'prod' };

describe('classifyFailure', () => {
  const cases: [Parameters<typeof classifyFailure>[0], GatewayErrorKind, boolean, RegExp][] = [
    [{ name: 'AccessDeniedException', message: 'User: arn:x is not authorized to perform: cognito-idp:ListUsers' }, 'permission', false, /cognito-idp:ListUsers/],
    [{ name: 'NotAuthorizedException', message: 'nope' }, 'permission', false, /add cognito-idp:ListUsers to your IAM policy/],
    [{ name: 'UserPoolAddOnNotEnabledException' }, 'threat-protection-off', false, /threat protection.*Plus tier/],
    [{ name: 'TooManyRequestsException', message: 'Rate exceeded' }, 'throttled', true, /throttled/],
    [{ name: 'UserNotFoundException' }, 'not-found', false, /No such user/],
    [{ name: 'ResourceNotFoundException', message: 'User pool x does not exist.' }, 'not-found', false, /does not exist.*region \(eu-west-1\)/],
    [{ name: 'InvalidParameterException', message: 'Invalid search filter' }, 'invalid-input', false, /Invalid search filter/],
    [{ name: 'InternalErrorException' }, 'server', true, /internal error/],
    [{ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, 'credentials', false, /No usable AWS credentials for profile "prod"/],
    [{ name: 'CredentialsProviderError', message: 'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login' }, 'sso-expired', false, /aws sso login --profile prod/],
    [{ name: 'TokenProviderError', message: 'SSO token expired' }, 'sso-expired', false, /aws sso login --profile prod/],
    [{ name: 'ExpiredTokenException' }, 'sso-expired', false, /expired/],
    [{ name: 'UnrecognizedClientException' }, 'credentials', false, /rejected the credentials/],
    [{ name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }, 'network', true, /refused the connection/],
    [{ name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, 'network', true, /Cannot resolve.*region/],
    [{ name: 'TimeoutError', message: 'socket timed out' }, 'network', true, /Lost the connection/],
    [{ name: 'Error', message: 'Region is missing' }, 'invalid-input', false, /No AWS region for profile "prod".*--region/],
    [{ name: 'Weird', message: 'something' }, 'unknown', false, /ListUsers failed: Weird: something/],
  ];
  for (const [facts, kind, retryable, message] of cases) {
    it(`${facts.name}${facts.code ? `/${facts.code}` : ''} → ${kind}`, () => {
      const e = classifyFailure(facts, ctx);
      assert.equal(e.kind, kind);
      assert.equal(e.retryable, retryable);
      assert.match(e.message, message);
      assert.equal(e.operation, 'ListUsers');
    });
  }
  it('reads the network code from a nested cause', () => {
    const err = Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    assert.equal(failureFacts(err).code, 'ECONNREFUSED');
  });
});

describe('classifyFailure without a profile', () => {
  it('points at the ways to get credentials, and at --demo', () => {
    const e = classifyFailure({ name: 'CredentialsProviderError', message: 'Could not load credentials from any providers' }, { operation: 'ListUserPools' });
    assert.equal(e.kind, 'credentials');
    assert.match(e.message, /No AWS credentials found.*--demo/);
  });
  it('asks for a region', () => {
    assert.match(classifyFailure({ message: 'Region is missing' }, { operation: 'ListUserPools' }).message, /pass --region/);
  });
});

describe('classifyWriteFailure: a write that may have reached the server has an unknown outcome', () => {
  const write = { operation: 'AdminDisableUser', endpoint: 'http://127.0.0.1:9229' };
  const unknown: [string, Parameters<typeof classifyWriteFailure>[0], RegExp][] = [
    ['a reset', { name: 'Error', code: 'ECONNRESET', message: 'read ECONNRESET' }, /\(ECONNRESET\)/],
    ['a hang-up', { name: 'Error', message: 'socket hang up' }, /\(socket hang up\)/],
    ['a broken pipe', { name: 'Error', code: 'EPIPE', message: 'write EPIPE' }, /\(EPIPE\)/],
    ['a timeout once connected', { name: 'TimeoutError', message: 'Request timed out' }, /\(TimeoutError\)/],
  ];
  for (const [what, facts, how] of unknown) {
    it(`${what} → outcome-unknown, not retryable, "read it back"`, () => {
      const e = classifyWriteFailure(facts, write);
      assert.deepEqual([e.kind, e.retryable, e.operation], ['outcome-unknown', false, 'AdminDisableUser']);
      assert.match(e.message, /^The connection to http:\/\/127\.0\.0\.1:9229 was lost after AdminDisableUser was sent /);
      assert.match(e.message, how);
      assert.match(e.message, /the outcome is UNKNOWN .* Read it back before sending it again\.$/);
    });
  }
  const neverSent: [string, Parameters<typeof classifyWriteFailure>[0], GatewayErrorKind][] = [
    ['a refused connection', { name: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'network'],
    ['an unknown host', { name: 'Error', code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND' }, 'network'],
    ['a connect timeout', { name: 'TimeoutError', message: '@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 4000 ms.' }, 'network'],
    ['a connect timeout (older SDK wording)', { name: 'TimeoutError', message: 'Socket timed out without establishing a connection within 4000 ms' }, 'network'],
    ['a server error', { name: 'InternalErrorException', httpStatus: 500 }, 'server'],
    ['a throttle', { name: 'TooManyRequestsException' }, 'throttled'],
    ['a refusal', { name: 'NotAuthorizedException', message: 'no' }, 'permission'],
  ];
  for (const [what, facts, kind] of neverSent) {
    it(`${what} → ${kind}, as for any call`, () => {
      assert.equal(classifyWriteFailure(facts, write).kind, kind);
    });
  }
});
