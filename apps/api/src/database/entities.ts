import { Citizen } from '../auth/citizen.entity.js';
import { AuditHead, AuditLog } from '../audit/audit-log.entity.js';
import { Notice } from '../notices/notice.entity.js';
import { Appeal, Incident, IncidentTransition } from '../records/incident.entity.js';
import { Commendation, InspectionRound, InspectionScore, Rating, Veto } from '../records/wubi-records.entity.js';
import { ScoreResult, ScoreState } from '../scoring/score.entities.js';
import { ATTENDANCE_ENTITIES } from '../attendance/attendance.entities.js';
import { InviteCode } from '../auth/invite-code.entity.js';
import { RefreshToken } from '../auth/refresh-token.entity.js';
import { StoredFile } from '../files/stored-file.entity.js';
import { Complaint, ComplaintHistory } from '../complaints/complaint.entity.js';
import { Problem } from '../problems/problem.entity.js';
import { Membership } from '../org/membership.entity.js';
import { Person } from '../org/person.entity.js';
import { Section } from '../org/section.entity.js';
import { SURVEY_ENTITIES } from '../surveys/survey.entities.js';
import { DiaryEntry, DiaryReview, DiarySpotCheck, DiaryVersion } from '../diary/diary.entities.js';
import { IntegrityReport } from '../integrity/integrity-report.entity.js';
import { DuesFollowUp, Gathering, GatheringAttendance, LedgerSpotCheck, ResearchLog, ResearchReport } from '../ledgers/ledger.entities.js';
import { REVIEW_ENTITIES } from '../reviews/review.entities.js';
import { ExtrasWeight } from '../scoring/extras-weights.js';
import { WubiCycle, WubiCycleEntry } from '../cycle/cycle.entities.js';
import { OrderCheckCorrection, OrderCheckRound, OrderCheckSheet } from '../order-checks/order-check.entities.js';
import { GOVERNANCE_ENTITIES } from '../governance/governance.entities.js';
import { Reminder, ReminderSetting, WechatConsent } from '../reminders/reminder.entities.js';
import { PUBLICITY_ENTITIES } from '../publicity/publicity.entities.js';

/** Every entity, listed explicitly (no globs) so tsc output, Jest and the CLI agree. */
export const ENTITIES = [Section, Person, Membership, InviteCode, RefreshToken, Citizen, StoredFile, DiaryEntry, DiaryVersion, DiaryReview, DiarySpotCheck, Gathering, GatheringAttendance, LedgerSpotCheck, DuesFollowUp, ResearchLog, ResearchReport, IntegrityReport, ...ATTENDANCE_ENTITIES, Complaint, ComplaintHistory, Problem, ...SURVEY_ENTITIES, Incident, IncidentTransition, Appeal, InspectionRound, InspectionScore, Rating, Commendation, Veto, Notice, ScoreResult, ScoreState, ExtrasWeight, ...REVIEW_ENTITIES, WubiCycle, WubiCycleEntry, OrderCheckRound, OrderCheckSheet, OrderCheckCorrection, ...GOVERNANCE_ENTITIES, Reminder, ReminderSetting, WechatConsent, ...PUBLICITY_ENTITIES, AuditLog, AuditHead];
