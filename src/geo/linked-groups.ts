/**
 * Items grouped by the pairs a caller links (union–find with path halving), groups in the order of their
 * first item: what the coverage balance does with edges on one line and the corridors with touching boxes.
 */
export function linkedGroups<T>(items: readonly T[], forEachLink: (link: (i: number, j: number) => void) => void): T[][] {
  const parent = Int32Array.from(items, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  forEachLink((i, j) => {
    parent[find(i)] = find(j);
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(item);
    else groups.set(root, [item]);
  });
  return [...groups.values()];
}
