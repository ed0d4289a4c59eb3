/** Small line icons for the find and history tools (SVG: no font can leave them blank). */
const frame = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', stroke: 'currentColor', strokeWidth: 1.6, strokeLinecap: 'round' as const, 'aria-hidden': true };

export function SearchIcon() {
  return (
    <svg {...frame}>
      <circle cx="6.8" cy="6.8" r="4.6" />
      <path d="M10.3 10.3 14.5 14.5" />
    </svg>
  );
}

export function CrosshairIcon() {
  return (
    <svg {...frame}>
      <circle cx="8" cy="8" r="4.8" />
      <path d="M8 1v3.4M8 11.6V15M1 8h3.4M11.6 8H15" />
    </svg>
  );
}

export function HistoryIcon() {
  return (
    <svg {...frame}>
      <path d="M2.2 8a5.8 5.8 0 1 0 1.7-4.1" />
      <path d="M1.8 1.8v3.4h3.4" />
      <path d="M8 4.8V8l2.3 1.6" />
    </svg>
  );
}

/* The toolbar's edit tools, drawn the same way: a glyph a font lacks shows as a blank box. */

export function UndoIcon() {
  return (
    <svg {...frame}>
      <path d="M5.5 3.2 2.2 6.5l3.3 3.3" />
      <path d="M2.4 6.5h7.1a4.3 4.3 0 0 1 0 8.6H7" />
    </svg>
  );
}

export function RedoIcon() {
  return (
    <svg {...frame}>
      <path d="m10.5 3.2 3.3 3.3-3.3 3.3" />
      <path d="M13.6 6.5H6.5a4.3 4.3 0 0 0 0 8.6H9" />
    </svg>
  );
}

export function SelectIcon() {
  return (
    <svg {...frame}>
      <path d="M3 2.2 12.6 7.8 8.3 8.9 6.4 13.2Z" />
    </svg>
  );
}

export function BoxSelectIcon() {
  return (
    <svg {...frame} strokeDasharray="2 1.6">
      <rect x="2.2" y="2.8" width="11.6" height="10.4" rx="0.8" />
    </svg>
  );
}

export function SplitIcon() {
  return (
    <svg {...frame}>
      <rect x="2" y="3" width="12" height="10" rx="0.8" />
      <path d="M9.5 1.2 6.5 14.8" strokeDasharray="2.2 1.4" />
    </svg>
  );
}

export function CutHoleIcon() {
  return (
    <svg {...frame}>
      <rect x="1.8" y="2.6" width="12.4" height="10.8" rx="0.8" />
      <circle cx="8" cy="8" r="2.6" />
    </svg>
  );
}

export function MergeIcon() {
  return (
    <svg {...frame}>
      <path d="M2 4h6v4h6v5H2Z" />
      <path d="M5.5 8.5h5M8 6v5" />
    </svg>
  );
}

export function ClipIcon() {
  return (
    <svg {...frame}>
      <rect x="1.8" y="1.8" width="8" height="8" rx="0.6" />
      <path d="M9.8 6.2h4.4v8H6.2V9.8" strokeDasharray="2 1.4" />
    </svg>
  );
}

export function CopyToLayerIcon() {
  return (
    <svg {...frame}>
      <rect x="5" y="5" width="9" height="9" rx="0.8" />
      <path d="M11 2H3a1 1 0 0 0-1 1v8" />
    </svg>
  );
}

export function DeleteIcon() {
  return (
    <svg {...frame}>
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 9.6h6.4L12 4M6.6 6.6v4.6M9.4 6.6v4.6" />
    </svg>
  );
}

export function SnapIcon() {
  return (
    <svg {...frame}>
      <path d="M4 2v6a4 4 0 0 0 8 0V2" />
      <path d="M4 5h2.4M9.6 5H12M6.4 2v6a1.6 1.6 0 0 0 3.2 0V2" />
    </svg>
  );
}

/** The measure tool: a ruler laid across, with its ticks. */
export function RulerIcon() {
  return (
    <svg {...frame}>
      <path d="M1.6 11.2 11.2 1.6l3.2 3.2-9.6 9.6Z" />
      <path d="M4.4 8.4 6 10M6.6 6.2l1.2 1.2M8.8 4 10.4 5.6" />
    </svg>
  );
}

