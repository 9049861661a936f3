import type { RecordedRequest } from '../../src/emulator/index.ts';

/** Every Cognito operation the app can send that changes something. */
export const WRITE_OPERATIONS: ReadonlySet<string> = new Set([
  'AdminUpdateAuthEventFeedback', 'AdminDisableUser', 'AdminEnableUser', 'AdminUserGlobalSignOut',
  'AdminResetUserPassword', 'AdminAddUserToGroup', 'AdminRemoveUserFromGroup', 'AdminForgetDevice', 'AdminConfirmSignUp', 'AdminDeleteUser',
]);

/** The write requests among what the emulator recorded. */
export function writeRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => WRITE_OPERATIONS.has(r.operation));
}

/** The event a feedback write was about. */
export function eventIdOf(request: RecordedRequest): string {
  return (request.body as { EventId: string }).EventId;
}

/**
 * Feedback writes the emulator applied (HTTP 200), by event id: the count must never exceed 1 for one confirmed
 * action, or a write was duplicated.
 */
export function appliedFeedback(requests: readonly RecordedRequest[]): Map<string, number> {
  const applied = new Map<string, number>();
  for (const r of requests) {
    if (r.operation === 'AdminUpdateAuthEventFeedback' && r.status === 200) applied.set(eventIdOf(r), (applied.get(eventIdOf(r)) ?? 0) + 1);
  }
  return applied;
}
