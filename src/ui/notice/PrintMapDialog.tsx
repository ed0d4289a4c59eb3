/**
 * 出图: 村土地利用现状图 or 村土地利用规划图 as a PDF at a true scale on A3/A1/A0, or as the JPG for the
 * package's 4.图像文件/. A village that does not fit the sheet at the scale gets the scales that would.
 * 标准分幅 prints the 1:2000 standard sheets the village reaches and 拼幅 tiles of the chosen sheet, each
 * as one PDF with the sheet index first.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { renderMessage } from '../../rules/render.ts';
import type { MapKind } from '../../print/compose.ts';
import { DEFAULT_SCALE, PAPER_SIZES, PRINT_SCALES, type PaperSize } from '../../print/paper.ts';
import { STANDARD_SCALE } from '../../print/sheets.ts';
import { localDate } from '../../domain/calendar.ts';
import { useServices } from '../services.tsx';
import { downloadBytes } from '../download.ts';
import { printFonts } from './print-fonts.ts';
import { loadGeos } from '../../geo/geos/geos-module.ts';
import { Dialog } from '../dialog/Dialog.tsx';

/** 单幅 (the whole village on one sheet), 标准分幅 (the 1:2000 standard sheets), 拼幅 (tiles of the chosen sheet). */
const LAYOUTS = ['single', 'standard', 'tiled'] as const;
type Layout = (typeof LAYOUTS)[number];

