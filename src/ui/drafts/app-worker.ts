/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * The offline app: registers the service worker vite-plugin-pwa builds (it precaches the whole app, so
 * after the first visit the editor loads with no network), and holds "a new build is waiting" until the
 * planner accepts it. Before switching, pending saves are written.
 */
import { registerSW } from 'virtual:pwa-register';
import { createStore } from 'zustand/vanilla';

export const appUpdate = createStore<{ readonly ready: boolean }>(() => ({ ready: false }));

let update: ((reload?: boolean) => Promise<void>) | null = null;
let beforeUpdate: () => Promise<void> = () => Promise.resolve();

/** Called once the page is up (the map drawn, or the start page shown): never competes with the first load. */
export function startAppWorker(options: { readonly beforeUpdate?: () => Promise<void> } = {}): void {
  if (update || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (options.beforeUpdate) beforeUpdate = options.beforeUpdate;
  update = registerSW({
    immediate: true,
    onNeedRefresh: () => appUpdate.setState({ ready: true }),
    // Without a worker the app still works online; nothing for the planner to act on.
    onRegisterError: () => undefined,
  });
}

export async function applyAppUpdate(): Promise<void> {
  await beforeUpdate();
  await update?.(true);
}
