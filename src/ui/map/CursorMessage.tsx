/** A message pinned next to a spot on the map (e.g. where a drawing crosses itself). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMessage } from '../format.ts';
import { useMessages, useServices } from '../services.tsx';

export function CursorMessage() {
  const { t, i18n } = useTranslation();
  const { view } = useServices();
  const atCursor = useMessages((s) => s.atCursor);
  const [, redraw] = useState(0);

  useEffect(() => {
    if (!view || !atCursor) return;
    const onMove = () => redraw((n) => n + 1);
    view.map.on('move', onMove);
    return () => {
      view.map.off('move', onMove);
    };
  }, [view, atCursor]);

  if (!view || !atCursor) return null;
  const point = view.map.project([atCursor.at[0] as number, atCursor.at[1] as number]);
  return (
    <div className="cursor-message" role="alert" style={{ left: point.x + 14, top: point.y + 14 }}>
      {formatMessage(t, (k) => i18n.exists(k), atCursor.message)}
    </div>
  );
}
