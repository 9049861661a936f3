/**
 * Runs `load` (the import of the UI, which brings Ink) with the global fetch hidden until it has finished. Ink's
 * layout engine (Yoga, compiled to WebAssembly) reads its own inlined binary through fetch() whenever fetch exists,
 * and the first call to fetch loads Node's whole fetch implementation: about a tenth of the start-up, for bytes
 * that are already in memory. Without fetch, Yoga decodes them directly.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = fetchProperty?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await load();
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', fetchProperty!);
  }
}
