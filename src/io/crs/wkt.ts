/**
 * A tolerant reader of WKT (OGC 01-009 "WKT1", ESRI's dialect and ISO 19162 "WKT2") into a plain tree.
 * proj4's wkt-parser would turn the text straight into projection parameters, dropping the names and
 * AUTHORITY/ID nodes by which ArcGIS- and QGIS-written CGCS2000 zones are recognised best, and it cannot
 * say "this is not WKT at all" (an HTML page saved as `.prj`), which the planner must be told.
 */
export interface WktNode {
  readonly keyword: string;
  readonly values: readonly WktValue[];
}
export type WktValue = string | number | WktNode;

/** Parses `KEYWORD[...]`; returns undefined for anything that is not well-formed WKT. */
export function parseWkt(text: string): WktNode | undefined {
  const source = text.replace(/^\uFEFF/, '').trim();
  let at = 0;
  const skipSpace = () => {
    while (at < source.length && /\s/.test(source[at] as string)) at++;
  };
  const node = (): WktNode | undefined => {
    skipSpace();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(at))?.[0];
    if (!keyword) return undefined;
    at += keyword.length;
    skipSpace();
    const open = source[at];
    if (open !== '[' && open !== '(') return { keyword: keyword.toUpperCase(), values: [] };
    const close = open === '[' ? ']' : ')';
    at++;
    const values: WktValue[] = [];
    for (;;) {
      skipSpace();
      const c = source[at];
      if (c === undefined) return undefined;
      if (c === close) {
        at++;
        return { keyword: keyword.toUpperCase(), values };
      }
      if (values.length > 0) {
        if (c !== ',') return undefined;
        at++;
        skipSpace();
      }
      const value = scalarOrNode();
      if (value === undefined) return undefined;
      values.push(value);
    }
  };
  const scalarOrNode = (): WktValue | undefined => {
    const c = source[at];
    if (c === '"') {
      // WKT doubles a quote inside a quoted text.
      let out = '';
      at++;
      for (;;) {
        const q = source.indexOf('"', at);
        if (q < 0) return undefined;
        out += source.slice(at, q);
        at = q + 1;
        if (source[at] !== '"') return out;
        out += '"';
        at++;
      }
    }
    const number = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(source.slice(at))?.[0];
    if (number) {
      at += number.length;
      return Number(number);
    }
    return node();
  };
  const root = node();
  skipSpace();
  return root && at === source.length && root.values.length > 0 ? root : undefined;
}

export function child(node: WktNode, ...keywords: string[]): WktNode | undefined {
  return node.values.find((v): v is WktNode => typeof v === 'object' && keywords.includes(v.keyword));
}

export function children(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.values.filter((v): v is WktNode => typeof v === 'object' && keywords.includes(v.keyword));
}

/** The first quoted value: a node's name. */
export function nameOf(node: WktNode | undefined): string {
  const name = node?.values[0];
  return typeof name === 'string' ? name : '';
}

/** `AUTHORITY["EPSG","4528"]` (WKT1) or `ID["EPSG",4528]` (WKT2) directly under the node. */
export function epsgCodeOf(node: WktNode): number | undefined {
  const id = child(node, 'AUTHORITY', 'ID');
  if (!id || String(id.values[0]).toUpperCase() !== 'EPSG') return undefined;
  const code = Number(id.values[1]);
  return Number.isInteger(code) ? code : undefined;
}
