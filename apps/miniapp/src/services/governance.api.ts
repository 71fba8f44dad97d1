import type {
  ActivityApplicationDto,
  ActivityKind,
  ApplicationStatus,
  CoordinationBox,
  CoordinationDto,
  EfficiencySystemKind,
  GovernanceOverviewDto,
  OverlapsDto,
  ReviewDecision,
  SectionDutiesDto,
  SectionSystemsDto,
  StaffingDto,
  SystemDetailDto,
} from '@kaoping/contracts';
import { http } from './http';

/** Pages of the duty and system ledgers (chiefs: officer subpackage; the office: admin subpackage). */
export const GOVERNANCE_ROUTES = {
  duties: '/subpackages/officer/pages/gov-duties/index',
  systems: '/subpackages/officer/pages/gov-systems/index',
  system: '/subpackages/officer/pages/gov-system/index',
  applications: '/subpackages/officer/pages/gov-applications/index',
  applicationNew: '/subpackages/officer/pages/gov-application-new/index',
  coordination: '/subpackages/officer/pages/gov-coordination/index',
  coordinationNew: '/subpackages/officer/pages/gov-coordination-new/index',
  coordinationDetail: '/subpackages/officer/pages/gov-coordination-detail/index',
  ledgersReview: '/subpackages/admin/pages/gov-ledgers/index',
  approvals: '/subpackages/admin/pages/gov-approvals/index',
  coordinationReview: '/subpackages/admin/pages/gov-coordination-review/index',
} as const;

// ── 三定 ──
export function getDuties(sectionId?: string): Promise<SectionDutiesDto> {
  return http.get<SectionDutiesDto>('/api/governance/duties', { query: { sectionId }, toast: false });
}

export function submitDuties(input: { sectionId: string; effectiveFrom: string; duties: string[]; structure?: string; staffing: StaffingDto; note?: string }): Promise<SectionDutiesDto> {
  return http.post<SectionDutiesDto>('/api/governance/duties', input, { toast: false });
}

export function decideDuties(id: string, decision: ReviewDecision, note?: string): Promise<SectionDutiesDto> {
  return http.post<SectionDutiesDto>(`/api/governance/duties/${encodeURIComponent(id)}/decision`, { decision, ...(note ? { note } : {}) }, { toast: false });
}

export function withdrawDuties(id: string): Promise<SectionDutiesDto> {
  return http.post<SectionDutiesDto>(`/api/governance/duties/${encodeURIComponent(id)}/withdraw`, undefined, { toast: false });
}

// ── 效能制度 ──
export function getSystems(sectionId?: string): Promise<SectionSystemsDto> {
  return http.get<SectionSystemsDto>('/api/governance/systems', { query: { sectionId }, toast: false });
}

export function getSystem(id: string): Promise<SystemDetailDto> {
  return http.get<SystemDetailDto>(`/api/governance/systems/${encodeURIComponent(id)}`, { toast: false });
}

export interface SystemItemInput {
  matter: string;
  limitDays?: number;
  detail?: string;
}

export function submitSystem(input: { kind: EfficiencySystemKind; name?: string; content: string; items: SystemItemInput[]; effectiveFrom: string; publish: boolean }): Promise<SystemDetailDto> {
  return http.post<SystemDetailDto>('/api/governance/systems', input, { toast: false });
}

export function decideSystemVersion(versionId: string, decision: ReviewDecision, note?: string): Promise<SystemDetailDto> {
  return http.post<SystemDetailDto>(`/api/governance/system-versions/${encodeURIComponent(versionId)}/decision`, { decision, ...(note ? { note } : {}) }, { toast: false });
}

export function withdrawSystemVersion(versionId: string): Promise<SystemDetailDto> {
  return http.post<SystemDetailDto>(`/api/governance/system-versions/${encodeURIComponent(versionId)}/withdraw`, undefined, { toast: false });
}

export function governanceOverview(): Promise<GovernanceOverviewDto> {
  return http.get<GovernanceOverviewDto>('/api/governance/overview', { toast: false });
}

// ── 会议、检查、评比报批 ──
export function listApplications(status?: ApplicationStatus): Promise<ActivityApplicationDto[]> {
  return http.get<ActivityApplicationDto[]>('/api/governance/applications', { query: { status }, toast: false });
}

export function applyActivity(input: { kind: ActivityKind; title: string; targetUnits: string[]; plannedDate: string; endDate?: string; reason: string; expectedAttendees: number }): Promise<ActivityApplicationDto> {
  return http.post<ActivityApplicationDto>('/api/governance/applications', input, { toast: false });
}

export function withdrawApplication(id: string): Promise<ActivityApplicationDto> {
  return http.post<ActivityApplicationDto>(`/api/governance/applications/${encodeURIComponent(id)}/withdraw`, undefined, { toast: false });
}

export function applicationOverlaps(): Promise<OverlapsDto> {
  return http.get<OverlapsDto>('/api/governance/applications/overlaps', { toast: false });
}

export function decideApplication(id: string, decision: ReviewDecision, note?: string): Promise<ActivityApplicationDto> {
  return http.post<ActivityApplicationDto>(`/api/governance/applications/${encodeURIComponent(id)}/decision`, { decision, ...(note ? { note } : {}) }, { toast: false });
}

export function mergeApplications(input: { primaryId: string; mergedIds: string[]; note: string; plannedDate?: string }): Promise<ActivityApplicationDto> {
  return http.post<ActivityApplicationDto>('/api/governance/applications/merge', input, { toast: false });
}

// ── 处室衔接 ──
export function listCoordination(query: { box?: CoordinationBox; review?: 'awaiting' | 'confirmed' | 'cleared' } = {}): Promise<CoordinationDto[]> {
  return http.get<CoordinationDto[]>('/api/governance/coordination', { query, toast: false });
}

export function getCoordination(id: string): Promise<CoordinationDto> {
  return http.get<CoordinationDto>(`/api/governance/coordination/${encodeURIComponent(id)}`, { toast: false });
}

export function handOver(input: { toSectionId: string; matter: string; detail: string; deadline: string; contactName: string; contactPhone: string }): Promise<CoordinationDto> {
  return http.post<CoordinationDto>('/api/governance/coordination', input, { toast: false });
}

export function acknowledgeCoordination(id: string, handlerId?: string): Promise<CoordinationDto> {
  return http.post<CoordinationDto>(`/api/governance/coordination/${encodeURIComponent(id)}/acknowledge`, handlerId ? { handlerId } : {}, { toast: false });
}

export function completeCoordination(id: string, result: string): Promise<CoordinationDto> {
  return http.post<CoordinationDto>(`/api/governance/coordination/${encodeURIComponent(id)}/complete`, { result }, { toast: false });
}

export function confirmBreak(id: string, note: string, personId?: string): Promise<CoordinationDto> {
  return http.post<CoordinationDto>(`/api/governance/coordination/${encodeURIComponent(id)}/break`, { note, ...(personId ? { personId } : {}) }, { toast: false });
}

export function clearBreak(id: string, note: string): Promise<CoordinationDto> {
  return http.post<CoordinationDto>(`/api/governance/coordination/${encodeURIComponent(id)}/clear`, { note }, { toast: false });
}
