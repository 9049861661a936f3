/**
 * The role name of an IAM role ARN (`arn:aws:iam::123456789012:role/path/Admins` → `Admins`); anything that is not a
 * role ARN is answered as it is, so an unexpected value is still shown rather than hidden.
 */
export function roleName(arn: string | undefined): string {
  if (!arn) return '';
  const match = /^arn:[^:]+:iam::[^:]*:role\/(?:.*\/)?([^/]+)$/.exec(arn);
  return match ? match[1] : arn;
}
