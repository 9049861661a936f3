import type { CognitoGateway } from '../gateway/types.ts';

/** Watches the gateway's calls of one operation while a target's write is sent. */
export interface RequestIdCapture {
  /** Stops watching; the request id of the one call seen, or undefined when none, several (another write at once) or no id. */
  done(): string | undefined;
}

/** Starts watching the calls of `operation`, to learn the AWS request id of the write about to be sent. */
export function captureRequestId(gateway: CognitoGateway, operation: string): RequestIdCapture {
  const seen: (string | undefined)[] = [];
  const stop = gateway.subscribeCalls((record) => { if (record.operation === operation) seen.push(record.requestId); });
  return {
    done() {
      stop();
      return seen.length === 1 ? seen[0] : undefined;
    },
  };
}
