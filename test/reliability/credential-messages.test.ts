import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyFailure } from '../../src/gateway/errors.ts';

const ctx = { operation: 'ListUserPools', region: 'us-east-1', profile: 'oncall' };

describe('credential failures as the SDK words them get a next step', () => {
  const cases: [string, string, RegExp][] = [
    ['an SSO token that cannot be refreshed', "Value not present for 'clientId' in SSO Token. Cannot refresh. To refresh this SSO session run 'aws sso login' with the corresponding profile.", /SSO session has expired\. Run: aws sso login --profile oncall/],
    ['an SSO session never started', "The SSO session token associated with profile=oncall was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile.", /No SSO session for this profile yet.*aws sso login --profile oncall/],
    ['an invalid legacy SSO session', 'The SSO session associated with this profile is invalid. To refresh this SSO session run aws sso login with the corresponding profile.', /aws sso login --profile oncall/],
    ['nothing in the chain', 'Could not load credentials from any providers', /No usable AWS credentials for profile "oncall"/],
  ];
  for (const [what, message, expected] of cases) {
    it(what, () => {
      const error = classifyFailure({ name: 'CredentialsProviderError', message }, ctx);
      assert.match(error.message, expected);
      assert.equal(error.retryable, false);
      assert.doesNotMatch(error.message, /\n\s+at /);
    });
  }
});
