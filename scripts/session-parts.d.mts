import type { BuildOptions, Plugin } from 'esbuild';

/** A part of the session loaded on first use: its name, the file that imports it dynamically and what it imports. */
export interface SessionPart {
  name: string;
  importer: string;
  specifier: string;
}

/** The parts of the session loaded on first use (see scripts/session-parts.mjs). */
export const SESSION_PARTS: SessionPart[];

/** Builds every part into `outdir`; resolves with each part's file name. */
export function buildSessionParts(root: string, options: BuildOptions, outdir: string): Promise<Record<string, string>>;

/** Turns each part's dynamic import in the session into a load of its file through `loader`. */
export function sessionPartsPlugin(root: string, files: Record<string, string>, loader: string): Plugin;
