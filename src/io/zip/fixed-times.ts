import { unzipSync } from 'fflate';
import { writeZip } from './zip-write.ts';

/**
 * exceljs stamps each part of an .xlsx zip with the current time, so the same workbook would hash
 * differently every second: the parts are repacked, in their order, with writeZip's fixed time.
 */
export function withFixedTimes(zip: Uint8Array): Uint8Array {
  return writeZip(Object.entries(unzipSync(zip)).map(([name, bytes]) => ({ name, bytes })));
}
