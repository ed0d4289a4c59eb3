/**
 * Go to coordinates: lon/lat (decimal or 度分秒) or CGCS2000 Gauss-Krüger X/Y (parse-coordinates.ts). The map
 * centres on the point (at 1:2000 or closer) and a marker stays there until cleared or moved by the next go.
 * The reader and proj4 load when the panel first opens, not with the editor.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../domain/message.ts';
import { formatMessage, formatNumber } from '../format.ts';
import { useServices } from '../services.tsx';
import { clearMarker, hasMarker, placeMarker } from './goto-marker.ts';
import type { ParsedPoint } from './parse-coordinates.ts';
import { insideVillage, villageCentre } from './village-place.ts';

type Reader = typeof import('./parse-coordinates.ts');

type Outcome = { readonly ok: true; readonly point: ParsedPoint; readonly notes: readonly Message[] } | { readonly ok: false; readonly error: Message };

/** The scale a go-to zooms in to at least: the plan's own scale. */
const GO_TO_SCALE = 2000;

export function GoToPanel() {
  const { t, i18n } = useTranslation();
  const { editor, view } = useServices();
  const [reader, setReader] = useState<Reader | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [marked, setMarked] = useState(() => (view ? hasMarker(view.map) : false));
  useEffect(() => {
    let live = true;
    void import('./parse-coordinates.ts').then((module) => live && setReader(module));
    return () => {
      live = false;
    };
  }, []);
  const format = (message: Message) => formatMessage(t, (k) => i18n.exists(k), message);

  // Enter typed before the reader has loaded (the panel just opened) waits for it rather than doing nothing.
  const go = async () => {
    const parse = reader ?? (await import('./parse-coordinates.ts'));
    const plan = editor.plan.getState().plan;
    const centre = villageCentre(plan);
    const result = parse.parseCoordinates(text, { defaultZone: parse.gkZoneForLongitude(centre?.[0] ?? 120) });
    if (!result.ok) {
      setOutcome(result);
      return;
    }
    const notes = [...result.notes];
    if (insideVillage(plan, result.value.lonLat) === false) notes.push({ key: 'goto.outsideVillage' });
    setOutcome({ ok: true, point: result.value, notes });
    if (view) {
      view.centreOn(result.value.lonLat, GO_TO_SCALE);
      placeMarker(view.map, result.value.lonLat);
      setMarked(true);
    }
  };

  const described = (point: ParsedPoint): string => {
    const [lon, lat] = point.lonLat;
    const degrees = { lon: formatNumber(lon, 6), lat: formatNumber(lat, 6) };
    return point.kind === 'gk'
      ? t('goto.result.gk', { x: formatNumber(point.x, 2), y: formatNumber(point.y + point.zone * 1_000_000, 2), zone: point.zone, ...degrees })
      : t('goto.result.lonLat', degrees);
  };

  return (
    <form
      className="goto-form"
      onSubmit={(e) => {
        e.preventDefault();
        void go();
      }}
    >
      <div className="goto-row">
        <input
          type="text"
          autoFocus
          value={text}
          placeholder={t('goto.placeholder')}
          aria-label={t('goto.title')}
          aria-describedby="goto-hint"
          aria-invalid={outcome?.ok === false}
          data-testid="goto-input"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'g') {
              e.preventDefault();
              e.currentTarget.select();
            }
          }}
        />
        <button type="submit" className="tool-button primary" data-testid="goto-go" disabled={!reader}>
          {t('goto.go')}
        </button>
      </div>
      <p id="goto-hint" className="hint">
        {t('goto.hint')}
      </p>
      {outcome?.ok === false ? (
        <p className="field-error" role="alert" data-testid="goto-error">
          {format(outcome.error)}
        </p>
      ) : null}
      {outcome?.ok ? (
        <div className="goto-result" role="status" data-testid="goto-result">
          <p>{described(outcome.point)}</p>
          {outcome.notes.map((note) => (
            <p key={note.key} className="hint">
              {format(note)}
            </p>
          ))}
        </div>
      ) : null}
      {marked && view ? (
        <button
          type="button"
          className="mini"
          data-testid="goto-clear"
          onClick={() => {
            clearMarker(view.map);
            setMarked(false);
          }}
        >
          {t('goto.clear')}
        </button>
      ) : null}
    </form>
  );
}
