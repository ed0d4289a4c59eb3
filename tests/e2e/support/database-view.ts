/** Driving the 2026 database view: a point to click inside a parcel, and a real click there on its map. */
import type { Position } from 'geojson';
import type { Page } from 'playwright-core';
import { geometryBBox } from '../../../src/geo/bbox.ts';
import { pointInAreaGeometry } from '../../../src/geo/point-in-ring.ts';
import type { VillageFeature } from '../../../src/profiles/zhejiang-2026/village-database.ts';
import { isAreaGeometry } from '../../../src/rules/ydyh/database-parcels.ts';

/** A point well inside a parcel: the first grid point of its box that lies in it, away from its edges. */
export function insidePoint(feature: VillageFeature): [number, number] {
  const geometry = feature.geometry;
  if (!isAreaGeometry(geometry)) throw new Error('not an area');
  const [w, s, e, n] = geometryBBox(geometry);
  for (let i = 3; i < 8; i++) {
    for (let j = 3; j < 8; j++) {
      const p: Position = [w + ((e - w) * i) / 10, s + ((n - s) * j) / 10];
      if (pointInAreaGeometry(p, geometry) === 'inside') return p as [number, number];
    }
  }
  throw new Error(`no inside point for ${feature.ref}`);
}

/** Clicks the database map at a lon/lat once it has drawn; Shift held when asked (adds to the picked features). */
export async function clickDatabaseMap(page: Page, lonLat: [number, number], shift = false): Promise<void> {
  await page.evaluate(() => window.villageDatabase?.idle());
  const local = await page.evaluate((p) => window.villageDatabase?.project(p) ?? null, lonLat);
  const box = await page.locator('[data-testid="database-map"] canvas').boundingBox();
  if (!local || !box) throw new Error('map not ready');
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(box.x + local.x, box.y + local.y);
  if (shift) await page.keyboard.up('Shift');
}
