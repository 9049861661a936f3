import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdOutput } from '../../src/cli/early-screen.ts';
import { LEAVE_FULL_SCREEN } from '../../src/cli/terminal-modes.ts';
import { waitFor } from '../helpers/wait-for.ts';

/** A stream that records what reaches the terminal. */
function terminal() {
  const written: string[] = [];
  const out = { write: (chunk: string | Uint8Array, ..._rest: unknown[]) => { written.push(String(chunk)); return true; } };
  return { out, written };
}

const CLEARED = '\u001b[?2026h\u001b[H\u001b[2J';

describe('holdOutput: the app\'s output is held until its frame with the rows', () => {
  it('drops the frames before the marker, sends the marker\'s frame after a clear in one write, then lets everything through', async () => {
    const { out, written } = terminal();
    const write = out.write;
    holdOutput(out, '▶', 10_000, () => assert.fail('no redraw'));
    out.write('\u001b[?2026h');
    out.write('  Loading pools…\n');
    let called = false;
    out.write('', () => { called = true; });
    assert.deepEqual(written, []);
    out.write('▶ pool-a\n');
    assert.deepEqual(written, [`${CLEARED}▶ pool-a\n\u001b[?2026l`]);
    assert.equal(out.write, write, 'the stream\'s own write is back');
    out.write('next');
    assert.deepEqual(written.at(-1), 'next');
    await waitFor(() => called, 1000, 'the held write\'s callback');
  });

  it('the terminal given back (a signal or the exit before the frame) goes out at once and ends the hold', () => {
    const { out, written } = terminal();
    holdOutput(out, '▶', 10_000, () => assert.fail('no redraw'));
    out.write('  Loading pools…\n');
    out.write(LEAVE_FULL_SCREEN);
    assert.deepEqual(written, [LEAVE_FULL_SCREEN]);
    out.write('▶ pool-a\n');
    assert.deepEqual(written.at(-1), '▶ pool-a\n', 'not cleared: the hold is over');
  });

  it('after the deadline without the marker, clears the screen and asks for a redraw', async () => {
    const { out, written } = terminal();
    let redraws = 0;
    holdOutput(out, '▶', 20, () => { redraws++; out.write('  ✖ an error\n'); });
    out.write('  Loading pools…\n');
    await waitFor(() => redraws === 1, 2000, 'the redraw');
    assert.deepEqual(written, ['\u001b[H\u001b[2J', '  ✖ an error\n']);
  });
});
