/**
 * `value` appended to the list under `key`, the list made when it is the first. In place: copying the list
 * at every append (`[...list, value]`) is quadratic, seconds when a whole layer of 20,000 features shares
 * one finding.
 */
export function addToList<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The value met most often (the first met of equals), or null when there is none. */
export function majority(values: Iterable<string | null | undefined>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== null && value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}
