import Taro from '@tarojs/taro';
import type {
  CampaignDto,
  DemocraticTaskDto,
  FlaggedResponseDto,
  InvitationHomeDto,
  InvitationIssuedDto,
  InvitationSessionDto,
  InvitationStatusDto,
  SubmitResultDto,
  SurveyAnswer,
  SurveyDto,
  SurveyFormDto,
  SurveyGroup,
  SurveyResultsDto,
} from '@kaoping/contracts';
import { buildUrl, http } from './http';
import { OfflineQueue, isRetryable, newIdempotencyKey } from './offline-queue';
import { ensureCitizenToken } from './complaints.api';

/**
 * A queued answer: the respondent's bearer token beside the request body (the body has its own `token`: the QR one).
 * `citizen: true` with no bearer: a citizen who could not get a token when answering (API unreachable) gets one when
 * the answer is delivered.
 */
interface Envelope {
  bearer: string | null;
  citizen?: boolean;
  body: Record<string, unknown>;
}

/** Survey answers wait here when the network is gone, and are sent on reconnect (the server de-duplicates by key). */
export const surveyQueue = new OfflineQueue('surveys', async (item) => {
  const { bearer, citizen, body } = item.body as Envelope;
  const token = bearer ?? (citizen ? await ensureCitizenToken() : null);
  return http.post(item.path, body, { toast: false, redirectOn401: false, token });
});

export { newIdempotencyKey };

// ---- citizens (QR)

export function surveyForm(t: string): Promise<SurveyFormDto> {
  return http.get<SurveyFormDto>('/api/survey-forms', { query: { t }, toast: false, token: null });
}

export async function submitCitizenSurvey(input: { t: string; answers: SurveyAnswer[]; durationMs: number; contact?: string; idempotencyKey: string; label: string }) {
  // no token and the API unreachable (offline, 503): the answer is kept all the same, the token fetched on delivery
  let bearer: string | null = null;
  try {
    bearer = await ensureCitizenToken();
  } catch (err) {
    if (!isRetryable(err)) throw err;
  }
  const body: Record<string, unknown> = { token: input.t, answers: input.answers, durationMs: input.durationMs, idempotencyKey: input.idempotencyKey };
  if (input.contact) body.contact = input.contact;
  return surveyQueue.submit<SubmitResultDto>({ path: '/api/survey-forms/responses', body: { bearer, citizen: true, body } satisfies Envelope, idempotencyKey: input.idempotencyKey, label: input.label });
}

// ---- invitations (两代表一委员, counterparts, city leader)

const INVITE_TOKEN_KEY = 'kaoping.invitation.token';

export function invitationToken(): string | null {
  const v: unknown = Taro.getStorageSync(INVITE_TOKEN_KEY);
  return typeof v === 'string' && v ? v : null;
}

export async function openInvitation(code: string): Promise<InvitationHomeDto> {
  const s = await http.post<InvitationSessionDto>('/api/survey-invitations/open', { code }, { toast: false, token: null });
  Taro.setStorageSync(INVITE_TOKEN_KEY, s.token);
  return s.invitation;
}

export function invitationHome(): Promise<InvitationHomeDto> {
  return http.get<InvitationHomeDto>('/api/survey-invitations/me', { toast: false, token: invitationToken(), redirectOn401: false });
}

export function submitInvitation(input: { sectionId: string; answers: SurveyAnswer[]; durationMs: number; idempotencyKey: string; label: string }) {
  const { label, ...body } = input;
  return surveyQueue.submit<SubmitResultDto>({
    path: '/api/survey-invitations/me/responses',
    body: { bearer: invitationToken(), body } satisfies Envelope,
    idempotencyKey: input.idempotencyKey,
    label,
  });
}

// ---- office

export const listSurveys = () => http.get<SurveyDto[]>('/api/surveys', { toast: false });
export const getSurvey = (id: string) => http.get<SurveyDto>(`/api/surveys/${id}`, { toast: false });
export const createSurvey = (input: {
  title: string;
  group: SurveyGroup;
  year: number;
  periodStart: string;
  periodEnd: string;
  questions: { id: string; type: 'choice' | 'stars' | 'text'; text: string; required?: boolean }[];
  sectionIds: string[];
}) => http.post<SurveyDto>('/api/surveys', input);
export const surveyResults = (id: string) => http.get<SurveyResultsDto>(`/api/surveys/${id}/results`, { toast: false });
export const qrLink = (id: string, sectionId: string) => http.get<{ token: string; url: string; weappPath: string }>(`/api/surveys/${id}/qr-link`, { query: { sectionId }, toast: false });
export const qrUrl = (id: string, sectionId: string, format: 'png' | 'svg' = 'png') => buildUrl(`/api/surveys/${id}/qr`, { sectionId, format });
export const qrSheetUrl = (id: string, sectionId: string) => buildUrl(`/api/surveys/${id}/qr-sheet`, { sectionId });
export const importUrl = (id: string) => buildUrl(`/api/surveys/${id}/invitations/import`);
export const listInvitations = (id: string) => http.get<InvitationStatusDto[]>(`/api/surveys/${id}/invitations`, { toast: false });
export const invite = (id: string, invitees: { name: string; kind: string; phone?: string }[]) => http.post<InvitationIssuedDto[]>(`/api/surveys/${id}/invitations`, { invitees });
export const reissueInvitation = (id: string) => http.post<InvitationIssuedDto>(`/api/survey-invitations/${id}/reissue`);
export const flaggedResponses = () => http.get<FlaggedResponseDto[]>('/api/survey-responses/flagged', { toast: false });
export const reviewResponse = (id: string, decision: 'accept' | 'reject') => http.post<FlaggedResponseDto>(`/api/survey-responses/${id}/review`, { decision });

// ---- 民主测评

export const democraticTasks = () => http.get<DemocraticTaskDto[]>('/api/democratic/tasks', { toast: false });
export const rateCadre = (input: { campaignId: string; targetId: string; aspects: Record<'de' | 'neng' | 'qin' | 'ji' | 'lian', number> }) =>
  http.post<{ status: 'received' }>('/api/democratic/scores', input, { toast: false });
export const campaigns = () => http.get<CampaignDto[]>('/api/democratic/campaigns', { toast: false });
