import type { PersonDto, SectionDto } from '@kaoping/contracts';
import { http } from './http';

export interface SectionMembers {
  date: string;
  section: SectionDto;
  chief: PersonDto | null;
  deputies: PersonDto[];
  staff: PersonDto[];
}

export interface InviteCode {
  code: string;
  expiresAt: string;
}

export function listSections(): Promise<SectionDto[]> {
  return http.get<SectionDto[]>('/api/sections', { toast: false });
}

export function getSectionMembers(sectionId: string, date: string): Promise<SectionMembers> {
  return http.get<SectionMembers>(`/api/sections/${encodeURIComponent(sectionId)}/members`, {
    query: { date },
    toast: false,
  });
}

export function listPeople(sectionId?: string): Promise<PersonDto[]> {
  return http.get<PersonDto[]>('/api/people', { query: { sectionId }, toast: false });
}

export function createInviteCode(personId: string): Promise<InviteCode> {
  return http.post<InviteCode>(`/api/people/${encodeURIComponent(personId)}/invite-codes`);
}
