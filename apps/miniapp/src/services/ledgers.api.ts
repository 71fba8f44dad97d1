import type {
  AttendanceStatus,
  DuesFollowUpDto,
  GatheringDto,
  GatheringKind,
  GatheringListDto,
  IntegrityReportDto,
  IntegrityStatus,
  LedgerSpotCheckDto,
  ResearchLogDto,
  ResearchOverviewDto,
} from '@kaoping/contracts';
import { http, request } from './http';

/** Pages of the ledger screens (office: admin subpackage; branch secretaries: officer subpackage). */
export const LEDGER_ROUTES = {
  diaryCheck: '/subpackages/admin/pages/diary-check/index',
  integrityReview: '/subpackages/admin/pages/integrity-review/index',
  ledgerCheck: '/subpackages/admin/pages/ledger-check/index',
  gatherings: '/subpackages/admin/pages/gatherings/index',
  branch: '/subpackages/officer/pages/branch/index',
  branchDues: '/subpackages/officer/pages/branch-dues/index',
} as const;

export function listGatherings(kind: GatheringKind, year?: number, scope: { sectionId?: string; secretaryId?: string } = {}): Promise<GatheringListDto> {
  return http.get<GatheringListDto>('/api/meetings', { query: { kind, year, ...scope }, toast: false });
}

export function createGathering(input: {
  kind: GatheringKind;
  date: string;
  sectionId?: string;
  secretaryId?: string;
  title?: string;
  minutes?: string;
  attendance: { personId: string; status: AttendanceStatus; leave?: boolean }[];
}): Promise<GatheringDto> {
  return http.post<GatheringDto>('/api/meetings', input, { toast: false });
}

/** 补记支部工作记录本 / 修改出勤. */
export function updateGathering(id: string, input: { title?: string; minutes?: string }): Promise<GatheringDto> {
  return request<GatheringDto>(`/api/meetings/${encodeURIComponent(id)}`, { method: 'PATCH', data: input, toast: false });
}

export function listLedgerSpotChecks(year?: number): Promise<LedgerSpotCheckDto[]> {
  return http.get<LedgerSpotCheckDto[]>('/api/meetings/spot-checks', { query: { year }, toast: false });
}

export function createLedgerSpotCheck(input: { kind: 'section' | 'branch'; targetId: string; year: number; quarter: number; findings: string }): Promise<LedgerSpotCheckDto> {
  return http.post<LedgerSpotCheckDto>('/api/meetings/spot-checks', input, { toast: false });
}

export function listDues(year?: number): Promise<DuesFollowUpDto[]> {
  return http.get<DuesFollowUpDto[]>('/api/branch/dues', { query: { year }, toast: false });
}

export function recordDues(input: { memberId: string; monthsUnpaid: number; chasedOn: string; note: string; settled?: boolean }): Promise<DuesFollowUpDto> {
  return http.post<DuesFollowUpDto>('/api/branch/dues', input, { toast: false });
}

export function integrityQueue(year: number, status?: IntegrityStatus): Promise<IntegrityReportDto[]> {
  return http.get<IntegrityReportDto[]>('/api/integrity/reports', { query: { year, status }, toast: false });
}

export function reviewIntegrity(id: string, decision: 'approved' | 'returned', comment?: string): Promise<IntegrityReportDto> {
  return http.post<IntegrityReportDto>(`/api/integrity/reports/${encodeURIComponent(id)}/review`, { decision, comment: comment || undefined }, { toast: false });
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
