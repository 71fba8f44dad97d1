import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_KINDS, APPLICATION_STATUSES, COORDINATION_STATUSES, EFFICIENCY_SYSTEM_KINDS, LEDGER_VERSION_STATUSES } from '@kaoping/contracts';

const nullableString = { nullable: true, type: String } as const;

export class StaffingResponse {
  @ApiProperty() chief!: number;
  @ApiProperty() deputy!: number;
  @ApiProperty() staff!: number;
}

export class DutyVersionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: [String], description: '定职能' }) duties!: string[];
  @ApiProperty({ ...nullableString, description: '定机构' }) structure!: string | null;
  @ApiProperty({ type: StaffingResponse, description: '定编制' }) staffing!: StaffingResponse;
  @ApiProperty(nullableString) note!: string | null;
  @ApiProperty({ enum: LEDGER_VERSION_STATUSES }) status!: string;
  @ApiProperty({ description: '当前施行的版本' }) inForce!: boolean;
  @ApiProperty() submittedBy!: string;
  @ApiProperty() submittedByName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty(nullableString) decidedByName!: string | null;
  @ApiProperty({ ...nullableString, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty(nullableString) decisionNote!: string | null;
}

export class SectionDutiesResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: DutyVersionResponse, nullable: true }) current!: DutyVersionResponse | null;
  @ApiProperty({ type: DutyVersionResponse, nullable: true, description: '待审核版本（本处室负责人、考评办可见）' }) pending!: DutyVersionResponse | null;
  @ApiProperty({ type: [DutyVersionResponse] }) history!: DutyVersionResponse[];
  @ApiProperty({ type: StaffingResponse, description: '今日实有人数' }) headcount!: StaffingResponse;
  @ApiProperty() canEdit!: boolean;
}

export class SystemItemResponse {
  @ApiProperty() matter!: string;
  @ApiProperty({ nullable: true, type: Number, description: '办结时限（工作日）' }) limitDays!: number | null;
  @ApiProperty(nullableString) detail!: string | null;
}

export class SystemVersionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() systemId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty() content!: string;
  @ApiProperty({ type: [SystemItemResponse] }) items!: SystemItemResponse[];
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty() publish!: boolean;
  @ApiProperty({ ...nullableString, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ enum: LEDGER_VERSION_STATUSES }) status!: string;
  @ApiProperty() inForce!: boolean;
  @ApiProperty() submittedByName!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty(nullableString) decidedByName!: string | null;
  @ApiProperty({ ...nullableString, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty(nullableString) decisionNote!: string | null;
}

export class EfficiencySystemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ enum: EFFICIENCY_SYSTEM_KINDS }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['missing', 'pending', 'in_force', 'scheduled'] }) state!: string;
  @ApiProperty({ type: SystemVersionResponse, nullable: true }) current!: SystemVersionResponse | null;
  @ApiProperty({ type: SystemVersionResponse, nullable: true }) pending!: SystemVersionResponse | null;
}

export class SystemDetailResponse extends EfficiencySystemResponse {
  @ApiProperty({ type: [SystemVersionResponse] }) versions!: SystemVersionResponse[];
  @ApiProperty() canEdit!: boolean;
}

export class SectionSystemsResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [EfficiencySystemResponse] }) systems!: EfficiencySystemResponse[];
  @ApiProperty({ enum: EFFICIENCY_SYSTEM_KINDS, isArray: true, description: '尚未建立（无施行版本）的必备制度' }) missing!: string[];
  @ApiProperty() canEdit!: boolean;
}

export class GovernanceOverviewRowResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ ...nullableString, format: 'date' }) dutiesInForceFrom!: string | null;
  @ApiProperty() dutiesPending!: boolean;
  @ApiProperty() systemsInForce!: number;
  @ApiProperty() systemsRequired!: number;
  @ApiProperty({ enum: EFFICIENCY_SYSTEM_KINDS, isArray: true }) missing!: string[];
  @ApiProperty() systemsPending!: number;
}

