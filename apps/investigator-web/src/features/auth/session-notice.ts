import { useSyncExternalStore } from "react";

/**
 * Remembers, in memory only, that the session ended under the user's feet, so the login page
 * can say why it appeared. Cleared by the next successful login.
 */
let hasSessionEnded = false;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function reportSessionEnded(): void {
  hasSessionEnded = true;
  emit();
}

export function clearSessionNotice(): void {
  hasSessionEnded = false;
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHasSessionEnded(): boolean {
  return useSyncExternalStore(subscribe, () => hasSessionEnded);
}
