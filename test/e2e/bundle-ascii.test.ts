import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { BUILT_CLI } from '../helpers/pty-session.ts';

const CHUNKS = join(dirname(BUILT_CLI), 'chunks');

describe('the built session bundle', () => {
  it('is ASCII, so a start reads it as a one-byte string (a non-ASCII regex or comment in src/ doubles what it holds)', () => {
    const bundles = readdirSync(CHUNKS).filter((n) => /^tui-.*\.cjs$/.test(n));
    assert.equal(bundles.length, 1, `one session bundle in ${CHUNKS}`);
    const lines = readFileSync(join(CHUNKS, bundles[0]!), 'utf8').split('\n');
    const offending = lines.flatMap((line, i) => (/[^\x00-\x7F]/.test(line) ? [`line ${i + 1}: ${line.trim().slice(0, 120)}`] : []));
    assert.deepEqual(offending, [], 'write these characters as \\u escapes in the source');
  });
});
