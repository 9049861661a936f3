import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';

process.env.FORCE_COLOR = '3';
const { startApp } = await import('../helpers/app-harness.tsx');
const { LARGE_POOL_ID, TAKEOVER_USERNAME } = await import('../../src/emulator/well-known-ids.ts');
const { buildTheme, THEMES } = await import('../../src/ui/theme.ts');

type Harness = Awaited<ReturnType<typeof startApp>>;
const SGR_COLOR = /\u001b\[(?:3[0-7]|9[0-7]|38;[25];[\d;]+)m/;
const plain = (text: string) => text.replace(/\u001b\[[\d;]*m/g, '');

/** The takeover user's events, drawn with `theme`. */
async function eventsIn(theme: (typeof THEMES)[string] | undefined): Promise<Harness> {
  const h = await startApp({ deepLink: { pool: LARGE_POOL_ID, user: TAKEOVER_USERNAME }, theme, columns: 160 });
  await h.waitForText(/▲▲ High/);
  return h;
}

describe('themes', () => {
  const open: Harness[] = [];
  after(async () => { for (const h of open) await h.close(); });

  it('dark (the default) draws the title cyan and high risk red', async () => {
    const h = await eventsIn(undefined);
    open.push(h);
    assert.match(h.frame(), /\u001b\[36mcognito-tui/);
    assert.match(h.frame(), /\u001b\[31m[^\u001b]*▲▲ High/);
  });
  it('light draws the same text in its own colours', async () => {
    const h = await eventsIn(THEMES.light);
    open.push(h);
    assert.match(h.frame(), /\u001b\[34mcognito-tui/);
    assert.doesNotMatch(h.frame(), /\u001b\[36mcognito-tui/);
  });
  it('a custom colour replaces the theme\'s named colour', async () => {
    const h = await eventsIn(buildTheme('dark', { danger: '#ff8700' }));
    open.push(h);
    assert.match(h.frame(), /\u001b\[(?:38;2;255;135;0|38;5;208|93)m[^\u001b]*▲▲ High/, 'the orange given, at the depth the terminal has');
    assert.doesNotMatch(h.frame(), /\u001b\[31m[^\u001b]*▲▲ High/);
  });
  it('no colour draws no colour at all, and the risk markers still say what they mean', async () => {
    const h = await eventsIn(THEMES.none);
    open.push(h);
    assert.doesNotMatch(h.frame(), SGR_COLOR);
    assert.match(plain(h.frame()), /▲▲ High/);
    assert.match(plain(h.frame()), /cognito-tui/);
  });
});
