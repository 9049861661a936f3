import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

process.env.FORCE_COLOR = '3';
const { startApp } = await import('../helpers/app-harness.tsx');
const { poolsPaint } = await import('../../src/cli/prepaint-frame.ts');
const { poolsFooter } = await import('../../src/cli/prepaint-footer.ts');
const { NO_CONFIG } = await import('../../src/config/config-types.ts');
const { regionLabel } = await import('../../src/gateway/types.ts');
const { listKey } = await import('../../src/store/routes.ts');
const { THEMES } = await import('../../src/ui/theme.ts');

type Theme = (typeof THEMES)[string];

/** The selected pool's line: `pool <id>` until its details arrive, then the details; either is Ink's frame. */
const POOL_LINE = 2;

/**
 * The app's first frame with the pool rows, beside the paint made from the same pools: every painted line is the
 * frame's line, byte for byte (colours included), and the paint covers every line the frame has above the footer.
 */
async function compare(columns: number, rows: number, opts: { theme?: Theme; readOnly?: boolean } = {}): Promise<void> {
  const h = await startApp({ columns, rows, theme: opts.theme, readOnly: opts.readOnly });
  try {
    await h.waitForText(/pools · (all loaded|more on the server)/);
    const frame = h.frames().find((f) => f.includes('▶'));
    assert.ok(frame, 'a frame with the cursor row');
    const state = h.store.getState();
    const list = state.lists[listKey({ kind: 'pools' })]!;
    const painted = poolsPaint({
      columns, rows, region: regionLabel(state.target), profile: state.target.profile, endpoint: state.target.endpoint,
      readOnly: state.readOnly, pools: list.items as never, complete: list.complete, zone: state.timeZone, now: Date.now(),
      theme: opts.theme ?? THEMES.dark, footer: poolsFooter(NO_CONFIG, columns, 1)!,
    });
    assert.ok(painted);
    const lines = frame.split('\n');
    assert.equal(lines.length, Math.max(6, rows - 1));
    assert.equal(painted.length, lines.length, 'every line');
    for (const [i, line] of painted.entries()) {
      if (i === POOL_LINE && lines[i] !== line) assert.match(lines[i], /MFA/, 'the pool line is the paint\'s or the details');
      else if (i === painted.length - 1) {
        assert.ok(lines[i].startsWith(line), `the footer's hints at ${columns}×${rows}:\n${lines[i]}\n${line}`);
        assert.match(lines[i].slice(line.length).replace(/\u001b\[[\d;]*m/g, ''), /^ +API \d+$/, 'then only the app\'s counter');
      } else assert.equal(line, lines[i], `line ${i + 1} at ${columns}×${rows}`);
    }
  } finally {
    await h.close();
  }
}

describe('the pool list painted before Ink is the lines of Ink\'s first pool-list frame', () => {
  it('80×24, dark', () => compare(80, 24));
  it('100×40, dark', () => compare(100, 40));
  it('60×10: more pools than rows, light theme', () => compare(60, 10, { theme: THEMES.light }));
  it('read-only badge, high contrast, 100×30', () => compare(100, 30, { theme: THEMES['high-contrast'], readOnly: true }));
  it('no colour, 90×20', () => compare(90, 20, { theme: THEMES.none }));
  it('no footer (so no paint) under a config that remaps keys or adds commands', () => {
    assert.equal(poolsFooter({ ...NO_CONFIG, keys: { global: { quit: ['x'] } } } as never, 80, 1), undefined);
    assert.equal(poolsFooter({ ...NO_CONFIG, commands: [{ name: 'x' }] } as never, 80, 1), undefined);
  });
  it('no paint on a screen with no room for a row under the column header (60×8), nor for no pools', () => {
    const input = { footer: '', columns: 60, rows: 8, region: 'us-east-1', readOnly: false, complete: true, zone: 'utc' as const, now: 0, theme: THEMES.dark };
    const pool = { id: 'us-east-1_a', name: 'a' };
    assert.equal(poolsPaint({ ...input, pools: [pool] as never }), undefined);
    assert.equal(poolsPaint({ ...input, rows: 24, pools: [] }), undefined);
    assert.ok(poolsPaint({ ...input, rows: 9, pools: [pool] as never }));
  });
});
