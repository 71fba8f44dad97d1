import type {
  ComplaintCategory,
  ComplaintCreated,
  ComplaintDto,
  ComplaintStatus,
  ComplaintSummary,
  ComplaintTrack,
  JobDto,
  ProblemDto,
  ProblemStats,
} from '@kaoping/contracts';
import { http, buildUrl } from './http';
import { loginAsCitizen } from './auth.api';
import { getMe, getToken, saveSession } from './session';

export interface ComplaintInput {
  category: ComplaintCategory;
  content: string;
  sectionId?: string;
  officerHint?: string;
  photoFileIds?: string[];
  address?: string;
  latitude?: number;
  longitude?: number;
  contactName?: string;
  contactPhone?: string;
}

/** The citizen token: the stored one if this device already entered as a citizen (or staff), else a fresh anonymous one. */
export async function ensureCitizenToken(): Promise<string> {
  const token = getToken();
  const me = getMe();
  if (token && me?.kind === 'citizen') return token;
  const result = await loginAsCitizen();
  // keep a staff member's own session; a visitor without one becomes the anonymous citizen
  if (result.me && !token) saveSession(result.token, result.me, result.refreshToken);
  return result.token;
}

export function complaintSections(): Promise<{ id: string; name: string }[]> {
  return http.get('/api/complaints/sections', { toast: false, token: null });
}

export function submitComplaint(input: ComplaintInput, token: string): Promise<ComplaintCreated> {
  return http.post<ComplaintCreated>('/api/complaints', input, { toast: false, token, redirectOn401: false });
}

export function trackComplaint(code: string): Promise<ComplaintTrack> {
  return http.get<ComplaintTrack>(`/api/complaints/track/${encodeURIComponent(code)}`, { toast: false, token: null, redirectOn401: false });
}

export function uploadUrl(): string {
  return buildUrl('/api/files');
}

export interface ComplaintFilter {
  status?: ComplaintStatus;
  overdue?: boolean;
  month?: string;
}

export function listComplaints(filter: ComplaintFilter): Promise<ComplaintDto[]> {
  return http.get<ComplaintDto[]>('/api/complaints', { query: { status: filter.status, overdue: filter.overdue ? true : undefined, month: filter.month }, toast: false });
}

export function getComplaint(id: string): Promise<ComplaintDto> {
  return http.get<ComplaintDto>(`/api/complaints/${encodeURIComponent(id)}`, { toast: false });
}

export function complaintsAboutMe(): Promise<ComplaintDto[]> {
  return http.get<ComplaintDto[]>('/api/complaints/about-me', { toast: false });
}

export type WorkflowStep =
  | { action: 'assign'; body: { sectionId: string; deadline: string; personId?: string; note?: string } }
  | { action: 'investigate'; body: { findings: string; personId?: string } }
  | { action: 'conclude'; body: { outcome: 'verified' | 'unfounded'; category?: ComplaintCategory; personId?: string; note?: string } }
  | { action: 'reply'; body: { reply: string } }
  | { action: 'merge'; body: { intoId: string; note?: string } };

export function moveComplaint(id: string, step: WorkflowStep): Promise<ComplaintDto> {
  return http.post<ComplaintDto>(`/api/complaints/${encodeURIComponent(id)}/${step.action}`, step.body);
}

export function complaintSummary(month: string): Promise<ComplaintSummary> {
  return http.get<ComplaintSummary>('/api/complaints/summary', { query: { month }, toast: false });
}

/** The month's summary as Excel, in the background (a job to follow with JobProgress). */
export function startSummaryExport(month: string): Promise<JobDto> {
  return http.post<JobDto>('/api/complaints/summary/export', { month }, { toast: false });
}

export function importUrl(): string {
  return buildUrl('/api/complaints/import');
}

export function listProblems(): Promise<ProblemDto[]> {
  return http.get<ProblemDto[]>('/api/problems', { toast: false });
}

export function problemStats(month: string): Promise<ProblemStats> {
  return http.get<ProblemStats>('/api/problems/stats', { query: { month }, toast: false });
}

export function createProblem(body: { title: string; task: string; sectionId: string; deadline: string; complaintIds?: string[] }): Promise<ProblemDto> {
  return http.post<ProblemDto>('/api/problems', body);
}

export function solveProblem(id: string, solution: string): Promise<ProblemDto> {
  return http.post<ProblemDto>(`/api/problems/${encodeURIComponent(id)}/solve`, { solution });
}
