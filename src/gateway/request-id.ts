/** A request id is kept to this many characters of the printable ASCII an AWS request id is made of. */
const REQUEST_ID = /^[\w-]{1,128}$/;

function checked(value: unknown): string | undefined {
  return typeof value === 'string' && REQUEST_ID.test(value) ? value : undefined;
}

/** The AWS request id of an SDK answer (`$metadata.requestId`), when it has a well-formed one. */
export function requestIdOfAnswer(answer: unknown): string | undefined {
  const metadata = typeof answer === 'object' && answer !== null ? (answer as { $metadata?: { requestId?: unknown } }).$metadata : undefined;
  return checked(metadata?.requestId);
}

/** The AWS request id of an SDK error (a service error carries `$metadata` too). */
export function requestIdOfError(error: unknown): string | undefined {
  return requestIdOfAnswer(error);
}

/** `{ requestId }` for a call record, or nothing when there is none. */
export function requestIdField(id: string | undefined): { requestId?: string } {
  return id ? { requestId: id } : {};
}
