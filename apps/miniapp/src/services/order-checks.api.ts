import type {
  CreateOrderCheckRoundBody,
  MyOrderChecksDto,
  OrderCheckRoundDto,
  OrderCheckRoundSummaryDto,
  OrderCheckSheetDto,
  OrderCheckYearDto,
  SaveOrderCheckSheetBody,
} from '@kaoping/contracts';
import { http, request } from './http';

/** 卫生秩序检查 pages: the office's (admin subpackage) and a section's own results (officer subpackage). */
export const ORDER_CHECK_ROUTES = {
  office: '/subpackages/admin/pages/order-checks/index',
  round: '/subpackages/admin/pages/order-check-round/index',
  sheet: '/subpackages/admin/pages/order-check-sheet/index',
  mine: '/subpackages/officer/pages/order-checks/index',
} as const;

export function listRounds(year: number): Promise<OrderCheckRoundSummaryDto[]> {
  return http.get<OrderCheckRoundSummaryDto[]>('/api/order-checks/rounds', { query: { year }, toast: false });
}

export function createRound(body: CreateOrderCheckRoundBody): Promise<OrderCheckRoundDto> {
  return http.post<OrderCheckRoundDto>('/api/order-checks/rounds', body, { toast: false });
}

export function getRound(id: string): Promise<OrderCheckRoundDto> {
  return http.get<OrderCheckRoundDto>(`/api/order-checks/rounds/${encodeURIComponent(id)}`, { toast: false });
}

export function closeRound(id: string): Promise<OrderCheckRoundDto> {
  return http.post<OrderCheckRoundDto>(`/api/order-checks/rounds/${encodeURIComponent(id)}/close`, {}, { toast: false });
}

export function getSheet(roundId: string, sectionId: string): Promise<OrderCheckSheetDto> {
  return http.get<OrderCheckSheetDto>(`/api/order-checks/rounds/${encodeURIComponent(roundId)}/sheets/${encodeURIComponent(sectionId)}`, { toast: false });
}

export function saveSheet(roundId: string, sectionId: string, body: SaveOrderCheckSheetBody): Promise<OrderCheckSheetDto> {
  return request<OrderCheckSheetDto>(`/api/order-checks/rounds/${encodeURIComponent(roundId)}/sheets/${encodeURIComponent(sectionId)}`, { method: 'PUT', data: body, toast: false });
}

export function yearRanking(year: number): Promise<OrderCheckYearDto> {
  return http.get<OrderCheckYearDto>('/api/order-checks/ranking', { query: { year }, toast: false });
}

export function myOrderChecks(year: number): Promise<MyOrderChecksDto> {
  return http.get<MyOrderChecksDto>('/api/order-checks/mine', { query: { year }, toast: false });
}
