import type { VillagePlanHandle } from '../../../src/ui/automation.ts';

declare global {
  interface Window {
    villagePlan: VillagePlanHandle;
  }
}
export {};