export class GovernanceOverviewResponse {
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({ type: [GovernanceOverviewRowResponse] }) rows!: GovernanceOverviewRowResponse[];
  @ApiProperty({ type: [DutyVersionResponse] }) pendingDuties!: DutyVersionResponse[];
  @ApiProperty({ type: [EfficiencySystemResponse] }) pendingSystems!: EfficiencySystemResponse[];
}

export class PublicSystemResponse {
  @ApiProperty() sectionName!: string;
  @ApiProperty() name!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ type: [SystemItemResponse] }) items!: SystemItemResponse[];
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ ...nullableString, format: 'date-time' }) publishedAt!: string | null;
}

export class MergedFromResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() sectionName!: string;
}

export class ActivityApplicationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: string;
  @ApiProperty() kindLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String] }) targetUnits!: string[];
  @ApiProperty({ format: 'date' }) plannedDate!: string;
  @ApiProperty({ format: 'date' }) endDate!: string;
  @ApiProperty() reason!: string;
  @ApiProperty() expectedAttendees!: number;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status!: string;
  @ApiProperty() appliedByName!: string;
  @ApiProperty({ format: 'date-time' }) appliedAt!: string;
  @ApiProperty(nullableString) decidedByName!: string | null;
  @ApiProperty({ ...nullableString, format: 'date-time' }) decidedAt!: string | null;
  @ApiProperty(nullableString) decisionNote!: string | null;
  @ApiProperty(nullableString) mergedIntoId!: string | null;
  @ApiProperty(nullableString) mergedIntoTitle!: string | null;
  @ApiProperty({ type: [MergedFromResponse] }) mergedFrom!: MergedFromResponse[];
}

export class OverlapGroupResponse {
  @ApiProperty({ type: [String] }) ids!: string[];
  @ApiProperty({ type: [ActivityApplicationResponse] }) applications!: ActivityApplicationResponse[];
  @ApiProperty({ type: [String] }) sharedUnits!: string[];
  @ApiProperty({ format: 'date' }) from!: string;
  @ApiProperty({ format: 'date' }) to!: string;
  @ApiProperty() reason!: string;
}

export class OverlapsResponse {
  @ApiProperty({ description: '“同一时期”的天数' }) windowDays!: number;
  @ApiProperty({ type: [OverlapGroupResponse] }) groups!: OverlapGroupResponse[];
}

export class CoordinationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() fromSectionId!: string;
  @ApiProperty() fromSectionName!: string;
  @ApiProperty() toSectionId!: string;
  @ApiProperty() toSectionName!: string;
  @ApiProperty() matter!: string;
  @ApiProperty() detail!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() contactName!: string;
  @ApiProperty() contactPhone!: string;
  @ApiProperty({ enum: COORDINATION_STATUSES }) status!: string;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty(nullableString) handlerId!: string | null;
  @ApiProperty(nullableString) handlerName!: string | null;
  @ApiProperty({ ...nullableString, format: 'date-time' }) acknowledgedAt!: string | null;
  @ApiProperty({ ...nullableString, format: 'date' }) completedOn!: string | null;
  @ApiProperty(nullableString) result!: string | null;
  @ApiProperty({ description: '未办结且已过时限（按本局时区）' }) overdue!: boolean;
  @ApiProperty({ description: '超过时限才办结' }) late!: boolean;
  @ApiProperty({ enum: ['awaiting', 'confirmed', 'cleared'], nullable: true, type: String }) breakStatus!: string | null;
  @ApiProperty(nullableString) breakNote!: string | null;
  @ApiProperty(nullableString) responsiblePersonId!: string | null;
  @ApiProperty(nullableString) responsiblePersonName!: string | null;
  @ApiProperty({ ...nullableString, description: '认定脱节后记录的 JI-2 考评事件' }) incidentId!: string | null;
  @ApiProperty() canAcknowledge!: boolean;
  @ApiProperty() canComplete!: boolean;
  @ApiProperty() canReview!: boolean;
}
