import { describe, expect, it } from 'vitest';
import { deliver, samplePlan } from '../package/delivery-test-support.ts';
import { previewFiles } from './import-preview.ts';
import { writeZip } from '../zip/zip-write.ts';
import { joinPreview, splitPreview, type Lists } from './preview-slices.ts';

/** What io-client.ts does: the lists come over in slices and are joined to the summary. */
function inSlices(lists: Lists, size: number): Lists {
  const out: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(lists)) {
    out[name] = [];
    for (let from = 0; from < list.length; from += size) out[name].push(...list.slice(from, from + size));
  }
  return out;
}

describe('preview slices', { timeout: 60_000 }, () => {
  it('give back the same package plan, layer order kept, with a summary that holds no features', async () => {
    const read = previewFiles([{ name: 'p.zip', bytes: writeZip((await deliver(samplePlan())).files) }]);
    if (!read.ok) throw new Error('read');
    const { summary, lists } = splitPreview(read.value);
    expect(summary.kind === 'package' && Object.values(summary.package.plan.layers).every((l) => Object.keys(l).length === 0)).toBe(true);
    const joined = joinPreview(summary, inSlices(lists, 7));
    expect(joined).toEqual(read.value);
    if (joined.kind !== 'package' || read.value.kind !== 'package') throw new Error('kind');
    expect(Object.keys(joined.package.plan.layers.base)).toEqual(Object.keys(read.value.package.plan.layers.base));
  });
});
