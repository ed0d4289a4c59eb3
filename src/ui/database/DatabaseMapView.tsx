/** The map canvas of the database view: made once per database, kept in step with the layer switches, the pick and the focus. */
import { useEffect, useRef } from 'react';
import type { Geometry } from 'geojson';
import { createDatabaseMap, type DatabaseMap } from '../../map/database/database-map.ts';
import type { VillageDatabase, VillageLayerName } from '../../profiles/zhejiang-2026/village-database.ts';

export interface DatabaseMapProps {
  readonly db: VillageDatabase;
  readonly shown: ReadonlySet<VillageLayerName>;
  readonly picked: readonly Geometry[];
  /** A new array each time the reviewer asks to locate a finding. */
  readonly focus: readonly Geometry[] | null;
  readonly onPick: (layer: VillageLayerName | null, ref: string | null, adding: boolean) => void;
  readonly onReady: (map: DatabaseMap | null) => void;
}

export function DatabaseMapView({ db, shown, picked, focus, onPick, onReady }: DatabaseMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<DatabaseMap | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  const first = useRef(db);
  useEffect(() => {
    if (!container.current) return;
    const made = createDatabaseMap(container.current, first.current, (layer) => shown.has(layer));
    made.onPick((layer, ref, adding) => pick.current(layer, ref, adding));
    map.current = made;
    onReady(made);
    return () => {
      onReady(null);
      made.remove();
      map.current = null;
    };
    // Made once: edits, the switches, the pick and the focus reach it through the effects below.
  }, []);

  useEffect(() => map.current?.update(db), [db]);
  useEffect(() => {
    for (const layer of Object.keys(db.layers) as VillageLayerName[]) map.current?.setShown(layer, shown.has(layer));
  }, [db, shown]);
  useEffect(() => map.current?.showPicked(picked), [picked]);
  useEffect(() => {
    if (focus) map.current?.focus(focus);
  }, [focus]);

  return <div ref={container} className="map database-map" data-testid="database-map" />;
}
