/**
 * `window.villageDatabase`: what browser tests (and a curious reviewer in the console) read of the database
 * view: where a lon/lat is on the map canvas, the map's next idle, and the session's state.
 */
import type { DatabaseSession, DatabaseSessionState } from '../../app/database-session.ts';
import type { DatabaseMap } from '../../map/database/database-map.ts';

export interface DatabaseAutomation {
  project(lonLat: [number, number]): { x: number; y: number } | null;
  idle(): Promise<void>;
  state(): DatabaseSessionState;
}

declare global {
  interface Window {
    villageDatabase?: DatabaseAutomation;
  }
}

export function installDatabaseAutomation(map: DatabaseMap | null, session: DatabaseSession): void {
  window.villageDatabase = {
    project: (lonLat) => map?.project(lonLat) ?? null,
    idle: () => map?.idle() ?? Promise.resolve(),
    state: () => session.store.getState(),
  };
}
