import type { ReactNode } from 'react';
import { PromptLine } from './PromptLine.tsx';

/** The line where `m` asks for the group to add users to, while it is open; `idle` (the view's own line) otherwise. */
export function GroupPromptLine({ width, idle }: { width: number; idle: ReactNode }) {
  return <PromptLine kind="group" width={width} idle={idle} hint="tab completes the groups seen · enter asks to add · esc cancels" />;
}
