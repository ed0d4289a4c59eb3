/**
 * What the database view hands out: the package in the village-database layout (Shapefiles in the village's
 * Gauss-Krüger zone, or GeoJSON in lon/lat, zipped) and the whole database as one `.database.json` that the
 * start page opens again. What the writer filled in or left out (BSM made, fields not in the layout) is
 * said, and a value that does not fit its field stops the export with the feature and field named.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatabaseSession } from '../../app/database-session.ts';
import type { Message } from '../../domain/message.ts';
import { downloadBytes, downloadText } from '../download.ts';
import { formatMessage } from '../format.ts';

/** A name a file system takes: the characters Windows refuses are replaced. */
const safeName = (name: string) => name.replace(/[\\/:*?"<>|]+/g, '_').trim() || 'village';

export function DatabaseExport({ session, name }: { session: DatabaseSession; name: string }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ level: 'error' | 'warning' | 'info'; messages: readonly Message[] } | null>(null);
  const text = (message: Message) => formatMessage(t, (k) => i18n.exists(k), message);
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
      {said ? (
        <div className={`export-said ${said.level}`} role={said.level === 'error' ? 'alert' : 'status'} data-testid="export-said">
          {said.messages.map((message, i) => (
            <p key={i}>{text(message)}</p>
          ))}
          <button type="button" className="link" onClick={() => setSaid(null)}>
            {t('database.export.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
