import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ASPECTS, INVITEE_KINDS, QUESTION_TYPES, SURVEY_GROUPS } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const UUID_LIKE = /^[0-9a-f-]{36}$/;

export class QuestionDto {
  @ApiProperty({ description: '题目编号（问卷内唯一）', pattern: '^[A-Za-z0-9_-]{1,20}$', example: 'q1' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/)
  id!: string;

  @ApiProperty({ enum: QUESTION_TYPES, description: 'choice 单选（满意/基本满意/不满意）、stars 星级（1–5）、text 文字' })
  @IsIn(QUESTION_TYPES)
  type!: (typeof QUESTION_TYPES)[number];

  @ApiProperty({ minLength: 1, maxLength: 120, example: '您对该科室的服务态度是否满意？' })
  @IsString()
  @Length(1, 120)
  text!: string;

  @ApiPropertyOptional({ type: [String], description: '单选题的选项（须是量表中的标签）；不填用量表全部标签', example: ['满意', '基本满意', '不满意'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Length(1, 20, { each: true })
  options?: string[];

  @ApiPropertyOptional({ type: Boolean, default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class CreateSurveyDto {
  @ApiProperty({ minLength: 2, maxLength: 80, example: '2024年度服务对象满意度测评' })
  @IsString()
  @Length(2, 80)
  title!: string;

  @ApiProperty({ enum: SURVEY_GROUPS, description: '答卷人群：服务对象（扫码）、两代表一委员、对口部门、分管市领导' })
  @IsIn(SURVEY_GROUPS)
  group!: (typeof SURVEY_GROUPS)[number];

  @ApiProperty({ type: Number, minimum: 2000, maximum: 2100, example: 2024, description: '计入的考评年度' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ type: String, format: 'date', example: '2024-12-01' })
  @IsDateOnly()
  periodStart!: string;

  @ApiProperty({ type: String, format: 'date', example: '2025-02-28' })
  @IsDateOnly()
  periodEnd!: string;

  @ApiProperty({ type: [QuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions!: QuestionDto[];

  @ApiProperty({ type: [String], description: '被评价的处室编号（评价对象为处室及其负责人）', example: ['jdk'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Matches(ID, { each: true })
  sectionIds!: string[];
}

export class AnswerDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,20}$', example: 'q1' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,20}$/)
  questionId!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, description: '单选：选项文字；星级："1"–"5"；文字题：内容', example: '满意' })
  @IsString()
  @Length(1, 500)
  value!: string;
}

class SubmitBase {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers!: AnswerDto[];

  @ApiProperty({ type: Number, minimum: 0, maximum: 86400000, description: '作答用时（毫秒），客户端计时', example: 45000 })
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  durationMs!: number;

  @ApiProperty({ description: '幂等键：同一份答卷重试时不变', pattern: '^[A-Za-z0-9_-]{8,64}$', example: 'k_8c1f2e3d4a5b' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/)
  idempotencyKey!: string;
}

export class CitizenSubmitDto extends SubmitBase {
  @ApiProperty({ description: '二维码中的签名令牌', minLength: 10, maxLength: 500 })
  @IsString()
  @Length(10, 500)
  token!: string;

  @ApiPropertyOptional({ description: '联系方式（自愿填写，便于回访；与答卷分开保存）', maxLength: 60, example: '138****0000' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  contact?: string;
}

export class InvitationSubmitDto extends SubmitBase {
  @ApiProperty({ description: '被评价的处室编号', pattern: '^[A-Za-z0-9_-]{1,40}$', example: 'jdk' })
  @IsString()
  @Matches(ID)
  sectionId!: string;
}

export class FormQueryDto {
  @ApiProperty({ description: '二维码中的签名令牌', minLength: 10, maxLength: 500 })
  @IsString()
  @Length(10, 500)
  t!: string;
}

export class SectionQueryDto {
  @ApiProperty({ description: '处室编号', pattern: '^[A-Za-z0-9_-]{1,40}$', example: 'jdk' })
  @IsString()
  @Matches(ID)
  sectionId!: string;
}

export class QrQueryDto extends SectionQueryDto {
  @ApiPropertyOptional({ enum: ['png', 'svg'], default: 'png' })
  @IsOptional()
  @IsIn(['png', 'svg'])
  format?: 'png' | 'svg';
}

export class InviteeDto {
  @ApiProperty({ minLength: 1, maxLength: 40, example: '王建国' })
  @IsString()
  @Length(1, 40)
  name!: string;

  @ApiProperty({ enum: INVITEE_KINDS, description: '人大代表 npc、政协委员 cppcc、党代表 party、对口部门 counterpart、分管市领导 city_leader' })
  @IsIn(INVITEE_KINDS)
  kind!: (typeof INVITEE_KINDS)[number];

  @ApiPropertyOptional({ pattern: '^[0-9+-]{5,20}$', example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9+-]{5,20}$/)
  phone?: string;
}

export class CreateInvitationsDto {
  @ApiProperty({ type: [InviteeDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => InviteeDto)
  invitees!: InviteeDto[];
}

export class OpenInvitationDto {
  @ApiProperty({ description: '邀请链接中的邀请码', pattern: '^[A-Za-z0-9]{12,40}$', example: 'Q7M4K9TXA2B3C4D5' })
  @IsString()
  @Matches(/^[A-Za-z0-9]{12,40}$/)
  code!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['accept', 'reject'], description: 'accept 计入均分；reject 剔除（作为拉票线索留存）' })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';
}

export class CreateCampaignDto {
  @ApiProperty({ type: Number, minimum: 2000, maximum: 2100, example: 2024 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ minLength: 2, maxLength: 80, example: '2024年度机关干部民主测评' })
  @IsString()
  @Length(2, 80)
  title!: string;

  @ApiProperty({ type: String, format: 'date', example: '2025-01-15', description: '截止日期（含）' })
  @IsDateOnly()
  closesOn!: string;
}

export class AspectsDto {
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 90 }) @IsInt() @Min(0) @Max(100) de!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 90 }) @IsInt() @Min(0) @Max(100) neng!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 90 }) @IsInt() @Min(0) @Max(100) qin!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 90 }) @IsInt() @Min(0) @Max(100) ji!: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, example: 90 }) @IsInt() @Min(0) @Max(100) lian!: number;
}

export class DemocraticScoreDto {
  @ApiProperty({ description: '测评活动编号', format: 'uuid' })
  @IsString()
  @Matches(UUID_LIKE)
  campaignId!: string;

  @ApiProperty({ description: '被测评人编号', pattern: '^[A-Za-z0-9_-]{1,40}$', example: 'p015' })
  @IsString()
  @Matches(ID)
  targetId!: string;

  @ApiProperty({ type: AspectsDto, description: `${ASPECTS.join('/')}：德能勤绩廉，各 0–100` })
  @ValidateNested()
  @Type(() => AspectsDto)
  aspects!: AspectsDto;
}
