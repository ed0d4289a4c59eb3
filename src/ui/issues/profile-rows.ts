/**
 * The rule profile as editable rows: every number of the profile by its dotted path (e.g.
 * `minParcelAreaM2.construction`), with the default and the plan's own value. Built by walking the
 * profile, so a number a rule starts reading appears here without UI work.
 */
import { UNCONFIRMED_PROFILE_KEYS, ZHEJIANG_2017, type ProfileOverrides, type RuleProfile } from '../../profiles/zhejiang-2017/rule-profile.ts';

export interface ProfileRow {
  readonly path: string;
  readonly defaultValue: number;
  readonly value: number;
  /** domain.md §8: no source confirms this default; the UI says "默认值，可按本县标准修改". */
  readonly unconfirmed: boolean;
}

function leaves(value: unknown, path: string[], out: [string[], number][]): void {
  if (typeof value === 'number') out.push([path, value]);
  else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  }
}

function at(object: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), object);
}

export function profileRows(profile: RuleProfile): ProfileRow[] {
  const found: [string[], number][] = [];
  leaves(ZHEJIANG_2017, [], found);
  return found.map(([path, defaultValue]) => ({
    path: path.join('.'),
    defaultValue,
    value: (at(profile, path) as number | undefined) ?? defaultValue,
    unconfirmed: UNCONFIRMED_PROFILE_KEYS.includes(path[0] as keyof RuleProfile),
  }));
}

/** Overrides from edited rows: a changed nested number overrides its whole top-level entry. */
export function overridesFrom(profile: RuleProfile, edits: ReadonlyMap<string, number>): ProfileOverrides {
  const overrides: Record<string, unknown> = {};
  for (const [path, value] of edits) {
    const [top, ...rest] = path.split('.') as [keyof RuleProfile, ...string[]];
    if (rest.length === 0) {
      overrides[top] = value;
      continue;
    }
    const copy = structuredClone((overrides[top] ?? profile[top]) as Record<string, unknown>);
    let node: Record<string, unknown> = copy;
    rest.slice(0, -1).forEach((k) => (node = node[k] as Record<string, unknown>));
    node[rest.at(-1) as string] = value;
    overrides[top] = copy;
  }
  return overrides as ProfileOverrides;
}
