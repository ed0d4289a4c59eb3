/**
 * Choosing the basemap: none (offline, the default), raster tiles from a URL, or a local PMTiles file.
 * The choice is remembered; a PMTiles file is kept in IndexedDB so it survives a reload.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tileUrlProblem } from '../../map/basemap.ts';
import { saveBasemapFile } from '../../persist/settings-db.ts';
import { formatMessage } from '../format.ts';
import { useServices, useUi } from '../services.tsx';
import { Dialog } from '../dialog/Dialog.tsx';

const TIANDITU_EXAMPLE =
  'https://t0.tianditu.gov.cn/img_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=您的密钥';

export function BasemapDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { editor } = useServices();
  const current = useUi((s) => s.basemap);
  const [kind, setKind] = useState(current.kind);
  const [url, setUrl] = useState(current.kind === 'raster' ? current.url : '');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);

  const apply = async () => {
    if (kind === 'none') editor.ui.setBasemap({ kind: 'none' });
    if (kind === 'raster') {
      const problem = tileUrlProblem(url.trim());
      if (problem) return setError(formatMessage(t, (k) => i18n.exists(k), problem));
      editor.ui.setBasemap({ kind: 'raster', url: url.trim() });
    }
    if (kind === 'pmtiles') {
      if (!file && current.kind !== 'pmtiles') return setError(t('basemap.error.chooseFile'));
      if (file) {
        await saveBasemapFile(file);
        editor.ui.setBasemap({ kind: 'pmtiles', fileName: `${file.name}#${file.lastModified}` });
      }
    }
    // A basemap under opaque parcels is invisible: let it show through.
    if (kind !== 'none' && editor.ui.getState().layers.base.opacity === 1) editor.ui.setLayerDisplay('base', { opacity: 0.55 });
    onClose();
  };

  return (
    <Dialog
      title={t('basemap.title')}
      className="basemap"
      onClose={onClose}
      submit={{ label: t('dialog.apply'), onSubmit: () => void apply() }}
    >
      <label className="choice">
        <input type="radio" name="basemap" checked={kind === 'none'} onChange={() => setKind('none')} /> {t('basemap.none')}
      </label>
      <label className="choice">
        <input type="radio" name="basemap" checked={kind === 'raster'} onChange={() => setKind('raster')} /> {t('basemap.raster')}
      </label>
      {kind === 'raster' ? (
        <div className="field">
          <input type="url" value={url} placeholder={TIANDITU_EXAMPLE} aria-label={t('basemap.url')} onChange={(e) => setUrl(e.target.value)} />
          <span className="hint">{t('basemap.urlHint')}</span>
        </div>
      ) : null}
      <label className="choice">
        <input type="radio" name="basemap" checked={kind === 'pmtiles'} onChange={() => setKind('pmtiles')} /> {t('basemap.pmtiles')}
      </label>
      {kind === 'pmtiles' ? (
        <div className="field">
          <input type="file" accept=".pmtiles" aria-label={t('basemap.file')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          {current.kind === 'pmtiles' && !file ? <span className="hint">{t('basemap.currentFile', { name: current.fileName.split('#')[0] })}</span> : null}
        </div>
      ) : null}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </Dialog>
  );
}
