/**
 * What the database view hands out: the package in the village-database layout (Shapefiles in the village's
 * Gauss-Krüger zone, or GeoJSON in lon/lat, zipped) and the whole database as one `.database.json` that the
 * start page opens again. What the writer filled in or left out (BSM made, fields not in the layout) is
 * said, and a value that does not fit its field stops the export with the feature and field named. What it
 * says goes to the view (`onSaid`), which shows it in the page's flow under the header: a panel floating
 * under these buttons lay over the side panel's tabs until it was closed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import type { Message } from '../../domain/message.ts';
import { downloadBytes, downloadText } from '../download.ts';

/** A name a file system takes: the characters Windows refuses are replaced. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'village';

/** What an export said: an error that stopped it, what it filled in or left out, or that it is done. */
export interface ExportSaid {
  readonly level: 'error' | 'warning' | 'info';
  readonly messages: readonly Message[];
}

export function DatabaseExport({ session, name, onSaid: setSaid }: { session: DatabaseSession; name: string; onSaid: (said: ExportSaid) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const base = safeName(name);

  const exportPackage = async (format: 'shapefile' | 'geojson') => {
    setBusy(true);
    const zipped = await session.exportPackage(format);
    setBusy(false);
    if (!zipped.ok) return setSaid({ level: 'error', messages: [zipped.error] });
    downloadBytes(`${base}-村庄规划数据库-${format === 'shapefile' ? 'shp' : 'geojson'}.zip`, zipped.value, 'application/zip');
    setSaid(zipped.notes.length ? { level: 'warning', messages: zipped.notes } : { level: 'info', messages: [{ key: 'database.export.done' }] });
  };
  const save = async () => {
    downloadText(`${base}.database.json`, await session.databaseText());
    setSaid({ level: 'info', messages: [{ key: 'database.export.saved' }] });
  };
  return (
    <div className="database-export">
      <button type="button" className="tool-button" data-action="export-shapefile" disabled={busy} onClick={() => void exportPackage('shapefile')} title={t('database.export.shapefileHint')}>
        {t('database.export.shapefile')}
      </button>
      <button type="button" className="tool-button" data-action="export-geojson" disabled={busy} onClick={() => void exportPackage('geojson')}>
        {t('database.export.geojson')}
      </button>
      <button type="button" className="tool-button" data-action="save-database" disabled={busy} onClick={() => void save()} title={t('database.export.saveHint')}>
        {t('database.export.save')}
      </button>
    </div>
  );
}
