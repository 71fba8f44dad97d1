import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { SCHEME_IDS, type SchemeId } from '@kaoping/contracts';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);

export class ScoreQueryDto {
  @ApiPropertyOptional({ enum: SCHEME_IDS, type: String, description: '方案（默认：按人员所在单位）' })
  @IsOptional()
  @IsIn(SCHEME_IDS)
  scheme?: SchemeId;

  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度（默认今年）' })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class LeaderboardQueryDto extends ScoreQueryDto {
  @ApiPropertyOptional({ maxLength: 40, description: '只看某处室' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

export class StartRunDto {
  @ApiProperty({ enum: SCHEME_IDS })
  @IsIn(SCHEME_IDS)
  scheme!: SchemeId;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ReportJobDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, description: '年度' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

export class ReportQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class EvidenceResponse {
  @ApiProperty({ enum: ['incident', 'inspection', 'commendation', 'veto', 'complaint', 'attendance', 'other'] }) kind!: string;
  @ApiProperty({ nullable: true, type: String }) id!: string | null;
  @ApiProperty() label!: string;
}

export class ScoreItemResponse {
  @ApiProperty() rule!: string;
  @ApiProperty() ruleText!: string;
  @ApiProperty() points!: number;
  @ApiProperty() source!: string;
  @ApiProperty({ nullable: true, type: String }) cascadeFrom!: string | null;
  @ApiProperty({ nullable: true, type: String }) cascadeFromName!: string | null;
  @ApiProperty({ type: EvidenceResponse }) evidence!: EvidenceResponse;
}

export class ScoreDimensionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
  @ApiProperty() base!: number;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [ScoreItemResponse] }) items!: ScoreItemResponse[];
}

export class ScoreExtraResponse {
  @ApiProperty({ description: '附加项编号（leader_comments、quarterly_review、half_year_unit_scoring、innovation）' }) component!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: '权重 0–1' }) weight!: number;
  @ApiProperty({ nullable: true, type: Number, description: '该项年度得分 0–100' }) score!: number | null;
  @ApiProperty({ description: '对总分的影响：权重 ×（该项得分 − 六项平均）' }) points!: number;
}

export class PersonScoreResponse {
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty({ enum: SCHEME_IDS }) scheme!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ nullable: true, type: String }) schemeVersion!: string | null;
  @ApiProperty({ nullable: true, type: Number }) total!: number | null;
  @ApiProperty({ nullable: true, type: String }) grade!: string | null;
  @ApiProperty() bonus!: number;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: [ScoreDimensionResponse] }) dimensions!: ScoreDimensionResponse[];
  @ApiProperty({ type: [ScoreItemResponse] }) bonusItems!: ScoreItemResponse[];
  @ApiProperty({ type: [ScoreExtraResponse], description: '处长、副处长的附加项（七.(一)）；科员为空' }) extras!: ScoreExtraResponse[];
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) computedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
}

export class LeaderboardRowResponse {
  @ApiProperty() rank!: number;
  @ApiProperty() personId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) sectionId!: string | null;
  @ApiProperty({ nullable: true, type: String }) sectionName!: string | null;
  @ApiProperty({ nullable: true, type: String }) position!: string | null;
  @ApiProperty() total!: number;
  @ApiProperty() grade!: string;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) dimensions!: Record<string, number>;
}

export class DimensionLabelResponse {
  @ApiProperty() id!: string;
  @ApiProperty() label!: string;
}

export class LeaderboardResponse {
  @ApiProperty({ enum: SCHEME_IDS }) scheme!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ nullable: true, type: String }) schemeVersion!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) computedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ type: [DimensionLabelResponse] }) dimensions!: DimensionLabelResponse[];
  @ApiProperty({ type: [LeaderboardRowResponse] }) rows!: LeaderboardRowResponse[];
}

export class GradeRowResponse extends LeaderboardRowResponse {
  @ApiProperty({ type: [String] }) consequences!: string[];
}

export class GradeListResponse {
  @ApiProperty({ enum: SCHEME_IDS }) scheme!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ nullable: true, type: String }) error!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts!: Record<string, number>;
  @ApiProperty({ type: [GradeRowResponse] }) rows!: GradeRowResponse[];
}
