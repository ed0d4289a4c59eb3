/**
 * The small first script of the single-file notice: reads the payload, draws the village on a canvas and
 * builds the panels (start.ts). MapLibre and its half of the viewer (map-inline.ts) travel as a second,
 * non-running `<script type="text/plain">`: compiling those 1.1 MB took ~1 s on a throttled phone before
 * anything was painted. After the first paint this script runs that code as an inline script, which the
 * file's policy allows by its own hash (notice-html.ts); it runs as soon as it is inserted.
 */
import { MAP_CODE_ELEMENT_ID, NOTICE_MAP_GLOBAL } from '../publish/notice-html.ts';
import type { NoticeMapModule } from './notice-map.ts';
import { startNoticeViewer } from './start.ts';

function loadInlineMap(): Promise<NoticeMapModule> {
  const code = document.getElementById(MAP_CODE_ELEMENT_ID)?.textContent;
  if (!code) return Promise.reject(new Error('no map code in this file'));
  const script = document.createElement('script');
  script.textContent = code;
  document.head.append(script);
  // The script's IIFE leaves its exports in one global (scripts/build/notice-template.ts names it).
  const module = (globalThis as Record<string, unknown>)[NOTICE_MAP_GLOBAL] as NoticeMapModule | undefined;
  return module ? Promise.resolve(module) : Promise.reject(new Error('the map code did not run'));
}

void startNoticeViewer(loadInlineMap);
