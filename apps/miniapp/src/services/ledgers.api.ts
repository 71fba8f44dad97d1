import type { GatheringDto, GatheringKind, GatheringListDto, IntegrityReportDto, ResearchLogDto, ResearchOverviewDto, AttendanceStatus } from '@kaoping/contracts';
import { http } from './http';

export function listGatherings(kind: GatheringKind, year?: number): Promise<GatheringListDto> {
  return http.get<GatheringListDto>('/api/meetings', { query: { kind, year }, toast: false });
}

export function createGathering(input: {
  kind: GatheringKind;
  date: string;
  title?: string;
  minutes?: string;
  attendance: { personId: string; status: AttendanceStatus; leave?: boolean }[];
}): Promise<GatheringDto> {
  return http.post<GatheringDto>('/api/meetings', input, { toast: false });
}

export function researchOverview(): Promise<ResearchOverviewDto> {
  return http.get<ResearchOverviewDto>('/api/research', { toast: false });
}

export function logResearch(input: { date: string; days: number; place: string; purpose: string }): Promise<ResearchLogDto> {
  return http.post<ResearchLogDto>('/api/research/days', input, { toast: false });
}

export function myIntegrityReport(year: number): Promise<{ year: number; report: IntegrityReportDto | null }> {
  return http.get('/api/integrity/mine', { query: { year }, toast: false });
}

export function saveIntegrityReport(year: number, body: string, submit: boolean): Promise<IntegrityReportDto> {
  return http.post<IntegrityReportDto>('/api/integrity/reports', { year, body, submit }, { toast: false });
}
