import Taro from '@tarojs/taro';
import type {
  BoardDto,
  BoardSummaryDto,
  CheckInResultDto,
  MyRegistrationDto,
  OpenDayAdminDto,
  OpenDayAudience,
  OpenDayDto,
  PublicSectionDto,
  PublicSectionProgressDto,
  RegistrationDto,
} from '@kaoping/contracts';
import { http, request } from './http';

/** 进度公示 and 公众开放日 pages, in one place. */
export const PUBLICITY_ROUTES = {
  list: '/subpackages/citizen/pages/progress/index',
  section: '/subpackages/citizen/pages/progress-section/index',
  register: '/subpackages/citizen/pages/open-day/index',
  mine: '/subpackages/citizen/pages/my-registration/index',
  edit: '/subpackages/officer/pages/progress-edit/index',
  review: '/subpackages/admin/pages/progress-review/index',
  openDays: '/subpackages/admin/pages/open-days/index',
  checkIn: '/subpackages/admin/pages/open-day-checkin/index',
} as const;

// ── public (no account: no token is sent, a 401 never sends anyone to the login page) ──

const PUBLIC = { toast: false, token: null, redirectOn401: false } as const;

export function publicSections(year?: number): Promise<PublicSectionDto[]> {
  return http.get<PublicSectionDto[]>('/api/publicity/sections', { ...PUBLIC, query: { year } });
}

export function publicSection(sectionId: string, year?: number): Promise<PublicSectionProgressDto> {
  return http.get<PublicSectionProgressDto>(`/api/publicity/sections/${encodeURIComponent(sectionId)}`, { ...PUBLIC, query: { year } });
}

export function publicOpenDay(id: string): Promise<OpenDayDto> {
  return http.get<OpenDayDto>(`/api/publicity/open-days/${encodeURIComponent(id)}`, PUBLIC);
}

export interface RegistrationInput {
  name: string;
  phone: string;
  audience: OpenDayAudience;
  organisation?: string;
}

export function registerOpenDay(id: string, input: RegistrationInput): Promise<MyRegistrationDto> {
  return http.post<MyRegistrationDto>(`/api/publicity/open-days/${encodeURIComponent(id)}/registrations`, input, PUBLIC);
}

export function lookupRegistration(phone: string, code: string): Promise<MyRegistrationDto> {
  return http.post<MyRegistrationDto>('/api/publicity/registrations/lookup', { phone, code }, PUBLIC);
}

/** Registrations made on this device (phone + code), so 我的报名 can show them without typing. */
const SAVED_KEY = 'kaoping.openDayRegistrations';
export interface SavedRegistration {
  phone: string;
  code: string;
  title: string;
  startsLocal: string;
}

export function savedRegistrations(): SavedRegistration[] {
  try {
    const raw: unknown = Taro.getStorageSync(SAVED_KEY);
    return Array.isArray(raw) ? (raw as SavedRegistration[]).filter((r) => r && typeof r.code === 'string' && typeof r.phone === 'string') : [];
  } catch {
    return [];
  }
}

export function saveRegistration(r: MyRegistrationDto, phone: string): void {
  const rest = savedRegistrations().filter((x) => x.code !== r.code);
  try {
    Taro.setStorageSync(SAVED_KEY, [{ phone, code: r.code, title: r.openDay.title, startsLocal: r.openDay.startsLocal }, ...rest].slice(0, 20));
  } catch {
    // storage full or unavailable: the registrant still sees the code on screen
  }
}

// ── the section and the office ──

export function listBoards(year?: number): Promise<BoardSummaryDto[]> {
  return http.get<BoardSummaryDto[]>('/api/publicity/boards', { toast: false, query: { year } });
}

export function getBoard(sectionId: string, year: number): Promise<BoardDto> {
  return http.get<BoardDto>(`/api/publicity/boards/${encodeURIComponent(sectionId)}/${year}`, { toast: false });
}

export interface BoardInput {
  revision: number;
  tasks: { id?: string; title: string; description?: string; updates: { id?: string; date: string; percent: number; text: string }[] }[];
  problems: { id?: string; title: string; solution: string; solvedOn: string; problemId?: string }[];
}

export function saveBoard(sectionId: string, year: number, input: BoardInput): Promise<BoardDto> {
  return request<BoardDto>(`/api/publicity/boards/${encodeURIComponent(sectionId)}/${year}`, { method: 'PUT', data: input, toast: false });
}

export function submitBoard(sectionId: string, year: number, revision: number): Promise<BoardDto> {
  return http.post<BoardDto>(`/api/publicity/boards/${encodeURIComponent(sectionId)}/${year}/submit`, { revision }, { toast: false });
}

export function approveBoard(sectionId: string, year: number, revision: number): Promise<BoardDto> {
  return http.post<BoardDto>(`/api/publicity/boards/${encodeURIComponent(sectionId)}/${year}/approve`, { revision }, { toast: false });
}

export function returnBoard(sectionId: string, year: number, revision: number, reason: string): Promise<BoardDto> {
  return http.post<BoardDto>(`/api/publicity/boards/${encodeURIComponent(sectionId)}/${year}/return`, { revision, reason }, { toast: false });
}

export function listOpenDays(): Promise<OpenDayAdminDto[]> {
  return http.get<OpenDayAdminDto[]>('/api/publicity/admin/open-days', { toast: false });
}

export function getOpenDay(id: string): Promise<OpenDayAdminDto> {
  return http.get<OpenDayAdminDto>(`/api/publicity/admin/open-days/${encodeURIComponent(id)}`, { toast: false });
}

export interface OpenDayInput {
  sectionId: string;
  title: string;
  startsAt: string;
  place: string;
  description?: string;
  capacity: number;
  registrationDeadline: string;
  audiences: OpenDayAudience[];
}

export function createOpenDay(input: OpenDayInput): Promise<OpenDayAdminDto> {
  return http.post<OpenDayAdminDto>('/api/publicity/admin/open-days', input, { toast: false });
}

export function cancelOpenDay(id: string, cancelled: boolean): Promise<OpenDayAdminDto> {
  return request<OpenDayAdminDto>(`/api/publicity/admin/open-days/${encodeURIComponent(id)}`, { method: 'PATCH', data: { cancelled } });
}

export function openDayRegistrations(id: string): Promise<RegistrationDto[]> {
  return http.get<RegistrationDto[]>(`/api/publicity/admin/open-days/${encodeURIComponent(id)}/registrations`, { toast: false });
}

export function previewCode(id: string, code: string): Promise<CheckInResultDto> {
  return http.get<CheckInResultDto>(`/api/publicity/admin/open-days/${encodeURIComponent(id)}/codes/${encodeURIComponent(code)}`, { toast: false });
}

export function checkIn(id: string, code: string): Promise<CheckInResultDto> {
  return http.post<CheckInResultDto>(`/api/publicity/admin/open-days/${encodeURIComponent(id)}/check-ins`, { code }, { toast: false });
}
