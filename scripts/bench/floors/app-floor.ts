import {
  AdminListUserAuthEventsCommand, CognitoIdentityProviderClient, ListUserPoolsCommand, ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';

const [mode, endpoint, region, poolId, username] = process.argv.slice(2);
const client = new CognitoIdentityProviderClient({ endpoint, region });

async function poolLines(): Promise<string[]> {
  const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  return UserPools.map((p) => `${p.Id ?? ''}  ${p.Name ?? ''}`);
}

async function eventLines(): Promise<string[]> {
  const { Users = [] } = await client.send(new ListUsersCommand({ UserPoolId: poolId, Filter: `username = "${username}"`, Limit: 1 }));
  const { AuthEvents = [] } = await client.send(new AdminListUserAuthEventsCommand({
    UserPoolId: poolId, Username: Users[0]?.Username ?? username, MaxResults: 60,
  }));
  return [
    `1/${AuthEvents.length} events`,
    ...AuthEvents.map((e) => `${e.CreationDate?.toISOString() ?? ''}  ${e.EventType ?? ''}  ${e.EventRisk?.RiskLevel ?? ''}`),
  ];
}

const lines = mode === 'events' ? await eventLines() : await poolLines();
process.stdout.write(`\u001b[?1049h\u001b[H\u001b[2J${lines.slice(0, process.stdout.rows || 24).join('\r\n')}`);
process.stdin.setRawMode(true);
process.stdin.on('data', (data: Buffer) => {
  if (data.includes('q')) {
    process.stdout.write('\u001b[?1049l');
    process.exit(0);
  }
});
