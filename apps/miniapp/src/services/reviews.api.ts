import type {
  ExtrasSummaryDto,
  ExtrasWeightsDto,
  ExtraComponentId,
  HalfYearOpenedDto,
  HalfYearRoundDto,
  InnovationDto,
  LeaderCommentDto,
  MonthlyMeetingDto,
  MonthlyReviewDto,
  QuarterlyReviewDto,
  RectificationTaskDto,
  ReviewLevel,
  TaskStatus,
} from '@kaoping/contracts';
import { http, request } from './http';

/** Pages of the review meetings (office: admin subpackage; leaders, chiefs and owners: officer subpackage). */
export const REVIEW_ROUTES = {
  monthly: '/subpackages/admin/pages/review-monthly/index',
  quarterly: '/subpackages/admin/pages/review-quarterly/index',
  halfYear: '/subpackages/admin/pages/review-half-year/index',
  weights: '/subpackages/admin/pages/extras-weights/index',
  leaderComment: '/subpackages/officer/pages/leader-comment/index',
  tasks: '/subpackages/officer/pages/review-tasks/index',
  innovations: '/subpackages/officer/pages/innovations/index',
  extras: '/subpackages/officer/pages/review-extras/index',
} as const;

export function monthlyReview(month?: string): Promise<MonthlyReviewDto> {
  return http.get<MonthlyReviewDto>('/api/reviews/monthly', { query: { month }, toast: false });
}

export function saveMonthlyMeeting(input: { month: string; date: string; attendees: string; summary: string }): Promise<MonthlyMeetingDto> {
  return request<MonthlyMeetingDto>('/api/reviews/monthly/meeting', { method: 'PUT', data: input, toast: false });
}

export function saveLeaderComment(input: { month: string; sectionId: string; level?: ReviewLevel; score?: number; comment: string; leaderId?: string }): Promise<LeaderCommentDto> {
  return request<LeaderCommentDto>('/api/reviews/monthly/comments', { method: 'PUT', data: input, toast: false });
}

export function quarterlyReviews(year?: number): Promise<QuarterlyReviewDto[]> {
  return http.get<QuarterlyReviewDto[]>('/api/reviews/quarterly', { query: { year }, toast: false });
}

export function createQuarterlyReview(input: {
  year: number;
  quarter: number;
  date: string;
  summary: string;
  sections: { sectionId: string; problems: string; score: number }[];
  tasks?: { sectionId: string; title: string; ownerId: string; deadline: string }[];
}): Promise<QuarterlyReviewDto> {
  return http.post<QuarterlyReviewDto>('/api/reviews/quarterly', input, { toast: false });
}

export function saveQuarterlySection(reviewId: string, input: { sectionId: string; problems: string; score: number }): Promise<QuarterlyReviewDto> {
  return request<QuarterlyReviewDto>(`/api/reviews/quarterly/${encodeURIComponent(reviewId)}/sections`, { method: 'PUT', data: input, toast: false });
}

export function addTask(reviewId: string, input: { sectionId: string; title: string; ownerId: string; deadline: string }): Promise<RectificationTaskDto> {
  return http.post<RectificationTaskDto>(`/api/reviews/quarterly/${encodeURIComponent(reviewId)}/tasks`, input, { toast: false });
}

export function listTasks(query: { year?: number; status?: TaskStatus } = {}): Promise<RectificationTaskDto[]> {
  return http.get<RectificationTaskDto[]>('/api/reviews/tasks', { query, toast: false });
}

export function completeTask(id: string, input: { followUp: string; fileIds?: string[] }): Promise<RectificationTaskDto> {
  return http.post<RectificationTaskDto>(`/api/reviews/tasks/${encodeURIComponent(id)}/done`, input, { toast: false });
}

export function halfYearRounds(year?: number): Promise<HalfYearRoundDto[]> {
  return http.get<HalfYearRoundDto[]>('/api/reviews/half-year', { query: { year }, toast: false });
}

export function openHalfYear(input: { year: number; half: 1 | 2; closesOn: string }): Promise<HalfYearOpenedDto> {
  return http.post<HalfYearOpenedDto>('/api/reviews/half-year', input, { toast: false });
}

export function listInnovations(query: { year?: number; sectionId?: string } = {}): Promise<InnovationDto[]> {
  return http.get<InnovationDto[]>('/api/reviews/innovations', { query, toast: false });
}

export function fileInnovation(input: { sectionId?: string; title: string; description: string; fileIds?: string[] }): Promise<InnovationDto> {
  return http.post<InnovationDto>('/api/reviews/innovations', input, { toast: false });
}

export function assessInnovation(id: string, input: { level?: ReviewLevel; score?: number; assessment: string }): Promise<InnovationDto> {
  return http.post<InnovationDto>(`/api/reviews/innovations/${encodeURIComponent(id)}/assess`, input, { toast: false });
}

export function extrasSummary(query: { year?: number; sectionId?: string } = {}): Promise<ExtrasSummaryDto> {
  return http.get<ExtrasSummaryDto>('/api/reviews/extras', { query, toast: false });
}

export function extrasWeights(): Promise<ExtrasWeightsDto> {
  return http.get<ExtrasWeightsDto>('/api/scores/extras-weights', { toast: false });
}

export function setExtrasWeights(weights: { component: ExtraComponentId; weight: number }[]): Promise<ExtrasWeightsDto> {
  return request<ExtrasWeightsDto>('/api/scores/extras-weights', { method: 'PUT', data: { weights }, toast: false });
}
