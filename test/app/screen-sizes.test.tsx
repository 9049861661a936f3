import { describe, it } from 'node:test';
import { withApp } from '../helpers/app-harness.tsx';
import { walkMainViews } from '../helpers/screen-walk.ts';

describe('every main view is usable at 80×24 and at 200×50 (ink)', () => {
  for (const [columns, rows] of [[80, 24], [200, 50]] as const) {
    it(`${columns}×${rows}: pools, users, user, events, event, risk, sweep, log`, async () => {
      await withApp({ columns, rows }, async (h) => {
        await walkMainViews(h, columns, rows);
      });
    });
  }
});
