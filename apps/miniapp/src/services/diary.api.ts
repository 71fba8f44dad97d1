import type { DiaryCompletenessDto, DiaryEntryDto, DiaryMonthDto, DiaryReminderDto, DiaryReviewDto, DiarySpotCheckDto, DiaryVersionDto } from '@kaoping/contracts';
import { http } from './http';

export function saveDiary(content: string, date?: string): Promise<DiaryEntryDto> {
  return http.post<DiaryEntryDto>('/api/diary/entries', { date, content }, { toast: false });
}

export function diaryMonth(personId?: string, month?: string): Promise<DiaryMonthDto> {
  return http.get<DiaryMonthDto>('/api/diary/entries', { query: { personId, month }, toast: false });
}

export function diaryVersions(entryId: string): Promise<DiaryVersionDto[]> {
  return http.get<DiaryVersionDto[]>(`/api/diary/entries/${encodeURIComponent(entryId)}/versions`, { toast: false });
}

export function diaryReminders(): Promise<DiaryReminderDto> {
  return http.get<DiaryReminderDto>('/api/diary/reminders', { toast: false });
}

export function diaryCompleteness(month?: string, sectionId?: string): Promise<DiaryCompletenessDto> {
  return http.get<DiaryCompletenessDto>('/api/diary/completeness', { query: { month, sectionId }, toast: false });
}

export function reviewDiary(personId: string, month: string, comment: string): Promise<DiaryReviewDto> {
  return http.post<DiaryReviewDto>('/api/diary/reviews', { personId, month, comment: comment || undefined });
}

/** 考评办日记抽查: all checks (or one month's). */
export function listDiarySpotChecks(month?: string): Promise<DiarySpotCheckDto[]> {
  return http.get<DiarySpotCheckDto[]>('/api/diary/spot-checks', { query: { month }, toast: false });
}

/** Draws a random sample of a section's people for a month. */
export function createDiarySpotCheck(sectionId: string, month: string, sampleSize: number): Promise<DiarySpotCheckDto> {
  return http.post<DiarySpotCheckDto>('/api/diary/spot-checks', { sectionId, month, sampleSize }, { toast: false });
}

export function recordSpotCheckFindings(id: string, findings: string): Promise<DiarySpotCheckDto> {
  return http.post<DiarySpotCheckDto>(`/api/diary/spot-checks/${encodeURIComponent(id)}/findings`, { findings }, { toast: false });
}
