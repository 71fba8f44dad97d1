import type {
  AuditPageDto,
  IncidentDetailDto,
  IncidentDto,
  IncidentStatus,
  NoticeDto,
  NoticeListDto,
  RatingLevel,
  RatingSheetDto,
} from '@kaoping/contracts';
import { platform } from '../platform';
import type { PlatformPhoto } from '../platform/types';
import { buildUrl, http, request } from './http';
import { getToken } from './session';

export interface NewIncident {
  rule: string;
  variant?: string;
  personId: string;
  date: string;
  description: string;
  fileIds: string[];
}

export function createIncident(body: NewIncident): Promise<IncidentDto> {
  return http.post<IncidentDto>('/api/incidents', body, { toast: false });
}

export function listIncidents(query: { status?: IncidentStatus; appeal?: 'open'; personId?: string; year?: number } = {}): Promise<IncidentDto[]> {
  return http.get<IncidentDto[]>('/api/incidents', { query, toast: false });
}

export function getIncident(id: string): Promise<IncidentDetailDto> {
  return http.get<IncidentDetailDto>(`/api/incidents/${encodeURIComponent(id)}`, { toast: false });
}

export function verifyIncident(id: string, note?: string): Promise<IncidentDto> {
  return http.post<IncidentDto>(`/api/incidents/${encodeURIComponent(id)}/verify`, note ? { note } : {});
}

export function dismissIncident(id: string, note?: string): Promise<IncidentDto> {
  return http.post<IncidentDto>(`/api/incidents/${encodeURIComponent(id)}/dismiss`, note ? { note } : {});
}

export function appealIncident(id: string, reason: string, fileIds: string[]): Promise<IncidentDto> {
  return http.post<IncidentDto>(`/api/incidents/${encodeURIComponent(id)}/appeal`, { reason, fileIds });
}

export function decideAppeal(id: string, decision: 'upheld' | 'rejected', note: string): Promise<IncidentDto> {
  return http.post<IncidentDto>(`/api/incidents/${encodeURIComponent(id)}/appeal-decision`, { decision, note });
}

/** The URL of an incident's evidence file (served to anyone who may read the incident). */
export function evidenceUrl(incidentId: string, fileId: string): string {
  return buildUrl(`/api/incidents/${encodeURIComponent(incidentId)}/files/${encodeURIComponent(fileId)}`);
}

/** Uploads a picked photo as evidence; answers the file id. */
export async function uploadEvidence(photo: PlatformPhoto): Promise<string> {
  const res = await platform.uploadPhoto(photo, buildUrl('/api/files'), getToken());
  return res.id;
}

export function ratingSheet(year: number): Promise<RatingSheetDto> {
  return http.get<RatingSheetDto>('/api/ratings', { query: { year }, toast: false });
}

export function saveRatings(year: number, ratings: { personId: string; rating: RatingLevel }[]): Promise<RatingSheetDto> {
  return request<RatingSheetDto>('/api/ratings', { method: 'PUT', data: { year, ratings }, toast: false });
}

export function listNotices(): Promise<NoticeListDto> {
  return http.get<NoticeListDto>('/api/notices', { toast: false });
}

export function readNotice(id: string): Promise<NoticeDto> {
  return http.post<NoticeDto>(`/api/notices/${encodeURIComponent(id)}/read`, {}, { toast: false });
}

export function auditPage(query: { entity?: string; actor?: string; from?: string; to?: string; page?: number }): Promise<AuditPageDto> {
  return http.get<AuditPageDto>('/api/audit', { query: { ...query, pageSize: 20 }, toast: false });
}
