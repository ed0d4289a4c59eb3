/**
 * Edits of the plan's own information: the written reason that lets a warning pass (规划说明), population
 * and households, the township quotas, the reserve quota kept back, and the county's rule numbers. Each is
 * an undoable patch of `meta`, checked before it reaches the plan.
 */
import type { PlanMeta, TownshipQuotas } from '../domain/plan.ts';
import { sanitiseOverrides, type ProfileOverrides } from '../profiles/zhejiang-2017/rule-profile.ts';
import { type CommandContext, type CommandResult, refuse } from './command.ts';

/** Longest 规划说明 kept: a paragraph, not a report. */
export const MAX_JUSTIFICATION_LENGTH = 2000;

export function setJustification(ctx: CommandContext, issueKey: string, text: string | null, at: string): CommandResult {
  const justifications = { ...ctx.plan.meta.justifications };
  const trimmed = text?.trim() ?? '';
  if (trimmed.length > MAX_JUSTIFICATION_LENGTH) return refuse('commands.meta.justificationTooLong', { max: MAX_JUSTIFICATION_LENGTH });
  if (trimmed) justifications[issueKey] = { text: trimmed, at };
  else delete justifications[issueKey];
  return { ok: true, label: trimmed ? 'commands.meta.justify' : 'commands.meta.unjustify', patch: { features: [], meta: { justifications } } };
}

const isCount = (v: unknown) => v === null || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e7);
const isArea = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e10);

export type VillageFigures = Pick<PlanMeta, 'population' | 'households' | 'reserveQuotaKeptM2'> & { readonly quotas: TownshipQuotas };

/** Population, households, the township quotas and the reserve quota kept back (m²; null = not entered). */
export function setVillageFigures(_ctx: CommandContext, figures: VillageFigures): CommandResult {
  if (!isCount(figures.population) || !isCount(figures.households)) return refuse('commands.meta.badCount');
  if (!isArea(figures.reserveQuotaKeptM2) || !Object.values(figures.quotas).every(isArea)) return refuse('commands.meta.badArea');
  return { ok: true, label: 'commands.meta.figures', patch: { features: [], meta: { ...figures } } };
}

/** The county's own rule numbers over the `zhejiang-2017` defaults; values of the wrong shape are refused. */
export function setProfileOverrides(_ctx: CommandContext, overrides: ProfileOverrides): CommandResult {
  const clean = sanitiseOverrides(overrides);
  if (Object.keys(clean).length !== Object.keys(overrides).length) return refuse('commands.meta.badProfileValue');
  return { ok: true, label: 'commands.meta.profile', patch: { features: [], meta: { profileOverrides: clean } } };
}
