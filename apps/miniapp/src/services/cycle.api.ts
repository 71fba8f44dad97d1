import type { SaveWubiCycleBody, WubiCyclePlanDto, WubiCycleSummaryDto, WubiParticipantsDto } from '@kaoping/contracts';
import { http, request } from './http';

/** The three-year 五比五评 cycle (office plans, leaders read). */
export const CYCLE_ROUTES = {
  planner: '/subpackages/admin/pages/wubi-cycle/index',
} as const;

export function listCycles(): Promise<WubiCycleSummaryDto[]> {
  return http.get<WubiCycleSummaryDto[]>('/api/wubi-cycles', { toast: false });
}

export function cyclePlan(startYear?: number): Promise<WubiCyclePlanDto> {
  return http.get<WubiCyclePlanDto>('/api/wubi-cycles/plan', { query: { startYear }, toast: false });
}

export function saveCyclePlan(body: SaveWubiCycleBody): Promise<WubiCyclePlanDto> {
  return request<WubiCyclePlanDto>('/api/wubi-cycles/plan', { method: 'PUT', data: body, toast: false });
}

/** Sections taking part in 五比五评 in a year (the plan, or every listed section without one). */
export function wubiParticipants(year: number): Promise<WubiParticipantsDto> {
  return http.get<WubiParticipantsDto>('/api/wubi-cycles/participants', { query: { year }, toast: false });
}
