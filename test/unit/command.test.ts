import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMMANDS, commandUsage, findCommand } from '../../src/command/command-table.ts';
import { completeCommand, completionLines } from '../../src/command/complete-command.ts';
import type { KnownValues } from '../../src/command/complete-command.ts';
import { closestMatch, editDistance } from '../../src/command/edit-distance.ts';
import { parseCommand } from '../../src/command/parse-command.ts';
import type { Command } from '../../src/command/parse-command.ts';
import { COGNITO_REGIONS, isPoolId, isRegion, regionOfPoolId } from '../../src/command/regions.ts';

function ok(text: string): Command {
  const result = parseCommand(text);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.command;
}

function error(text: string): { error: string; suggestion?: string } {
  const result = parseCommand(text);
  assert.equal(result.ok, false, `${text} parsed`);
  return result.ok ? { error: '' } : result;
}

const KNOWN: KnownValues = {
  poolIds: ['us-east-1_Qm7Rk2Tz9', 'us-east-1_Qm7Zz0000', 'us-east-1_Audit0001', 'eu-west-1_AbCdEf123'],
  usernames: ['maria.garcia', 'mario.rossi', 'Marta', 'bob'],
  regions: COGNITO_REGIONS,
  profiles: ['prod', 'prod-readonly', 'staging'],
};

describe('parseCommand', () => {
  it('parses every command', () => {
    assert.deepEqual(ok(':pools'), { kind: 'pools' });
    assert.deepEqual(ok(':pool us-east-1_Qm7Rk2Tz9'), { kind: 'pool', poolId: 'us-east-1_Qm7Rk2Tz9' });
    assert.deepEqual(ok(':user maria.garcia@example.com'), { kind: 'user', query: 'maria.garcia@example.com' });
    assert.deepEqual(ok(':user 0b9c8d7e-1111-2222-3333-444455556666'), { kind: 'user', query: '0b9c8d7e-1111-2222-3333-444455556666' });
    assert.deepEqual(ok(':risk'), { kind: 'risk' });
    assert.deepEqual(ok(':risk eu-west-1_AbCdEf123'), { kind: 'risk', poolId: 'eu-west-1_AbCdEf123' });
    assert.deepEqual(ok(':groups'), { kind: 'groups' });
    assert.deepEqual(ok(':groups eu-west-1_AbCdEf123'), { kind: 'groups', poolId: 'eu-west-1_AbCdEf123' });
    assert.match(error(':groups support').error, /"support" is not a user pool id/);
    assert.deepEqual(ok(':region us-gov-west-1'), { kind: 'region', region: 'us-gov-west-1' });
    assert.deepEqual(ok(':profile prod-readonly'), { kind: 'profile', profile: 'prod-readonly' });
    assert.deepEqual(ok(':sweep'), { kind: 'sweep' });
    assert.deepEqual(ok(':log'), { kind: 'log' });
    assert.deepEqual(ok(':q'), { kind: 'quit' });
    assert.deepEqual(ok(':quit'), { kind: 'quit' });
    assert.deepEqual(ok(':help'), { kind: 'help' });
  });
  it('takes the line with or without the colon, with extra spaces and any case of the name', () => {
    assert.deepEqual(ok('pools'), { kind: 'pools' });
    assert.deepEqual(ok('  :  POOL   us-east-1_Qm7Rk2Tz9  '), { kind: 'pool', poolId: 'us-east-1_Qm7Rk2Tz9' });
    assert.deepEqual(ok(':user\tMarta'), { kind: 'user', query: 'Marta' });
  });
  it('suggests the closest command for an unknown one', () => {
    assert.deepEqual(error(':pol'), { ok: false, error: 'Unknown command :pol. Did you mean :pool?', suggestion: 'pool' });
    assert.equal(error(':uesr bob').suggestion, 'user');
    assert.equal(error(':regoin').suggestion, 'region');
    assert.equal(error(':prof').suggestion, 'profile');
    assert.equal(error(':swep').suggestion, 'sweep');
    assert.equal(error(':quti').suggestion, 'quit');
    assert.equal(error(':lgo').suggestion, 'log');
  });
  it('says so when nothing is close', () => {
    const result = error(':xyzzy');
    assert.equal(result.suggestion, undefined);
    assert.equal(result.error, 'Unknown command :xyzzy. :help lists the commands.');
    assert.match(error(':').error, /Type a command/);
    assert.match(error('').error, /Type a command/);
  });
  it('asks for a missing argument with an example', () => {
    assert.equal(error(':pool').error, ':pool needs a pool id, e.g. :pool eu-west-1_AbCdEf123. Tab completes known ones.');
    assert.match(error(':user').error, /^:user needs a username, email or sub/);
    assert.match(error(':region').error, /^:region needs a region, e.g. :region eu-west-1/);
    assert.match(error(':profile  ').error, /^:profile needs a profile/);
  });
  it('rejects a pool id or region of the wrong shape', () => {
    for (const bad of ['Qm7Rk2Tz9', 'us-east-1', 'us-east-1_', 'us-east-1_Qm7-Rk', 'useast1_Abc', `us-east-1_${'A'.repeat(50)}`]) {
      assert.match(error(`:pool ${bad}`).error, /is not a user pool id; one looks like eu-west-1_AbCdEf123/, bad);
      assert.match(error(`:risk ${bad}`).error, /is not a user pool id/, bad);
    }
    for (const bad of ['ireland', 'eu-west', 'EU-WEST-1', 'eu_west_1']) assert.match(error(`:region ${bad}`).error, /is not an AWS region/, bad);
  });
  it('rejects arguments where none is taken, spaces and control characters', () => {
    assert.equal(error(':pools now').error, ':pools takes no argument; type just :pools.');
    assert.match(error(':q!').error, /Unknown command :q!/);
    assert.equal(error(':user maria garcia').error, ':user takes one username, email or sub without spaces: :user <username, email or sub>.');
    assert.match(error(':user bob\u001b[2J').error, /control characters/);
    assert.match(error(`:user ${'x'.repeat(129)}`).error, /at most 128/);
    assert.match(error(':profile a\u0007').error, /control characters/);
  });
  it(':ip takes one IPv4 or IPv6 address, canonical, and refuses anything else on one line', () => {
    assert.deepEqual(ok(':ip 185.220.101.34'), { kind: 'ip', address: '185.220.101.34' });
    assert.deepEqual(ok(':ip 2001:DB8:0::7'), { kind: 'ip', address: '2001:db8::7' });
    assert.match(error(':ip 185.220.101').error, /^"185\.220\.101" is not an IP address; type IPv4 like 203\.0\.113\.7 or IPv6 like 2001:db8::7\.$/);
    assert.match(error(':ip 203.0.113.0/24').error, /is a range; :ip takes one address/);
    assert.match(error(':ip').error, /^:ip needs a sign-in IP address, e.g. :ip 203.0.113.7/);
  });
  it(':incident and :journal take a name and a filter, checked on one line', () => {
    assert.match(error(':incident INC/7').error, /is not an incident name: use up to 64 letters, digits/);
    assert.deepEqual(parseCommand(':incident INC-4711'), { ok: true, command: { kind: 'incident', name: 'INC-4711' } });
    assert.deepEqual(parseCommand(':incident'), { ok: true, command: { kind: 'incident', name: '' } });
    assert.deepEqual(parseCommand(':journal maria'), { ok: true, command: { kind: 'journal', filter: 'maria' } });
    assert.match(error(':journal a\u0007').error, /control characters/);
  });
});

