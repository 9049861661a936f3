const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;
const SCREEN_CHUNK = 76;

/** Largest base64 payload sent in one OSC 52 sequence; many terminals drop or cut longer ones. */
export const OSC52_MAX_BASE64 = 100_000;

/** Which terminal multiplexer the sequence must pass through; tmux wins when both are set. */
export interface Osc52Options {
  tmux?: boolean;
  screen?: boolean;
  /** Overrides OSC52_MAX_BASE64. */
  maxBase64?: number;
}

/** An OSC 52 sequence ready to write, or why there is none. */
export type Osc52Result = { ok: true; sequence: string; base64Length: number } | { ok: false; error: string };

/** How the clipboard write went; `via` says which wrapping was used. */
export type CopyResult = { ok: true; message: string; via: 'terminal' | 'tmux' | 'screen' } | { ok: false; error: string };

/** What copyToClipboard needs: where to write the sequence (the terminal) and the environment to inspect. */
export interface CopyOptions {
  write: (data: string) => void;
  env: Record<string, string | undefined>;
  maxBase64?: number;
}

/**
 * The OSC 52 "set clipboard" sequence for `text`: `ESC ] 52 ; c ; <base64 of UTF-8> BEL`. The text travels as
 * base64 only, so nothing in it can act on the terminal. Inside tmux it is wrapped for passthrough
 * (`ESC P tmux; …ESC doubled… ESC \`), inside screen cut into DCS pieces (`ESC P … ESC \`) that screen passes on.
 */
export function osc52Sequence(text: string, options: Osc52Options = {}): Osc52Result {
  const payload = Buffer.from(text, 'utf8').toString('base64');
  const max = options.maxBase64 ?? OSC52_MAX_BASE64;
  if (payload.length > max) {
    return {
      ok: false,
      error: `Too large to copy through the terminal (${formatKb(payload.length)} encoded, the limit is ${formatKb(max)}). Export it to a file with e instead.`,
    };
  }
  const osc = `${ESC}]52;c;${payload}${BEL}`;
  if (options.tmux) return { ok: true, sequence: `${ESC}Ptmux;${osc.replaceAll(ESC, ESC + ESC)}${ST}`, base64Length: payload.length };
  if (options.screen) return { ok: true, sequence: screenChunks(osc), base64Length: payload.length };
  return { ok: true, sequence: osc, base64Length: payload.length };
}

/** Multiplexer flags from the environment: $TMUX means tmux, $STY means GNU screen. */
export function multiplexerFromEnv(env: Record<string, string | undefined>): { tmux: boolean; screen: boolean } {
  return { tmux: Boolean(env.TMUX), screen: Boolean(env.STY) };
}

/** Puts `text` on the clipboard of the terminal the user sits at (also over SSH) by writing an OSC 52 sequence. */
export function copyToClipboard(text: string, options: CopyOptions): CopyResult {
  const mux = multiplexerFromEnv(options.env);
  const result = osc52Sequence(text, { ...mux, maxBase64: options.maxBase64 });
  if (!result.ok) return result;
  try {
    options.write(result.sequence);
  } catch (error) {
    return { ok: false, error: `Could not write to the terminal: ${error instanceof Error ? error.message : String(error)}.` };
  }
  const via = mux.tmux ? 'tmux' : mux.screen ? 'screen' : 'terminal';
  return { ok: true, via, message: `Sent ${formatBytes(Buffer.byteLength(text, 'utf8'))} to the terminal clipboard (OSC 52).` };
}

/** Pretty JSON of a row (a user, an event, any plain data) with keys sorted at every level, so equal data copies equal text. */
export function rowAsJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return sortKeys((value as { toJSON: () => unknown }).toJSON());
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}

function screenChunks(osc: string): string {
  let out = '';
  for (let i = 0; i < osc.length; i += SCREEN_CHUNK) out += `${ESC}P${osc.slice(i, i + SCREEN_CHUNK)}${ST}`;
  return out;
}

function formatKb(chars: number): string {
  return `${Math.ceil(chars / 1000)} kB`;
}

/** A byte count as people read it: "540 bytes", "1.2 kB". */
export function formatBytes(bytes: number): string {
  return bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toFixed(1)} kB`;
}
