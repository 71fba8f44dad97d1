import type { GradeListDto, JobDto, LeaderboardDto, PersonScoreDto, SchemeId } from '@kaoping/contracts';
import { http } from './http';

export function personScore(personId: string, query: { scheme?: SchemeId; year?: number } = {}): Promise<PersonScoreDto> {
  return http.get<PersonScoreDto>(`/api/scores/people/${encodeURIComponent(personId)}`, { query, toast: false });
}

export function leaderboard(query: { scheme: SchemeId; year: number; sectionId?: string }): Promise<LeaderboardDto> {
  return http.get<LeaderboardDto>('/api/scores', { query, toast: false });
}

export function gradeList(query: { scheme: SchemeId; year: number }): Promise<GradeListDto> {
  return http.get<GradeListDto>('/api/scores/grades', { query, toast: false });
}

/** Bureau-wide recompute of a scheme and year, in the background (a job to follow with JobProgress). */
export function startRun(scheme: SchemeId, year: number): Promise<JobDto> {
  return http.post<JobDto>('/api/scores/runs', { scheme, year }, { toast: false });
}

/** The annual Excel report (every scheme), in the background. */
export function startReport(year: number): Promise<JobDto> {
  return http.post<JobDto>('/api/scores/report', { year }, { toast: false });
}
