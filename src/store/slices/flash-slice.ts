import type { Slice, SliceEnv } from './env.ts';

/** The flash line: a message that clears itself after a while (errors stay three times as long). */
export function flashSlice({ get, set, deps, kit }: SliceEnv): Slice<'flash', 'flash'> {
  let seq = 0;
  function flash(level: 'info' | 'warn' | 'error', text: string, holdMs?: number) {
    const id = ++seq;
    set({ flash: { level, text, id, stack: get().stack } });
    const timer = setTimeout(() => { if (get().flash?.id === id) set({ flash: undefined }); }, holdMs ?? (deps.flashMs ?? 6000) * (level === 'error' ? 3 : 1));
    timer.unref?.();
  }
  kit.flash = flash;
  return { state: { flash: undefined }, actions: { flash } };
}