export function PrintMapDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { editor } = useServices();
  const meta = editor.plan.getState().plan.meta;
  const [kind, setKind] = useState<MapKind>('plan');
  const [layout, setLayoutState] = useState<Layout>('single');
  const touched = useRef(false);
  const [paper, setPaperState] = useState<PaperSize>('A1');
  const [scale, setScaleState] = useState<number>(DEFAULT_SCALE);
  // Defaults that print: the sheet and scale that hold this village (1:2000 where a sheet can). The
  // composer loads with the dialog, not with the editor.
  useEffect(() => {
    let open = true;
    void import('../../print/compose.ts').then(({ fittingSheet }) => {
      if (!open || touched.current) return;
      const fitting = fittingSheet(editor.plan.getState().plan);
      setPaperState(fitting.paper);
      setScaleState(fitting.scale);
    });
    return () => {
      open = false;
    };
  }, [editor]);
  const [issuer, setIssuer] = useState(meta.township ? t('notice.ui.defaultIssuer', { township: meta.township }) : '');
  const [date, setDate] = useState(localDate(new Date()));
  const [status, setStatus] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; message: Message } | { kind: 'done'; file: string; pages?: number; notes: readonly Message[] }>({ kind: 'idle' });
  // A problem is about the settings it was found with: changing them clears it.
  const setPaper = (next: PaperSize) => ((touched.current = true), setPaperState(next), setStatus({ kind: 'idle' }));
  const setScale = (next: number) => ((touched.current = true), setScaleState(next), setStatus({ kind: 'idle' }));
  const setLayout = (next: Layout) => (setLayoutState(next), setStatus({ kind: 'idle' }));

  const print = async (format: 'pdf' | 'jpg') => {
    const plan = editor.plan.getState().plan;
    const [{ fullCheck }, { printMapPdf, printMapJpg, printSeriesPdf }, fonts] = await Promise.all([import('../../rules/engine.ts'), import('../../print/print-map.ts'), printFonts(), loadGeos()]);
    const input = { plan, kind, paper, scale, issuer, date, indicators: fullCheck(plan).tables.F1, t: (key: string, params?: Record<string, unknown>) => t(key, params ?? {}) };
    if (layout !== 'single') {
      const series = await printSeriesPdf({ ...input, layout: layout === 'standard' ? { kind: 'standard' } : { kind: 'tiled', paper, scale } }, fonts);
      if (!series.ok) return setStatus({ kind: 'failed', message: series.error });
      downloadBytes(series.value.fileName, series.value.bytes, 'application/pdf');
      return setStatus({ kind: 'done', file: series.value.fileName, pages: series.value.pages, notes: series.notes });
    }
    const printed = format === 'pdf' ? await printMapPdf(input, fonts) : await printMapJpg(input, fonts);
    if (!printed.ok) return setStatus({ kind: 'failed', message: printed.error });
    downloadBytes(printed.value.fileName, printed.value.bytes, format === 'pdf' ? 'application/pdf' : 'image/jpeg');
    setStatus({ kind: 'done', file: printed.value.fileName, notes: printed.notes });
  };
  // A font that could not be fetched (offline before it was ever cached) or a composer error is said in
  // the dialog; uncaught, it would leave the dialog on "正在出图…" for good.
  const make = (format: 'pdf' | 'jpg') => {
    setStatus({ kind: 'working' });
    return print(format).catch((error: unknown) => setStatus({ kind: 'failed', message: { key: 'print.failed', params: { detail: error instanceof Error ? error.message : String(error) } } }));
  };

  return (
    <Dialog
      title={t('notice.ui.printTitle')}
      className="notice-dialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="primary" data-action="print-pdf" disabled={status.kind === 'working'} onClick={() => void make('pdf')}>
            {t('notice.ui.printPdf')}
          </button>
          <button type="button" data-action="print-jpg" disabled={status.kind === 'working' || layout !== 'single'} title={layout === 'single' ? undefined : t('notice.ui.jpgSingleOnly')} onClick={() => void make('jpg')}>
            {t('notice.ui.printJpg')}
          </button>
        </>
      }
    >
      <label className="notice-field">
        <span>{t('notice.ui.mapKind')}</span>
        <select value={kind} data-field="map-kind" onChange={(e) => setKind(e.target.value as MapKind)}>
          <option value="current">{t('print.title.current', { village: meta.villageName })}</option>
          <option value="plan">{t('print.title.plan', { village: meta.villageName })}</option>
        </select>
      </label>
      <label className="notice-field">
        <span>{t('notice.ui.layout')}</span>
        <select value={layout} data-field="layout" onChange={(e) => setLayout(e.target.value as Layout)}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(`notice.ui.layout.${l}`)}
            </option>
          ))}
        </select>
      </label>
      {layout === 'single' ? null : <p className="hint">{t(`notice.ui.layoutHint.${layout}`)}</p>}
      <div className="notice-dates">
        <label className="notice-field">
          <span>{t('notice.ui.paper')}</span>
          <select value={paper} data-field="paper" disabled={layout === 'standard'} onChange={(e) => setPaper(e.target.value as PaperSize)}>
            {Object.keys(PAPER_SIZES).map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label className="notice-field">
          <span>{t('notice.ui.scale')}</span>
          <select value={layout === 'standard' ? STANDARD_SCALE : scale} data-field="scale" disabled={layout === 'standard'} onChange={(e) => setScale(Number(e.target.value))}>
            {PRINT_SCALES.map((s) => (
              <option key={s} value={s}>{`1:${s}`}</option>
            ))}
          </select>
        </label>
      </div>
      <label className="notice-field">
        <span>{t('notice.field.issuer')}</span>
        <input type="text" value={issuer} maxLength={60} data-field="issuer" onChange={(e) => setIssuer(e.target.value)} />
      </label>
      <label className="notice-field">
        <span>{t('notice.ui.date')}</span>
        <input type="date" value={date} data-field="date" onChange={(e) => setDate(e.target.value)} />
      </label>
      {status.kind === 'failed' ? <p className="field-error" role="alert" data-testid="print-problem">{renderMessage(t, status.message)}</p> : null}
      {status.kind === 'working' ? <p className="hint" role="status">{t('notice.ui.printing')}</p> : null}
      {status.kind === 'done' ? (
        <p className="hint" role="status" data-testid="print-done">
          {status.pages ? t('notice.ui.printedSeries', { file: status.file, pages: status.pages, sheets: status.pages - 1 }) : t('notice.ui.printed', { file: status.file })}
        </p>
      ) : null}
      {status.kind === 'done'
        ? status.notes.map((note) => (
            <p key={note.key} className="field-error" role="alert" data-testid="print-note">
              {renderMessage(t, note)}
            </p>
          ))
        : null}
    </Dialog>
  );
}
