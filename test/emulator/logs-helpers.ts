import { CloudWatchLogsClient, GetQueryResultsCommand, StartQueryCommand } from '@aws-sdk/client-cloudwatch-logs';
import type { GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { RunningEmulator } from '../../src/emulator/index.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** A CloudWatch Logs SDK client pointed at the emulator. */
export function logsClient(emu: RunningEmulator): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ region: 'us-east-1', endpoint: emu.url, credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
}

/** Runs a Logs Insights query to the end and returns the final GetQueryResults answer. */
export async function runQuery(logs: CloudWatchLogsClient, group: string, queryString: string, startTime: number, endTime: number): Promise<GetQueryResultsCommandOutput> {
  const { queryId } = await logs.send(new StartQueryCommand({ logGroupName: group, queryString, startTime, endTime }));
  let last: GetQueryResultsCommandOutput | undefined;
  await waitFor(async () => {
    last = await logs.send(new GetQueryResultsCommand({ queryId }));
    return last.status === 'Complete' || last.status === 'Failed' || last.status === 'Cancelled';
  }, 60_000, 'the query to finish');
  return last as GetQueryResultsCommandOutput;
}

/** Result rows as objects, field → value. */
export function rowsOf(out: GetQueryResultsCommandOutput): Array<Record<string, string>> {
  return (out.results ?? []).map((row) => Object.fromEntries(row.map((f) => [f.field ?? '', f.value ?? ''])));
}
