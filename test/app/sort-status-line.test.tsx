import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'ink-testing-library';
import { applyPage, beginLoad, emptyList, moveCursorTo } from '../../src/store/paged-list.ts';
import { sortNote } from '../../src/ui/components/ListView.tsx';
import { StatusText } from '../../src/ui/components/StatusLine.tsx';
import { THEMES } from '../../src/ui/theme.ts';

function paging(count: number) {
  const first = beginLoad(emptyList<{ n: number }>());
  return moveCursorTo(applyPage(first, first.requestId, { items: Array.from({ length: count }, (_, n) => ({ n })), nextToken: 'more' }), 4);
}

function line(list: ReturnType<typeof paging>, note?: string): string {
  const app = render(<StatusText list={list} noun="users" note={note} theme={THEMES.none} />);
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

describe('the status line of a sorted list still paging', () => {
  it('says the sort and that only the loaded rows are sorted, whole, within 80 columns', () => {
    const list = paging(60);
    const text = line(list, sortNote({ column: 'USERNAME', descending: false }, list));
    assert.equal(text, '  5/60+ users · sorted by USERNAME ↑: the 60 loaded only');
    assert.ok(text.length <= 80);
  });
  it('unsorted, it still says more is on the server', () => {
    assert.equal(line(paging(60)), '  5/60+ users · more on the server (scroll to load)');
  });
  it('loading keeps its word beside the sort', () => {
    const list = beginLoad(paging(60));
    assert.match(line(list, sortNote({ column: 'EMAIL', descending: true }, list)), /· loading more… · sorted by EMAIL ↓/);
  });
});

describe('app at 80 columns: the users and events status lines once sorted', () => {
  it('keep the whole sort note (it stands for "more on the server")', async () => {
    const { startApp } = await import('../helpers/app-harness.tsx');
    const { LARGE_POOL_ID, TAKEOVER_USERNAME } = await import('../../src/emulator/well-known-ids.ts');
    const h = await startApp({ deepLink: { pool: LARGE_POOL_ID }, columns: 80, rows: 24 });
    try {
      await h.waitForText(/1\/60\+ users · more on the server/);
      await h.press('>');
      await h.waitForText(/\/60\+ users · sorted by USERNAME ↑: the 60 loaded only\n/);
      await h.submit(':', `user ${TAKEOVER_USERNAME}`);
      await h.waitForText(/\/\d+\+ events · older events on the server/);
      await h.press('>');
      await h.waitForText(/\/\d+\+ events · sorted by TIME ↓: the \d+ loaded only\n/);
    } finally {
      await h.close();
    }
  });
});
