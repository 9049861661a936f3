import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure } from '../../src/gateway/errors.ts';

const logs = (operation: string) => ({ operation, region: 'eu-west-1', service: 'logs' });

describe('CloudWatch Logs failures in the gateway\'s terms', () => {
  it('access denied names the logs: IAM action, not a cognito-idp one', () => {
    const e = classifyFailure({ name: 'AccessDeniedException', message: 'not authorized' }, logs('GetQueryResults'));
    assert.equal(e.kind, 'permission');
    assert.equal(e.message, 'Not allowed to call GetQueryResults: add logs:GetQueryResults to your IAM policy. (not authorized)');
  });

  it('a malformed query says so with the service\'s words; the concurrency quota says to wait for a query', () => {
    const bad = classifyFailure({ name: 'MalformedQueryException', message: 'unexpected symbol found ( at line 1 and position 12' }, logs('StartQuery'));
    assert.deepEqual([bad.kind, bad.retryable, bad.message], ['invalid-input', false, 'The query is not valid Logs Insights: unexpected symbol found ( at line 1 and position 12']);
    const busy = classifyFailure({ name: 'LimitExceededException', message: 'Account maximum query concurrency limit of [30] reached.' }, logs('StartQuery'));
    assert.equal(busy.kind, 'throttled');
    assert.match(busy.message, /^Too many Logs Insights queries are running in this account \(Account maximum query concurrency limit of \[30\] reached\.\): wait for one to finish/);
  });

  it('a missing log group and a refused connection name the logs host', () => {
    assert.match(classifyFailure({ name: 'ResourceNotFoundException', message: 'Log group does not exist' }, logs('StartQuery')).message, /^Log group does not exist/);
    assert.match(classifyFailure({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, logs('StartQuery')).message, /logs\.eu-west-1\.amazonaws\.com refused the connection/);
  });
});
