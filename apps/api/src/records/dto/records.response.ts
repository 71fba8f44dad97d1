import { ApiProperty } from '@nestjs/swagger';
import { APPEAL_STATUSES, COMMENDATION_LEVELS, INCIDENT_STATUSES, INSPECTION_KINDS, RATING_LEVELS, VETO_REASONS } from '@kaoping/contracts';

export class IncidentResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'jiguan' }) scheme!: string;
  @ApiProperty({ example: 'NB-5' }) rule!: string;
  @ApiProperty() ruleText!: string;
  @ApiProperty({ nullable: true, type: String }) variant!: string | null;
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status!: string;
  @ApiProperty({ enum: APPEAL_STATUSES, nullable: true, type: String }) appealStatus!: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) appealDeadline!: string | null;
  @ApiProperty() canAppeal!: boolean;
  @ApiProperty({ description: '是否计分：已核实且不在申诉中' }) counted!: boolean;
  @ApiProperty({ example: '本人 −2，处长 −1，每位副处长 −1' }) cost!: string;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
}

export class EvidenceFileResponse {
  @ApiProperty({ description: '文件编号' }) id!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) mime!: string;
  @ApiProperty({ description: '带签名的临时链接（1 小时内有效），可直接用于图片显示', example: '/api/files/3f2c…/content?exp=1718330400&sig=…' }) previewUrl!: string;
}

export class IncidentTransitionResponse {
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty() actorName!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class AppealResponse {
  @ApiProperty() id!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty({ type: [EvidenceFileResponse], description: '申诉证据（含签名预览链接）' }) files!: EvidenceFileResponse[];
  @ApiProperty({ enum: APPEAL_STATUSES }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) decisionNote!: string | null;
}

export class IncidentDetailResponse extends IncidentResponse {
  @ApiProperty({ type: [EvidenceFileResponse], description: '证据附件（含签名预览链接）' }) files!: EvidenceFileResponse[];
  @ApiProperty({ type: [IncidentTransitionResponse] }) transitions!: IncidentTransitionResponse[];
  @ApiProperty({ type: [AppealResponse] }) appeals!: AppealResponse[];
}

export class IncidentImportResponse {
  @ApiProperty() imported!: number;
  @ApiProperty({ type: [String] }) ids!: string[];
}

export class InspectionScoreResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() score!: number;
}

export class InspectionRoundResponse {
  @ApiProperty() id!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind!: string;
  @ApiProperty() round!: number;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() inspector!: string;
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty({ type: [EvidenceFileResponse], description: '督查照片（含签名预览链接）' }) files!: EvidenceFileResponse[];
  @ApiProperty({ type: [InspectionScoreResponse] }) scores!: InspectionScoreResponse[];
}

export class InspectionYearResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [InspectionRoundResponse] }) rounds!: InspectionRoundResponse[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}

export class RatingRowResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() position!: string;
  @ApiProperty({ enum: RATING_LEVELS, nullable: true, type: String }) rating!: string | null;
}

export class RatingSheetResponse {
  @ApiProperty() year!: number;
  @ApiProperty({ type: [RatingRowResponse] }) rows!: RatingRowResponse[];
  @ApiProperty({ type: [String] }) quotaHints!: string[];
}

export class CommendationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ enum: COMMENDATION_LEVELS }) level!: string;
  @ApiProperty() matter!: string;
  @ApiProperty({ nullable: true, type: String }) docNo!: string | null;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ nullable: true, type: Number }) points!: number | null;
  @ApiProperty({ nullable: true, type: String }) reason!: string | null;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty({ type: [EvidenceFileResponse], description: '表彰文件扫描件（含签名预览链接）' }) files!: EvidenceFileResponse[];
}

export class VetoResponse {
  @ApiProperty() id!: string;
  @ApiProperty() personId!: string;
  @ApiProperty() personName!: string;
  @ApiProperty({ enum: VETO_REASONS }) reason!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) fileIds!: string[];
  @ApiProperty({ type: [EvidenceFileResponse], description: '证据（含签名预览链接）' }) files!: EvidenceFileResponse[];
}
