/**
 * Keys written twice in one JSON object (`{"cultivatedLand": 153.5, "cultivatedLand": 150}`): JSON.parse keeps
 * the last without a word, so a township file's typo would silently change a task. The text must already
 * have parsed; keys are compared as JSON reads them (escapes decoded).
 */

export interface DuplicateKey {
  /** The keys leading to the object, `*` for an array's element: `["tasksHa"]`. */
  readonly path: readonly string[];
  readonly key: string;
}

type Open = { readonly kind: 'array'; readonly path: readonly string[] } | { readonly kind: 'object'; readonly path: readonly string[]; readonly keys: Set<string>; expectKey: boolean; lastKey: string };

/** Every key repeated in its object, in the order met; objects under a key in `skip` (at the top) are not looked into. */
export function duplicateJsonKeys(text: string, skip: readonly string[] = []): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: Open[] = [];
  const childPath = (): readonly string[] => {
    const top = stack.at(-1);
    if (!top) return [];
    return [...top.path, top.kind === 'object' ? top.lastKey : '*'];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === 'object' && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) found.push({ path: top.path, key });
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === '{' || c === '[') {
      const path = childPath();
      if (path.length > 0 && skip.includes(path[0] as string)) {
        i = skipValue(text, i);
        continue;
      }
      stack.push(c === '{' ? { kind: 'object', path, keys: new Set(), expectKey: true, lastKey: '' } : { kind: 'array', path });
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.kind === 'object') top.expectKey = true;
    }
  }
  return found;
}

/** The index of the bracket closing the object or array opened at `start`. */
function skipValue(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return text.length;
}
