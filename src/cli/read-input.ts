/**
 * The checker's input: a plan file saved by the editor, or a package folder (io/package). Node only.
 * Anything unreadable is a message naming the file and the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import type { FeatureId } from '../domain/ids.ts';
import type { Message, Result } from '../domain/message.ts';
import { parsePlanText } from '../domain/plan-file.ts';
import type { Plan } from '../domain/plan.ts';
import { PROFILES } from '../profiles/zhejiang-2017/rule-profile.ts';
import { MAX_FILE_BYTES, readPackageFolder } from '../io/package/read-folder.ts';

export interface Input {
  readonly plan: Plan;
  /** How to name features in reports: a package's `layer#BSM` (`GHYT#40`, io/package/package-refs.ts), otherwise the feature id. */
  readonly labels: Readonly<Record<FeatureId, string>>;
  readonly notes: readonly Message[];
}

const unreadable = (file: string, reasonKey: string, params: Record<string, string | number> = {}): Result<Input> => ({ ok: false, error: { key: 'cli.unreadable', params: { file, reasonKey, ...params } } });

export function readInput(path: string, profileId: string): Result<Input> {
  if (!PROFILES[profileId]) return { ok: false, error: { key: 'cli.unknownProfile', params: { profile: profileId, known: Object.keys(PROFILES).join(', ') } } };
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return unreadable(path, 'cli.notFound');
  }
  if (stats.isDirectory()) {
    const read = readPackageFolder(path, profileId);
    if (!read.ok) return read;
    return { ok: true, value: { plan: read.value.plan, labels: read.value.refs, notes: read.notes }, notes: [] };
  }
  if (stats.size > MAX_FILE_BYTES) return unreadable(path, 'cli.tooLarge', { sizeMiB: Math.round(stats.size / 2 ** 20), limitMiB: MAX_FILE_BYTES / 2 ** 20 });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
  } catch (error) {
    return error instanceof TypeError ? unreadable(path, 'cli.notUtf8') : unreadable(path, 'cli.notFound');
  }
  const parsed = parsePlanText(text);
  if (!parsed.ok) return { ok: false, error: { key: 'cli.unreadable', params: { file: path, reasonKey: parsed.error.key, ...parsed.error.params } } };
  // The command line's --profile decides which rule numbers apply; the plan's own overrides stay.
  const plan = { ...parsed.value, meta: { ...parsed.value.meta, profileId } };
  return { ok: true, value: { plan, labels: {}, notes: parsed.notes }, notes: [] };
}
