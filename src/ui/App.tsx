import { Box, useApp, useInput, useStdin, useStdout } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dispatchInput } from '../keys/dispatch.ts';
import type { AppStore } from '../store/app-store.ts';
import { currentRoute } from '../store/selectors.ts';
import { dialogRows } from '../store/dialog.ts';
import { dialogLineCounter } from './components/ConfirmBar.tsx';
import { ConfirmBar } from './components/ConfirmBar.tsx';
import { FlashLine } from './components/FlashLine.tsx';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { HelpOverlay } from './components/HelpOverlay.tsx';
import { PromptLine } from './components/PromptLine.tsx';
import { StoreContext, TimeZoneContext, useAppState, useAppStore } from './store-context.ts';
import { CurrentView } from './views/CurrentView.tsx';
import { pausedWhile } from './paused-store.ts';
import { ThemeContext } from './theme-context.ts';
import { DEFAULT_THEME, type Theme } from './theme.ts';

/** Props of the app: the store it drives; a fixed size for tests whose fake terminal has none. */
export interface AppProps {
  store: AppStore;
  columns?: number;
  rows?: number;
  /** The colours to draw with (dark when absent). */
  theme?: Theme;
  /** When the help is laid out, hidden, so that the first `?` only shows it: calls `warm` then, returns a cancel. */
  scheduleHelpWarm?: (warm: () => void) => () => void;
}

/** The help is laid out this long after the first frame: after the first screens are drawn, before a first `?`. */
export const HELP_WARM_MS = 300;

function warmHelpSoon(warm: () => void): () => void {
  const timer = setTimeout(warm, HELP_WARM_MS);
  return () => clearTimeout(timer);
}

function useTerminalSize(fixed: { columns?: number; rows?: number }) {
  const { stdout } = useStdout();
  const read = () => ({ columns: fixed.columns ?? stdout.columns ?? 100, rows: fixed.rows ?? stdout.rows ?? 30 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    t.unref?.();
    return () => clearInterval(t);
  }, []);
  return now;
}

function Shell({ columns, rows, scheduleHelpWarm }: { columns?: number; rows?: number; scheduleHelpWarm: (warm: () => void) => () => void }) {
  const store = useAppStore();
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const size = useTerminalSize({ columns, rows });
  const now = useNow();
  const quitting = useAppState((s) => s.quitting);
  const helpOpen = useAppState((s) => s.helpOpen);
  const viewStore = useMemo(() => pausedWhile(store, (s) => s.helpOpen), [store]);
  const helpDrawn = useRef(false);
  const [helpWarm, setHelpWarm] = useState(false);
  helpDrawn.current ||= helpOpen || helpWarm;
  useEffect(() => scheduleHelpWarm(() => setHelpWarm(true)), [scheduleHelpWarm]);
  const confirmRows = useAppState((s) => dialogRows(s.confirm, undefined, dialogLineCounter(Math.max(20, size.columns))));
  const view = useAppState((s) => currentRoute(s).view);
  const timeZone = useAppState((s) => s.timeZone);

  useInput((input, key) => dispatchInput(store, input, key), { isActive: isRawModeSupported === true });

  useEffect(() => {
    if (quitting) exit();
  }, [quitting, exit]);

  const width = Math.max(20, size.columns);
  const height = Math.max(6, size.rows - 1);
  const bodyHeight = Math.max(3, height - 3 - confirmRows);
  return (
    <TimeZoneContext.Provider value={timeZone}>
    <Box flexDirection="column" width={width} height={height}>
      <Header width={width} />
      <Box height={bodyHeight} flexShrink={0} flexDirection="column" overflowY="hidden">
        {helpDrawn.current && (
          <Box display={helpOpen ? 'flex' : 'none'} flexDirection="column">
            <HelpOverlay view={view} width={width} height={bodyHeight} open={helpOpen} />
          </Box>
        )}
        <Box display={helpOpen ? 'none' : 'flex'} flexDirection="column">
          <StoreContext.Provider value={viewStore}>
            <CurrentView width={width} height={bodyHeight} now={now} />
          </StoreContext.Provider>
        </Box>
      </Box>
      <ConfirmBar width={width} />
      <PromptLine kind="command" width={width} hint="tab completes · enter runs · esc cancels" idle={<FlashLine width={width} />} />
      <Footer width={width} />
    </Box>
    </TimeZoneContext.Provider>
  );
}

/** The whole TUI, built from the store it is given. */
export function App({ store, columns, rows, theme = DEFAULT_THEME, scheduleHelpWarm = warmHelpSoon }: AppProps) {
  return (
    <StoreContext.Provider value={store}>
      <ThemeContext.Provider value={theme}>
        <Shell columns={columns} rows={rows} scheduleHelpWarm={scheduleHelpWarm} />
      </ThemeContext.Provider>
    </StoreContext.Provider>
  );
}
