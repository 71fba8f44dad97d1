/** 工作日记 (seed 000 五.三). */

export interface DiaryEntryDto {
  id: string;
  personId: string;
  date: string;
  content: string;
  version: number;
  /** Still editable in place (today); later edits are kept as versions. */
  editable: boolean;
  updatedAt: string;
}

export interface DiaryVersionDto {
  version: number;
  content: string;
  savedAt: string;
  /** Saved after the entry's own day. */
  late: boolean;
}

export interface DiaryMonthDto {
  personId: string;
  month: string;
  entries: DiaryEntryDto[];
  review: DiaryReviewDto | null;
}

export interface DiaryReviewDto {
  personId: string;
  month: string;
  reviewerId: string;
  reviewerName: string;
  comment: string | null;
  reviewedAt: string;
}

export interface DiaryReminderDto {
  today: string;
  todayWritten: boolean;
  /** Working days (work calendar) of this month up to yesterday without an entry. */
  missing: string[];
}

export interface DiaryCompletenessRow {
  personId: string;
  name: string;
  position: string | null;
  workingDays: number;
  written: number;
  missing: string[];
  /** written / workingDays, 0..1 (1 when there is no working day yet). */
  rate: number;
  review: DiaryReviewDto | null;
}

export interface DiaryCompletenessDto {
  sectionId: string;
  month: string;
  /** Working days counted up to this date (work calendar: holidays off, 调休 days on, else the section's schedule). */
  until: string;
  people: DiaryCompletenessRow[];
}

export interface DiarySpotCheckDto {
  id: string;
  sectionId: string;
  sectionName: string;
  month: string;
  sample: { personId: string; name: string; written: number; workingDays: number }[];
  checkerId: string;
  findings: string | null;
  createdAt: string;
  recordedAt: string | null;
}
