import type { GradeListDto, LeaderboardDto, PersonScoreDto, SchemeId, ScoreRunDto } from '@kaoping/contracts';
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

export function startRun(scheme: SchemeId, year: number): Promise<ScoreRunDto> {
  return http.post<ScoreRunDto>('/api/scores/runs', { scheme, year });
}

export function getRun(id: string): Promise<ScoreRunDto> {
  return http.get<ScoreRunDto>(`/api/scores/runs/${encodeURIComponent(id)}`, { toast: false });
}
