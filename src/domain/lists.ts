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
