import { pathToFileURL } from 'node:url';

/** `import.meta.url` in the CommonJS bundle of the session (scripts/build.mjs defines it as this). */
export const __tuiModuleUrl = pathToFileURL(__filename).href;