export function HelpIcon() {
  return (
    <svg {...frame}>
      <circle cx="8" cy="8" r="6.4" />
      <path d="M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.5" />
      <path d="M8 11.6v.2" />
    </svg>
  );
}

export function DrawIcon() {
  return (
    <svg {...frame}>
      <path d="M2.5 13.5 3.3 10l7.4-7.4a1.5 1.5 0 0 1 2.1 2.1L5.4 12.1Z" />
      <path d="M9.6 3.7l2.7 2.7" />
    </svg>
  );
}

/** The attribute table: a grid with a header row and a frozen first column. */
export function TableIcon() {
  return (
    <svg {...frame}>
      <rect x="1.8" y="2.5" width="12.4" height="11" rx="1" />
      <path d="M1.8 6h12.4M1.8 9.7h12.4M5.6 2.5v11" />
    </svg>
  );
}

/* The toolbar's menus (文件, 公示, 更多) and what moves into them. */

/** 导入: an arrow down into a tray. */
export function ImportIcon() {
  return (
    <svg {...frame}>
      <path d="M8 1.8v8M4.8 6.8 8 10l3.2-3.2" />
      <path d="M2 10.5v2.7h12v-2.7" />
    </svg>
  );
}

/** 导出成果包: a parcel with an arrow out of it. */
export function ExportPackageIcon() {
  return (
    <svg {...frame}>
      <path d="M2 5.2h8.4v8.3H2ZM2 5.2l1.6-2.7h5.2l1.6 2.7M6.2 2.5v2.7" />
      <path d="M10.8 9.4H15M13.2 7.6 15 9.4l-1.8 1.8" />
    </svg>
  );
}

/** 导出 DXF: a drawing sheet with a drafted line. */
export function CadIcon() {
  return (
    <svg {...frame}>
      <path d="M3 1.8h6.6l3.4 3.4v9H3Z" />
      <path d="M9.4 1.8v3.6H13M5.4 12l2-4 2.2 2.4 1.2-2" />
    </svg>
  );
}

/** 公示: a notice board on its post. */
export function NoticeIcon() {
  return (
    <svg {...frame}>
      <rect x="1.8" y="2" width="12.4" height="8" rx="0.8" />
      <path d="M4.4 4.8h7.2M4.4 7.2h4.4M8 10v4.2M5.2 14.2h5.6" />
    </svg>
  );
}

/** 公示意见: a speech bubble. */
export function FeedbackIcon() {
  return (
    <svg {...frame}>
      <path d="M2 3.2h12v7.6H7.4L4.2 13.6v-2.8H2Z" />
      <path d="M4.8 6h6.4M4.8 8.2h4" />
    </svg>
  );
}

/** 输出规划图: a printer. */
export function PrintIcon() {
  return (
    <svg {...frame}>
      <path d="M4.4 5.6V1.8h7.2v3.8M4.4 11.6H2V5.6h12v6h-2.4" />
      <path d="M4.4 9.2h7.2v5H4.4Z" />
    </svg>
  );
}

/** 底图: two stacked map sheets. */
export function BasemapIcon() {
  return (
    <svg {...frame}>
      <path d="M8 2 14.4 5.4 8 8.8 1.6 5.4Z" />
      <path d="M1.6 8.4 8 11.8l6.4-3.4M1.6 11.2 8 14.6l6.4-3.4" />
    </svg>
  );
}

/** The language switch: a globe. */
export function LanguageIcon() {
  return (
    <svg {...frame}>
      <circle cx="8" cy="8" r="6.4" />
      <path d="M1.6 8h12.8M8 1.6c-2.2 2.4-2.2 10.4 0 12.8M8 1.6c2.2 2.4 2.2 10.4 0 12.8" />
    </svg>
  );
}

/** 更多: three dots. */
export function MoreIcon() {
  return (
    <svg {...frame} strokeWidth={2.4}>
      <path d="M3.2 8h.1M8 8h.1M12.8 8h.1" />
    </svg>
  );
}
