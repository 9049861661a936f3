import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as Sdk from '@aws-sdk/client-cognito-identity-provider';
import { MalformedAnswerError } from '../../src/gateway/errors.ts';
import { toAppClientDetail, toPoolDetail } from '../../src/gateway/sdk-pool-shapes.ts';

const untrusted = <T>(value: Record<string, unknown>): T => value as T;

describe('reading pool settings and app clients from untrusted answers', () => {
  it('takes each Lambda trigger\'s ARN, from a plain ARN or a versioned trigger\'s LambdaArn, and leaves out the KMS key', () => {
    const pool = toPoolDetail(untrusted<Sdk.UserPoolType>({
      LambdaConfig: {
        PreSignUp: 'arn:aws:lambda:eu-west-1:1:function:pre',
        PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: 'arn:aws:lambda:eu-west-1:1:function:token' },
        CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: 'arn:aws:lambda:eu-west-1:1:function:sms' },
        KMSKeyID: 'arn:aws:kms:eu-west-1:1:key/abc',
      },
    }), 'eu-west-1_X');
    assert.deepEqual(pool.lambdaTriggers, {
      PreSignUp: 'arn:aws:lambda:eu-west-1:1:function:pre',
      PreTokenGenerationConfig: 'arn:aws:lambda:eu-west-1:1:function:token',
      CustomSMSSender: 'arn:aws:lambda:eu-west-1:1:function:sms',
    });
    assert.equal(pool.id, 'eu-west-1_X');
    assert.deepEqual(pool.accountRecovery, []);
    assert.equal(pool.passwordPolicy, undefined);
    assert.equal(pool.smsConfigured, false);
  });

  it('drops the SMS ExternalId and names a field of the wrong type', () => {
    const pool = toPoolDetail(untrusted<Sdk.UserPoolType>({ SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::1:role/sms', ExternalId: 'ext-4242' } }), 'p');
    assert.deepEqual(pool.sms, { snsCallerArn: 'arn:aws:iam::1:role/sms', snsRegion: undefined });
    assert.ok(!JSON.stringify(pool).includes('ext-4242'));
    assert.throws(
      () => toPoolDetail(untrusted<Sdk.UserPoolType>({ Policies: { PasswordPolicy: { MinimumLength: '8' } } }), 'p'),
      (e: unknown) => e instanceof MalformedAnswerError && /MinimumLength/.test(e.message),
    );
    assert.throws(
      () => toPoolDetail(untrusted<Sdk.UserPoolType>({ AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 7 }] } }), 'p'),
      (e: unknown) => e instanceof MalformedAnswerError && /RecoveryMechanisms Name/.test(e.message),
    );
  });

  it('says whether a client has a secret without keeping it, and a malformed secret fails without showing its value', () => {
    const withSecret = toAppClientDetail(untrusted<Sdk.UserPoolClientType>({ ClientId: 'c', ClientName: 'n', ClientSecret: 's3cr3t-value' }));
    assert.equal(withSecret.hasSecret, true);
    assert.ok(!JSON.stringify(withSecret).includes('s3cr3t-value'));
    assert.equal(toAppClientDetail(untrusted<Sdk.UserPoolClientType>({ ClientId: 'c', ClientSecret: '' })).hasSecret, false);
    assert.deepEqual(toAppClientDetail(untrusted<Sdk.UserPoolClientType>({ IdTokenValidity: 5 })).idTokenValidity, { value: 5, unit: undefined });
    assert.throws(
      () => toAppClientDetail(untrusted<Sdk.UserPoolClientType>({ ClientSecret: 987654321 })),
      (e: unknown) => e instanceof MalformedAnswerError && /ClientSecret/.test(e.message) && !e.message.includes('987654321'),
    );
  });
});
