/** A small sample of how a layer looks on the map: fill, outline, hatching. */
import type { LayerId } from '../../profiles/zhejiang-2017/layers.ts';
import { CHANGE_COLOURS, CLASS_GROUP_COLOURS, PBF_COLOUR, rgbCss } from '../../profiles/zhejiang-2017/palette.ts';

const SWATCH: Readonly<Record<LayerId, { fill?: string; outline: string; className?: string }>> = {
  boundary: { outline: rgbCss(CHANGE_COLOURS.boundary), className: 'dashed' },
  base: { fill: rgbCss(CLASS_GROUP_COLOURS.cultivated), outline: '#7a7a7a' },
  pbf: { fill: rgbCss(PBF_COLOUR), outline: '#c8a400' },
  redline: { outline: rgbCss(CHANGE_COLOURS.redline), className: 'hatch-red' },
  townshipZones: { outline: '#999999', className: 'dotted' },
  places: { outline: 'transparent', className: 'text' },
  demolition: { outline: '#000000', className: 'hatch-cross' },
  newBuild: { fill: rgbCss(CLASS_GROUP_COLOURS.homestead), outline: rgbCss(CHANGE_COLOURS.newBuild) },
  useChange: { fill: rgbCss(CLASS_GROUP_COLOURS.cultivated), outline: rgbCss(CHANGE_COLOURS.useChange), className: 'dashed' },
  facility: { fill: rgbCss(CLASS_GROUP_COLOURS.facilityFarmland), outline: rgbCss(CHANGE_COLOURS.facility) },
  reserve: { outline: rgbCss(CHANGE_COLOURS.reserve), className: 'hatch-gold' },
  consolidationZone: { outline: rgbCss(CHANGE_COLOURS.consolidationZone), className: 'dashed' },
  functionalZone: { outline: rgbCss(CHANGE_COLOURS.functionalZone) },
  controlZone: { outline: '#e60000' },
  feedback: { fill: '#ff6600', outline: '#ffffff', className: 'dot' },
};

export function LayerSwatch({ layer }: { layer: LayerId }) {
  const s = SWATCH[layer];
  return <span className={`swatch ${s.className ?? ''}`} aria-hidden="true" style={{ background: s.fill, borderColor: s.outline }} />;
}

export function ColourSwatch({ colour, className }: { colour: string; className?: string }) {
  return <span className={`swatch ${className ?? ''}`} aria-hidden="true" style={{ background: colour, borderColor: '#888' }} />;
}
