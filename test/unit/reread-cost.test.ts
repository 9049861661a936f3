import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '../../src/gateway/types.ts';
import { emptyList, type PagedList } from '../../src/store/paged-list.ts';
import { rereadList } from '../../src/store/reread-list.ts';
import type { ListRef } from '../../src/store/routes.ts';

const REF: ListRef = { kind: 'pools' };

describe('re-reading a long list (r after a G)', () => {
  it('costs the same per page however many rows came before (300,000 rows in pages of 60)', async () => {
    const total = 300_000;
    const rows = Array.from({ length: total }, (_, i) => i);
    let stored: PagedList<unknown> = { ...emptyList<unknown>(), items: rows, complete: true, cursor: 12_345 };
    const deps = {
      list: () => stored,
      setList: (_: ListRef, next: PagedList<unknown>) => { stored = next; },
      fetchPage: async (_: ListRef, token: string | undefined): Promise<Page<unknown>> => {
        const from = Number(token ?? 0);
        const end = Math.min(total, from + 60);
        return { items: rows.slice(from, end), ...(end < total ? { nextToken: String(end) } : {}) };
      },
      prepare: (_: ListRef, items: unknown[]) => items,
    };
    const started = performance.now();
    await rereadList(deps, REF);
    const ms = performance.now() - started;
    assert.deepEqual(stored.items, rows);
    assert.equal(stored.cursor, 12_345);
    assert.equal(stored.pagesLoaded, total / 60);
    assert.ok(ms < 1500, `re-reading ${total} rows took ${Math.round(ms)} ms`);
  });
});
