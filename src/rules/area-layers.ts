/** Layer lists rules share. */
import { LAYER_IDS, LAYERS, type LayerId } from '../profiles/zhejiang-2017/layers.ts';

export const AREA_LAYERS: readonly LayerId[] = LAYER_IDS.filter((id) => LAYERS[id].geometry === 'area');
export const PARTITION_LAYERS: readonly LayerId[] = LAYER_IDS.filter((id) => LAYERS[id].partition);
/** Township-wide references (red line, township zones) may reach beyond the village; the rest must not. */
export const VILLAGE_LAYERS: readonly LayerId[] = LAYER_IDS.filter((id) => id !== 'boundary' && id !== 'redline' && id !== 'townshipZones');