describe('command table', () => {
  it('has one entry per command kind, with usage for the help', () => {
    assert.deepEqual(COMMANDS.map(commandUsage), [
      ':pools',
      ':pool <pool id>',
      ':user <username, email or sub>',
      ':risk [pool id]',
      ':groups [pool id]',
      ':region <region>',
      ':profile <profile>',
      ':sweep',
      ':log',
      ':quit',
      ':help',
      ':clients [pool id]',
      ':settings [pool id]',
      ':reset-password',
      ':add-to-group <group>',
      ':remove-from-group <group>',
      ':forget-device <device key>',
      ':forget-devices',
      ':confirm-signup',
      ':delete-user',
      ':ip <sign-in IP address>',
      ':incident [name]',
      ':journal [text]',
      ':block <CIDR range>',
      ':unblock <CIDR range>',
      ':skip <CIDR range>',
      ':unskip <CIDR range>',
      ':contain [--resume]',
      ':report',
      ':undo',
      ':risk-set <settings>',
      ':ask <question [user] [range]>',
      ':query [Logs Insights query]',
      ':since <range>',
      ':log-group <log group>',
      ':pulse [pool id]',
    ]);
    assert.ok(COMMANDS.every((c) => c.description.length > 0));
  });
  it('parses each table entry into the command of the same name', () => {
    for (const spec of COMMANDS) {
      const text = spec.argument ? `:${spec.name} ${spec.argument.example}` : `:${spec.name}`;
      assert.equal(ok(text).kind, spec.name, text);
    }
    assert.equal(findCommand('Q')?.name, 'quit');
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    assert.equal(editDistance('pool', 'pool'), 0);
    assert.equal(editDistance('pol', 'pool'), 1);
    assert.equal(editDistance('uesr', 'user'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });
  it('picks a unique prefix before the nearest name', () => {
    assert.equal(closestMatch('pr', ['pools', 'pool', 'profile']), 'profile');
    assert.equal(closestMatch('abc', ['pools']), undefined);
  });
});

describe('regions and pool ids', () => {
  it('knows the shapes', () => {
    for (const r of COGNITO_REGIONS) assert.ok(isRegion(r), r);
    assert.ok(isRegion('us-isob-east-1'));
    assert.ok(isPoolId('us-gov-west-1_Abc123'));
    assert.equal(regionOfPoolId('ap-southeast-2_Xyz9'), 'ap-southeast-2');
    assert.equal(regionOfPoolId('nope'), undefined);
  });
  it('lists each region once', () => {
    assert.equal(new Set(COGNITO_REGIONS).size, COGNITO_REGIONS.length);
  });
});

describe('completeCommand', () => {
  it('offers every command for an empty line', () => {
    for (const text of ['', ':']) {
      const c = completeCommand(text, KNOWN);
      assert.equal(c.target, 'command');
      assert.deepEqual(c.candidates, COMMANDS.map((s) => s.name));
    }
  });
  it('completes command names by prefix, exact match first', () => {
    assert.deepEqual(completeCommand(':p', KNOWN).candidates, ['pools', 'pool', 'profile', 'pulse']);
    assert.deepEqual(completeCommand(':po', KNOWN), { target: 'command', start: 1, partial: 'po', candidates: ['pools', 'pool'] });
    assert.deepEqual(completeCommand(':pool', KNOWN).candidates, ['pool', 'pools']);
    assert.deepEqual(completeCommand(':zz', KNOWN).candidates, []);
  });
  it('completes pool ids for :pool and :risk', () => {
    const c = completeCommand(':pool us-east-1_Q', KNOWN);
    assert.deepEqual(c, { target: 'poolIds', start: 6, partial: 'us-east-1_Q', candidates: ['us-east-1_Qm7Rk2Tz9', 'us-east-1_Qm7Zz0000'] });
    assert.deepEqual(completeCommand(':risk eu', KNOWN).candidates, ['eu-west-1_AbCdEf123']);
    assert.equal(completeCommand(':risk ', KNOWN).candidates.length, 4);
  });
  it('falls back to ids that contain the text', () => {
    assert.deepEqual(completeCommand(':pool audit', KNOWN).candidates, ['us-east-1_Audit0001']);
  });
  it('completes usernames ignoring case, regions and profiles', () => {
    assert.deepEqual(completeCommand(':user mar', KNOWN).candidates, ['maria.garcia', 'mario.rossi', 'Marta']);
    assert.deepEqual(completeCommand(':region eu-c', KNOWN).candidates, ['eu-central-1', 'eu-central-2']);
    assert.deepEqual(completeCommand(':profile prod', KNOWN).candidates, ['prod', 'prod-readonly']);
  });
  it('offers nothing for commands without an argument, unknown commands or a second word', () => {
    assert.equal(completeCommand(':pools ', KNOWN).target, 'none');
    assert.equal(completeCommand(':nope x', KNOWN).candidates.length, 0);
    assert.equal(completeCommand(':user bob x', KNOWN).candidates.length, 0);
  });
  it('drops duplicate known values', () => {
    assert.deepEqual(completeCommand(':profile st', { ...KNOWN, profiles: ['staging', 'staging'] }).candidates, ['staging']);
  });
});

describe('completionLines', () => {
  it('gives the line for each candidate, in order', () => {
    assert.deepEqual(completionLines(':user mar', KNOWN), [':user maria.garcia', ':user mario.rossi', ':user Marta']);
    assert.deepEqual(completionLines(':pool us-east-1_Q', KNOWN), [':pool us-east-1_Qm7Rk2Tz9', ':pool us-east-1_Qm7Zz0000']);
  });
  it('adds a space after a command that takes an argument', () => {
    assert.deepEqual(completionLines(':po', KNOWN), [':pools', ':pool ']);
    assert.deepEqual(completionLines('us', KNOWN), ['user ']);
  });
  it('is empty when nothing matches', () => {
    assert.deepEqual(completionLines(':user zed', KNOWN), []);
  });
});

describe(':contain --resume and :undo', () => {
  it(':contain takes only --resume; :undo takes nothing', () => {
    assert.deepEqual(ok(':contain'), { kind: 'contain' });
    assert.deepEqual(ok(':contain --resume'), { kind: 'contain', resume: true });
    assert.match(error(':contain --resum').error, /^:contain takes no argument or --resume/);
    assert.deepEqual(ok(':undo'), { kind: 'undo' });
    assert.match(error(':undo all').error, /:undo takes no argument/);
  });
});
