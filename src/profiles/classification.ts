/**
 * A land classification as data (issue 15: profiles as data): the codes a plan type classifies land
 * with, their names, their tree and their colours, and groupings of them (a table's subtotals, the
 * three categories of the Land Administration Law) kept beside the tree, never in code. The 2017 规划地类
 * (domain.md §3.1), the 2023 用地用海 classes and the 三调 work classes (domain-2026.md §1, §2) are each one
 * `Classification`; a plan profile names the one its layers use.
 *
 * Facts no source confirms (⚠ in domain-2026.md) are marked `unconfirmed` where they are stated, so the
 * UI can label them 默认值 and a planner can change them, and a test can list them.
 */

export type Rgb = readonly [number, number, number];

export interface LandClassEntry {
  /**
   * The code as written in the data: a string (leading zeros kept). `null` for a class known by name
   * only (a Zhejiang refinement with no published code): it rolls up to `parent` in tables.
   */
  readonly code: string | null;
  readonly zh: string;
  readonly en: string;
  /** The code of the class this one refines; `null` at the first level. */
  readonly parent: string | null;
  /** Used on land (a village plan) or at sea (用海 classes, kept so a code is known, never offered). */
  readonly realm: 'land' | 'sea';
  /** Fill colour on the map and in print. */
  readonly colour?: Rgb;
  /** Other names an import accepts for this class (older names, known typos in published templates). */
  readonly aliases?: readonly string[];
  /** What about this entry no source confirms (⚠): its code, its colour, its being a class at all. */
  readonly unconfirmed?: readonly ('code' | 'colour' | 'class')[];
}

export interface Classification {
  /** Stable id, saved with data that names its scheme: `zhejiang-2017`, `ydyh-2023`, `sandiao`. */
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly classes: readonly LandClassEntry[];
}

/**
 * A grouping of a classification's codes (a table's subtotals, 三大类): each key is a code, and a code
 * not listed takes its nearest listed parent's group; a code with no listed ancestor is in no group
 * (`null`), which is itself a finding for a table that must count every parcel.
 */
export interface Grouping<G extends string = string> {
  readonly id: string;
  readonly zh: string;
  readonly en: string;
  readonly groups: Readonly<Record<G, { readonly zh: string; readonly en: string }>>;
  readonly assign: Readonly<Record<string, G>>;
  /** Codes whose group no source confirms (⚠): the UI labels them 默认值. */
  readonly unconfirmed?: readonly string[];
}

/** A classification indexed by code, with its parent chains; build once per classification. */
export interface ClassIndex {
  readonly classification: Classification;
  /** The entry of a code, or undefined when the code is not in the classification. */
  get(code: string): LandClassEntry | undefined;
  /** The entry of a name (or an accepted alias), for checking a name against its code on import. */
  byName(name: string): LandClassEntry | undefined;
  /** The code and its ancestors, nearest first: `070301` → [`070301`, `0703`, `07`]. */
  lineage(code: string): readonly string[];
  /** The first-level class of a code, or undefined for an unknown code. */
  root(code: string): string | undefined;
  /** Codes whose parent is `code` (first-level classes for `null`), in the classification's order. */
  children(code: string | null): readonly LandClassEntry[];
}

export function indexClassification(classification: Classification): ClassIndex {
  const byCode = new Map<string, LandClassEntry>();
  const byName = new Map<string, LandClassEntry>();
  const children = new Map<string | null, LandClassEntry[]>();
  for (const entry of classification.classes) {
    if (entry.code !== null) {
      if (byCode.has(entry.code)) throw new Error(`${classification.id}: code ${entry.code} twice`);
      byCode.set(entry.code, entry);
    }
    for (const name of [entry.zh, ...(entry.aliases ?? [])]) if (!byName.has(name)) byName.set(name, entry);
    const siblings = children.get(entry.parent) ?? [];
    siblings.push(entry);
    children.set(entry.parent, siblings);
  }
  for (const entry of classification.classes) {
    if (entry.parent !== null && !byCode.has(entry.parent)) {
      throw new Error(`${classification.id}: ${entry.code ?? entry.zh} refines unknown ${entry.parent}`);
    }
  }
  const lineage = (code: string): string[] => {
    const chain: string[] = [];
    for (let at = byCode.get(code); at?.code != null; at = at.parent === null ? undefined : byCode.get(at.parent)) {
      chain.push(at.code);
    }
    return chain;
  };
  return {
    classification,
    get: (code) => byCode.get(code),
    byName: (name) => byName.get(name),
    lineage,
    root: (code) => lineage(code).at(-1),
    children: (code) => children.get(code) ?? [],
  };
}

/** The group of a code: its own, else its nearest ancestor's; `null` when neither is grouped. */
export function groupOf<G extends string>(grouping: Grouping<G>, index: ClassIndex, code: string): G | null {
  const by = assignedBy(grouping.assign, index, code);
  return by === null ? null : (grouping.assign[by] ?? null);
}

/**
 * The code whose entry gives a code its group: the code itself, else its nearest ancestor with an entry;
 * null when none has one. A plan's table that sets 0804 changes 080401 too, and a way back must undo 0804's.
 */
export function assignedBy(assign: Readonly<Record<string, unknown>>, index: ClassIndex, code: string): string | null {
  const chain = index.get(code) ? index.lineage(code) : [code];
  // Own keys only: a code is read from a file and may be `toString` or `__proto__`.
  return chain.find((at) => Object.hasOwn(assign, at)) ?? null;
}
