import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roleName } from '../../src/domain/iam-role.ts';

describe('roleName', () => {
  it('is the last part of a role ARN, with or without a path, in any partition', () => {
    assert.equal(roleName('arn:aws:iam::123456789012:role/AcmeSupport'), 'AcmeSupport');
    assert.equal(roleName('arn:aws:iam::123456789012:role/service-role/cognito/Admins'), 'Admins');
    assert.equal(roleName('arn:aws-cn:iam::123456789012:role/Ops'), 'Ops');
  });

  it('shows anything else as it is, and nothing for no role', () => {
    assert.equal(roleName('arn:aws:iam::123456789012:user/alice'), 'arn:aws:iam::123456789012:user/alice');
    assert.equal(roleName('AcmeSupport'), 'AcmeSupport');
    assert.equal(roleName('arn:aws:iam::123456789012:role/'), 'arn:aws:iam::123456789012:role/');
    assert.equal(roleName(undefined), '');
    assert.equal(roleName(''), '');
  });
});
