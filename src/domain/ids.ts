/** Branded ids: a FeatureId can never be passed where a PlanId is expected. */
export type FeatureId = string & { readonly __brand: 'FeatureId' };
export type PlanId = string & { readonly __brand: 'PlanId' };

/**
 * UUIDs, because a plan is never assumed to be the only copy: ids must stay unique when plans from many
 * machines meet in a county's batch check or a later sync service.
 */
export function newFeatureId(): FeatureId {
  return globalThis.crypto.randomUUID() as FeatureId;
}

export function newPlanId(): PlanId {
  return globalThis.crypto.randomUUID() as PlanId;
}

export function asFeatureId(raw: string): FeatureId {
  return raw as FeatureId;
}
