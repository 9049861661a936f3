/** The CloudWatch Logs client and the commands the gateway sends, and nothing else of that SDK (loaded on the first query). */
export {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
