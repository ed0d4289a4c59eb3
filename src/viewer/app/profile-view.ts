/**
 * What differs between the notice of a 2017 plan and of a 2026 村庄规划, in one place: the model decoded
 * from the payload, the map it draws, the answer to a tap, the legend and the search. Everything else (the
 * frame, the notice text, comments, the canvas and MapLibre) is the same viewer.
 */
import type { Geometry, Position } from 'geojson';
import type { AnyNoticePayload } from '../payload/payload-2026.ts';
import { legendEntries2026 } from './legend-2026.ts';
import { legendEntries, type LegendEntry } from './legend.ts';
import { decodeNotice2026, type Notice2026Model } from './notice-model-2026.ts';
import { decodeNotice, type NoticeModel } from './notice-model.ts';
import { mapContent2026 } from './notice-style-2026.ts';
import { mapContent2017, type MapContent, type NoticeView } from './notice-style.ts';
import { describeAt2026 } from './parcel-sentence-2026.ts';
import { describeAt, type Description } from './parcel-sentence.ts';
import { search, searchParcels2026, type SearchHit } from './search.ts';

export type AnyNoticeModel = NoticeModel | Notice2026Model;

export function decodeAnyNotice(payload: AnyNoticePayload): AnyNoticeModel {
  return payload.profile === 'zhejiang-2026' ? decodeNotice2026(payload) : decodeNotice(payload);
}

export function mapContentOf(model: AnyNoticeModel): MapContent {
  return model.profile === 'zhejiang-2026' ? mapContent2026(model) : mapContent2017(model);
}

/** The sentence for a tap, and the outline of what it is about (highlighted on the map). */
export function answerAt(model: AnyNoticeModel, at: Position): { readonly description: Description; readonly geometry: Geometry | null } {
  if (model.profile === 'zhejiang-2026') return describeAt2026(model, at);
  const description = describeAt(model, at);
  const item = description.featureId && description.layer ? model.areas[description.layer].find((a) => a.id === description.featureId) : undefined;
  return { description, geometry: item?.geometry ?? null };
}

/** What the map shows in `view` (a 2026 notice has the plan view only). */
export function legendOf(model: AnyNoticeModel, view: NoticeView): LegendEntry[] {
  return model.profile === 'zhejiang-2026' ? legendEntries2026(model) : legendEntries(model, view);
}

export function searchOf(model: AnyNoticeModel, query: string): SearchHit[] {
  return model.profile === 'zhejiang-2026' ? searchParcels2026(model, query) : search(model, query);
}
