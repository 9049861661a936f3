import { AdminListUserAuthEventsCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { LARGE_POOL_ID } from '../../src/emulator/well-known-ids.ts';
import { sdkClient } from '../emulator/helpers.ts';

/** The feedback the emulator holds for each of a user's events, read page by page through the SDK. */
export async function serverFeedback(emu: RunningEmulator, username: string, poolId = LARGE_POOL_ID): Promise<Map<string, string | undefined>> {
  const sdk = sdkClient(emu);
  try {
    const out = new Map<string, string | undefined>();
    let token: string | undefined;
    do {
      const page = await sdk.send(new AdminListUserAuthEventsCommand({ UserPoolId: poolId, Username: username, NextToken: token }));
      for (const e of page.AuthEvents ?? []) out.set(e.EventId!, e.EventFeedback?.FeedbackValue);
      token = page.NextToken;
    } while (token);
    return out;
  } finally {
    sdk.destroy();
  }
}
