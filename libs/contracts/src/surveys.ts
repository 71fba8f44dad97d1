/** Surveys (满意度测评、两代表一委员、对口部门、分管市领导) and 民主测评: types shared by the API and the mini-program. */

/** Who answers a survey: the wubi evaluation groups (WB-C1…C4). */
export const SURVEY_GROUPS = ['service_recipient', 'representative', 'counterpart', 'city_leader'] as const;
export type SurveyGroup = (typeof SURVEY_GROUPS)[number];

/**
 * 局属各单位: the half-yearly scoring of the 机关 sections by the bureau's units (seed 000 五.(十)). Not a wubi evaluation
 * group: such a survey is opened as a 半年考评打分 round (`POST /api/reviews/half-year`), not created directly.
 */
export const UNIT_SURVEY_GROUP = 'unit' as const;
/** Every respondent group a survey can have. */
export type SurveyAudience = SurveyGroup | typeof UNIT_SURVEY_GROUP;

export const SURVEY_GROUP_LABELS: Record<SurveyAudience, string> = {
  service_recipient: '服务对象代表（扫码）',
  representative: '两代表一委员',
  counterpart: '县市区对口部门',
  city_leader: '分管联系市领导',
  unit: '局属各单位',
};

export const QUESTION_TYPES = ['choice', 'stars', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface SurveyQuestion {
  id: string;
  type: QuestionType;
  text: string;
  /** choice: the option labels (keys of the survey's scale). */
  options?: string[];
  required: boolean;
}

/** Invitees of the invitation groups. */
export const INVITEE_KINDS = ['npc', 'cppcc', 'party', 'counterpart', 'city_leader', 'unit'] as const;
export type InviteeKind = (typeof INVITEE_KINDS)[number];
export const INVITEE_KIND_LABELS: Record<InviteeKind, string> = {
  npc: '人大代表',
  cppcc: '政协委员',
  party: '党代表',
  counterpart: '对口部门',
  city_leader: '分管联系市领导',
  unit: '局属单位负责人',
};

export interface SurveyTargetDto {
  sectionId: string;
  sectionName: string;
  /** The section's head (the rated person), if one is in office. */
  headName: string | null;
}

export interface SurveyDto {
  id: string;
  title: string;
  group: SurveyAudience;
  year: number;
  periodStart: string;
  periodEnd: string;
  questions: SurveyQuestion[];
  scale: Record<string, number>;
  targets: SurveyTargetDto[];
  responses: number;
  held: number;
}

/** What a respondent sees: one target, the questions. */
export interface SurveyFormDto {
  surveyId: string;
  title: string;
  group: SurveyAudience;
  sectionId: string;
  sectionName: string;
  periodEnd: string;
  questions: SurveyQuestion[];
}

export interface SurveyAnswer {
  questionId: string;
  /** choice: the option label; stars: "1"…"5"; text: free text. */
  value: string;
}

export type ResponseStatus = 'counted' | 'held' | 'rejected';
export const RESPONSE_STATUS_LABELS: Record<ResponseStatus, string> = { counted: '计入', held: '待审核', rejected: '已剔除' };

export const RESPONSE_FLAGS = ['burst', 'speeder', 'straight_line'] as const;
export type ResponseFlag = (typeof RESPONSE_FLAGS)[number];
export const RESPONSE_FLAG_LABELS: Record<ResponseFlag, string> = {
  burst: '短时集中提交',
  speeder: '作答过快',
  straight_line: '所有题目同一答案',
};

export interface SubmitResultDto {
  id: string;
  status: 'received';
}

/** Invitation link for a representative, counterpart or city leader; the code is shown once. */
export interface InvitationIssuedDto {
  id: string;
  name: string;
  kind: InviteeKind;
  code: string;
  url: string;
  weappPath: string;
}

/** Who has responded (never what they said). */
export interface InvitationStatusDto {
  id: string;
  name: string;
  kind: InviteeKind;
  phone: string | null;
  answered: number;
  total: number;
  /** Date (not time) the invitation was completed. */
  completedOn: string | null;
}

export interface InvitationSessionDto {
  token: string;
  expiresIn: number;
  invitation: InvitationHomeDto;
}

export interface InvitationHomeDto {
  surveyId: string;
  title: string;
  group: SurveyAudience;
  periodEnd: string;
  questions: SurveyQuestion[];
  sections: { sectionId: string; sectionName: string; done: boolean }[];
}

export interface TargetResultDto {
  sectionId: string;
  sectionName: string;
  headName: string | null;
  counted: number;
  held: number;
  rejected: number;
  /** Null when fewer than the minimum group size answered (the score still uses the real mean). */
  mean: number | null;
}

export interface SurveyResultsDto {
  surveyId: string;
  minGroupSize: number;
  targets: TargetResultDto[];
  /** Responses per day (all statuses). */
  timeline: { date: string; count: number }[];
  /** Counted responses per score band. */
  distribution: { band: string; count: number }[];
}

export interface FlaggedResponseDto {
  id: string;
  surveyId: string;
  surveyTitle: string;
  sectionId: string;
  sectionName: string;
  flags: ResponseFlag[];
  score: number | null;
  durationSeconds: number | null;
  status: ResponseStatus;
  createdOn: string;
}

/** 民主测评. */
export const DEMOCRATIC_GROUPS = ['bureau_leader', 'cadre_peer', 'unit', 'staff'] as const;
export type DemocraticRaterGroup = (typeof DEMOCRATIC_GROUPS)[number];
export const DEMOCRATIC_GROUP_LABELS: Record<DemocraticRaterGroup, string> = {
  bureau_leader: '局领导',
  cadre_peer: '副科以上互评',
  unit: '局属各单位',
  staff: '机关科员',
};

export const ASPECTS = ['de', 'neng', 'qin', 'ji', 'lian'] as const;
export type Aspect = (typeof ASPECTS)[number];
export const ASPECT_LABELS: Record<Aspect, string> = { de: '德', neng: '能', qin: '勤', ji: '绩', lian: '廉' };

export interface CampaignDto {
  id: string;
  year: number;
  title: string;
  closesOn: string;
  progress: { group: DemocraticRaterGroup; raters: number; completed: number }[];
}

export interface DemocraticTaskDto {
  campaignId: string;
  title: string;
  closesOn: string;
  group: DemocraticRaterGroup;
  targets: { personId: string; name: string; sectionName: string | null; position: string | null; done: boolean }[];
}

export interface DemocraticResultDto {
  personId: string;
  name: string;
  position: string | null;
  groups: { group: DemocraticRaterGroup; count: number; mean: number | null }[];
}
