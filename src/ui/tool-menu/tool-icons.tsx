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
