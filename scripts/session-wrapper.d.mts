/** The start of the session bundle's first line: the CommonJS wrapper (see scripts/session-wrapper.mjs). */
export const WRAPPER_START: string;

/** The end of the session bundle's wrapper. */
export const WRAPPER_END: string;

/** `text` with every character outside ASCII written as a `\uXXXX` escape. */
export function asciiOnly(text: string): string;

/** The session bundle's text as it is written: ASCII only, in its wrapper. */
export function wrapSession(text: string): string;
