import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { wrapSession } from './session-wrapper.mjs';

/**
 * The parts of the full-screen session that most sessions never run, each built as a CommonJS file of its own beside
 * the session's and loaded (with its own code cache) the first time the session imports it: the CloudWatch Logs SDK
 * (Logs Insights), STS (whoami) and the in-process emulator of `--demo`. A part is named by the file that imports it
 * dynamically and the specifier it imports; what a part shares with the session (the SDK's core) is in both files.
 */
export const SESSION_PARTS = [
  { name: 'logs', importer: 'src/gateway/sdk-logs.ts', specifier: './sdk-logs-client.ts' },
  { name: 'sts', importer: 'src/gateway/sdk-who-am-i.ts', specifier: '@aws-sdk/client-sts' },
  { name: 'emulator', importer: 'src/cli/run-tui.ts', specifier: '../emulator/index.ts' },
];

const NAMESPACE = 'cognito-tui-session-part';

/**
 * Builds every part with `options` (the session's CommonJS settings) into `outdir`, ASCII only and in its wrapper;
 * resolves with each part's file name (`<name>-<hash of its text>.cjs`, so that no code cache outlives its part).
 */
export async function buildSessionParts(root, options, outdir) {
  const files = {};
  for (const part of SESSION_PARTS) {
    const result = await build({
      ...options,
      entryPoints: undefined,
      stdin: { contents: `export * from ${JSON.stringify(part.specifier)};`, resolveDir: dirname(join(root, part.importer)), sourcefile: `${part.name}-part.js`, loader: 'js' },
      outfile: join(outdir, `${part.name}.cjs`),
      write: false,
    });
    const text = wrapSession(result.outputFiles[0].text);
    files[part.name] = `${part.name}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.cjs`;
    await writeFile(join(outdir, files[part.name]), text);
  }
  return files;
}

/**
 * An esbuild plugin for the session's bundle: each part's dynamic import becomes a load of the part's file, beside
 * the bundle, through `loader` (src/cli/load-tui.ts, `loadSessionPart`). Fails the build when a part's import is no
 * longer where SESSION_PARTS says (it would be bundled into the session again without a word).
 */
export function sessionPartsPlugin(root, files, loader) {
  return {
    name: 'session-parts',
    setup(build) {
      const seen = new Set();
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const part = SESSION_PARTS.find((p) => p.specifier === args.path && join(root, p.importer) === args.importer);
        if (part === undefined) return undefined;
        seen.add(part.name);
        return { path: part.name, namespace: NAMESPACE };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(loader)}).loadSessionPart(require("node:path").join(__dirname, ${JSON.stringify(files[args.path])}));`,
        resolveDir: root,
        loader: 'js',
      }));
      build.onEnd(() => ({
        errors: SESSION_PARTS.filter((part) => !seen.has(part.name))
          .map((part) => ({ text: `${part.importer} no longer imports ${part.specifier}: update SESSION_PARTS in scripts/session-parts.mjs` })),
      }));
    },
  };
}
