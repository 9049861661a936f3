/**
 * The start of the session bundle's first line: the CommonJS wrapper, written into the file at build time so that no
 * wrapped copy of its 3 MB of text is concatenated when it runs. Run as a script (vm.Script, src/cli/load-tui.ts),
 * the file's value is the module function; require()d (Node 22+, under the module compile cache), `arguments` are
 * those of Node's own wrapper and the function is called with them.
 */
export const WRAPPER_START = '((f) => typeof arguments === "object" ? f.apply(this, arguments) : f)(function (exports, require, module, __filename, __dirname) { ';

/** The end of the wrapper, on a line of its own after the bundle's last line. */
export const WRAPPER_END = '\n});\n';

/**
 * `text` with every character outside ASCII written as a `\uXXXX` escape (esbuild leaves them in regular expressions
 * and comments, where the escape means the same): V8 holds an all-ASCII source with one byte a character, two
 * otherwise, and keeps a script's source for as long as the script lives.
 */
export function asciiOnly(text) {
  return text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The session bundle's text as it is written: ASCII only, in its wrapper. */
export function wrapSession(text) {
  return `${WRAPPER_START}${asciiOnly(text)}${WRAPPER_END}`;
}
