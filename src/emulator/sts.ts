import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The identity the emulator says every caller is. */
export const EMULATOR_CALLER = { arn: 'arn:aws:iam::123456789012:user/demo-oncall', account: '123456789012', userId: 'AIDAEMULATORDEMO0001' };

/**
 * Answers `sts:GetCallerIdentity` as STS does (awsQuery: a form-encoded POST, an XML answer), so the journal can name
 * who acted; true when the request was that call. Any other form-encoded request is left to the Cognito server.
 */
export function answerSts(req: IncomingMessage, res: ServerResponse, raw: string): boolean {
  const type = String(req.headers['content-type'] ?? '');
  if (req.headers['x-amz-target'] !== undefined || !type.startsWith('application/x-www-form-urlencoded')) return false;
  if (new URLSearchParams(raw).get('Action') !== 'GetCallerIdentity') return false;
  const requestId = randomUUID();
  const xml = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${EMULATOR_CALLER.arn}</Arn>
    <UserId>${EMULATOR_CALLER.userId}</UserId>
    <Account>${EMULATOR_CALLER.account}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata>
    <RequestId>${requestId}</RequestId>
  </ResponseMetadata>
</GetCallerIdentityResponse>
`;
  res.writeHead(200, { 'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(xml), 'x-amzn-RequestId': requestId });
  res.end(xml);
  return true;
}
