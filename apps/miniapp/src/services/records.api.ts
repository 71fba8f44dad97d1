import type {
  AuditPageDto,
  CommendationDto,
  CommendationLevel,
  InspectionKind,
  InspectionYearDto,
  VetoDto,
  VetoReason,
  IncidentDetailDto,
  IncidentDto,
  IncidentStatus,
  RatingLevel,
  RatingSheetDto,
} from '@kaoping/contracts';
import type { PlatformPhoto } from '../platform/types';
import { buildUrl, http, request } from './http';
import { uploadPhoto } from './transfer';

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
  const res = await uploadPhoto(photo, buildUrl('/api/files'));
  return res.id;
}

export function ratingSheet(year: number): Promise<RatingSheetDto> {
  return http.get<RatingSheetDto>('/api/ratings', { query: { year }, toast: false });
}

export function saveRatings(year: number, ratings: { personId: string; rating: RatingLevel }[]): Promise<RatingSheetDto> {
  return request<RatingSheetDto>('/api/ratings', { method: 'PUT', data: { year, ratings }, toast: false });
}

export function auditPage(query: { entity?: string; actor?: string; from?: string; to?: string; page?: number }): Promise<AuditPageDto> {
  return http.get<AuditPageDto>('/api/audit', { query: { ...query, pageSize: 20 }, toast: false });
}

// ── 五比五评 records (office records, leaders read) ─────────────────────────────────────────────────────────────

export interface NewInspection {
  kind: InspectionKind;
  date: string;
  inspector: string;
  notes?: string;
  fileIds: string[];
  scores: { personId: string; score: number }[];
}

export function listInspections(year: number): Promise<InspectionYearDto> {
  return http.get<InspectionYearDto>('/api/inspections', { query: { year }, toast: false });
}

export function createInspection(body: NewInspection): Promise<InspectionYearDto> {
  return http.post<InspectionYearDto>('/api/inspections', body, { toast: false });
}

export interface NewCommendation {
  personId: string;
  level: CommendationLevel;
  matter: string;
  docNo?: string;
  date: string;
  points?: number;
  reason?: string;
  fileIds: string[];
}

export function listCommendations(year: number): Promise<CommendationDto[]> {
  return http.get<CommendationDto[]>('/api/commendations', { query: { year }, toast: false });
}

export function createCommendation(body: NewCommendation): Promise<CommendationDto> {
  return http.post<CommendationDto>('/api/commendations', body, { toast: false });
}

export interface NewVeto {
  personId: string;
  reason: VetoReason;
  date: string;
  description: string;
  fileIds: string[];
}

export function listVetoes(year: number): Promise<VetoDto[]> {
  return http.get<VetoDto[]>('/api/vetoes', { query: { year }, toast: false });
}

export function createVeto(body: NewVeto): Promise<VetoDto> {
  return http.post<VetoDto>('/api/vetoes', body, { toast: false });
}

/** Incident Excel import (office): the template to download and the upload URL. */
export function incidentTemplateUrl(): string {
  return buildUrl('/api/incidents/import-template');
}

export function incidentImportUrl(): string {
  return buildUrl('/api/incidents/import');
}
