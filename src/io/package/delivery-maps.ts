/**
 * The package's `4.图像文件/`: 村土地利用现状图 and 村土地利用规划图 as JPG, made by the print composer
 * (`print/`) on the sheet and at the scale that hold the village (`fittingSheet`, what the print dialog
 * preselects), so the folder holds the maps rather than a note asking for them. The fonts come from the
 * caller: the editor fetches them from its assets, the CLI reads them from node_modules.
 */
import type { Plan } from '../../domain/plan.ts';
import { fittingSheet, type MapKind } from '../../print/compose.ts';
import type { PrintFonts } from '../../print/pdf.ts';
import { printMapJpg } from '../../print/print-map.ts';
import type { Translate } from '../../rules/render.ts';
import type { Table } from '../../rules/tables/table.ts';
import type { OutputFile } from '../files.ts';
import type { Message } from '../result.ts';

export interface DeliveryMaps {
  readonly fonts: PrintFonts;
  /** The sheet's date, YYYY-MM-DD. */
  readonly date: string;
  /** Resolution of the JPGs; 150 dpi by default, as the print dialog makes them. */
  readonly dpi?: number;
}

const KINDS: readonly MapKind[] = ['current', 'plan'];

/**
 * The map's title as one file name: a village named `上庄/下庄村` must not put its maps in a folder `上庄/`
 * (nor `../` anywhere outside the package), and a zip opened on Windows refuses `\ : * ? " < > |`.
 */
function imageFileName(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** The two JPGs, or for a map that cannot be made (no boundary, no parcels) a note saying why. */
export async function deliveryMapFiles(plan: Plan, indicators: Table, maps: DeliveryMaps, t: Translate, folder: string): Promise<{ files: OutputFile[]; notes: Message[] }> {
  const { paper, scale } = fittingSheet(plan);
  const issuer = plan.meta.township ? t('notice.ui.defaultIssuer', { township: plan.meta.township }) : '';
  const files: OutputFile[] = [];
  const notes: Message[] = [];
  for (const kind of KINDS) {
    const printed = await printMapJpg({ plan, kind, paper, scale, issuer, date: maps.date, indicators, t }, maps.fonts, maps.dpi);
    if (printed.ok) {
      files.push({ name: `${folder}/${imageFileName(printed.value.fileName)}`, bytes: printed.value.bytes });
      // Characters the print font lacks (嶴 in the village's name): said once, though both maps have them.
      for (const note of printed.notes) if (!notes.some((n) => JSON.stringify(n) === JSON.stringify(note))) notes.push(note);
    } else notes.push({ key: 'package.delivery.mapNotMade', params: { ...printed.error.params, village: plan.meta.villageName, mapKey: `print.title.${kind}`, reasonKey: printed.error.key } });
  }
  return { files, notes };
}
