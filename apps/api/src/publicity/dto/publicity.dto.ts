import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { BOARD_LIMITS, CHECKIN_CODE_PATTERN, MOBILE_PATTERN, OPEN_DAY_AUDIENCES, type OpenDayAudience } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Codes as people type them: any case, spaces or dashes. */
const normaliseCode = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.toUpperCase().replace(/[\s-]/g, '') : value);
const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);

/** Item ids chosen by the editor (kept across edits so the public timeline stays stable). */
const ITEM_ID = /^[A-Za-z0-9_-]{1,36}$/;
/** Wall-clock time in the bureau's zone: `2026-06-20 09:30`. */
export const LOCAL_DATETIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d$/;

// ── 进度公示 ──

export class BoardUpdateInput {
  @ApiPropertyOptional({ description: '进展编号（编辑时保留；新增时可不填）', pattern: ITEM_ID.source })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  id?: string;

  @ApiProperty({ format: 'date', description: '进展日期（当年内，不晚于今天）', example: '2026-05-20' })
  @IsDateOnly()
  date!: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: '该项工作截至此时的完成百分比', example: 40 })
  @IsInt()
  @Min(0)
  @Max(100)
  percent!: number;

  @ApiProperty({ minLength: 2, maxLength: BOARD_LIMITS.updateText, description: '进展情况' })
  @Transform(trim)
  @IsString()
  @Length(2, BOARD_LIMITS.updateText)
  text!: string;
}

export class BoardTaskInput {
  @ApiPropertyOptional({ description: '工作编号（编辑时保留；新增时可不填）', pattern: ITEM_ID.source })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  id?: string;

  @ApiProperty({ minLength: 2, maxLength: BOARD_LIMITS.taskTitle, description: '年度重点工作' })
  @Transform(trim)
  @IsString()
  @Length(2, BOARD_LIMITS.taskTitle)
  title!: string;

  @ApiPropertyOptional({ maxLength: BOARD_LIMITS.taskDescription, description: '目标与措施（可不填）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(BOARD_LIMITS.taskDescription)
  description?: string;

  @ApiProperty({ type: [BoardUpdateInput], maxItems: BOARD_LIMITS.updatesPerTask, description: '进展记录（日期、完成百分比、情况）' })
  @IsArray()
  @ArrayMaxSize(BOARD_LIMITS.updatesPerTask)
  @ValidateNested({ each: true })
  @Type(() => BoardUpdateInput)
  updates!: BoardUpdateInput[];
}

export class BoardProblemInput {
  @ApiPropertyOptional({ description: '条目编号（编辑时保留；新增时可不填）', pattern: ITEM_ID.source })
  @IsOptional()
  @IsString()
  @Matches(ITEM_ID)
  id?: string;

  @ApiProperty({ minLength: 2, maxLength: BOARD_LIMITS.problemTitle, description: '群众反映的问题' })
  @Transform(trim)
  @IsString()
  @Length(2, BOARD_LIMITS.problemTitle)
  title!: string;

  @ApiProperty({ minLength: 2, maxLength: BOARD_LIMITS.problemSolution, description: '解决情况' })
  @Transform(trim)
  @IsString()
  @Length(2, BOARD_LIMITS.problemSolution)
  solution!: string;

  @ApiProperty({ format: 'date', description: '解决日期（当年内，不晚于今天）', example: '2026-05-12' })
  @IsDateOnly()
  solvedOn!: string;

  @ApiPropertyOptional({ description: '来自问题清单的条目编号（须为本处室已解决的问题）', maxLength: 36 })
  @IsOptional()
  @IsString()
  @Length(1, 36)
  problemId?: string;
}

export class SaveBoardDto {
  @ApiProperty({ minimum: 0, description: '编辑所依据的版本号（GET 返回的 revision；尚未填写过为 0）', example: 0 })
  @IsInt()
  @Min(0)
  revision!: number;

  @ApiProperty({ type: [BoardTaskInput], maxItems: BOARD_LIMITS.tasks, description: '年度重点工作及进展' })
  @IsArray()
  @ArrayMaxSize(BOARD_LIMITS.tasks)
  @ValidateNested({ each: true })
  @Type(() => BoardTaskInput)
  tasks!: BoardTaskInput[];

  @ApiProperty({ type: [BoardProblemInput], maxItems: BOARD_LIMITS.problems, description: '为群众解决的问题' })
  @IsArray()
  @ArrayMaxSize(BOARD_LIMITS.problems)
  @ValidateNested({ each: true })
  @Type(() => BoardProblemInput)
  problems!: BoardProblemInput[];
}

export class BoardRevisionDto {
  @ApiProperty({ minimum: 1, description: '所看到的版本号（防止审核或提交别人刚改过的内容）', example: 3 })
  @IsInt()
  @Min(1)
  revision!: number;
}

export class ReturnBoardDto {
  @ApiProperty({ minimum: 1, description: '所看到的版本号', example: 3 })
  @IsInt()
  @Min(1)
  revision!: number;

  @ApiProperty({ minLength: 2, maxLength: 500, description: '退回原因（告诉处室要改什么）' })
  @Transform(trim)
  @IsString()
  @Length(2, 500)
  reason!: string;
}

export class YearQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 2000, maximum: 2100, description: '年度（默认今年）', example: 2026 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

// ── 公众开放日 ──

export class CreateOpenDayDto {
  @ApiProperty({ description: '举办处室（参加“五比五评”的处室）', maxLength: 40, example: 'jdk' })
  @IsString()
  @Length(1, 40)
  sectionId!: string;

  @ApiProperty({ minLength: 2, maxLength: 100, description: '活动名称', example: '城市管理公众开放日' })
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  title!: string;

  @ApiProperty({ description: '活动开始时间（单位所在时区，YYYY-MM-DD HH:mm）', pattern: LOCAL_DATETIME.source, example: '2026-06-20 09:30' })
  @IsString()
  @Matches(LOCAL_DATETIME)
  startsAt!: string;

  @ApiProperty({ minLength: 2, maxLength: 200, description: '地点', example: '市城市管理监督指挥中心一楼大厅' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  place!: string;

  @ApiPropertyOptional({ maxLength: 2000, description: '活动安排（参观、座谈交流等）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiProperty({ minimum: 1, maximum: 5000, description: '名额', example: 30 })
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity!: number;

  @ApiProperty({ description: '报名截止时间（单位所在时区，YYYY-MM-DD HH:mm，不晚于活动开始）', pattern: LOCAL_DATETIME.source, example: '2026-06-18 17:00' })
  @IsString()
  @Matches(LOCAL_DATETIME)
  registrationDeadline!: string;

  @ApiProperty({ enum: OPEN_DAY_AUDIENCES, isArray: true, description: '邀请对象：市民、商户、人大代表·政协委员', example: ['citizen', 'merchant'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OPEN_DAY_AUDIENCES.length)
  @ArrayUnique()
  @IsIn(OPEN_DAY_AUDIENCES, { each: true })
  audiences!: OpenDayAudience[];
}

export class UpdateOpenDayDto {
  @ApiPropertyOptional({ minLength: 2, maxLength: 100, description: '活动名称' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiPropertyOptional({ description: '活动开始时间（YYYY-MM-DD HH:mm）', pattern: LOCAL_DATETIME.source })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATETIME)
  startsAt?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 200, description: '地点' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  place?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: '活动安排' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 5000, description: '名额（不能少于已报名人数）' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(5000)
  capacity?: number;

  @ApiPropertyOptional({ description: '报名截止时间（YYYY-MM-DD HH:mm）', pattern: LOCAL_DATETIME.source })
  @IsOptional()
  @IsString()
  @Matches(LOCAL_DATETIME)
  registrationDeadline?: string;

  @ApiPropertyOptional({ enum: OPEN_DAY_AUDIENCES, isArray: true, description: '邀请对象（已有人报名的类别不能去掉）' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(OPEN_DAY_AUDIENCES.length)
  @ArrayUnique()
  @IsIn(OPEN_DAY_AUDIENCES, { each: true })
  audiences?: OpenDayAudience[];

  @ApiPropertyOptional({ description: '取消活动（true）或恢复（false）' })
  @IsOptional()
  @IsBoolean()
  cancelled?: boolean;
}

export class OpenDayListQueryDto {
  @ApiPropertyOptional({ maxLength: 40, description: '只看某处室' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  sectionId?: string;
}

export class RegisterDto {
  @ApiProperty({ minLength: 2, maxLength: 20, description: '姓名', example: '李明' })
  @Transform(trim)
  @IsString()
  @Length(2, 20)
  name!: string;

  @ApiProperty({ description: '手机号（11 位）', pattern: MOBILE_PATTERN.source, example: '13800001234' })
  @Transform(trim)
  @IsString()
  @Matches(MOBILE_PATTERN, { message: '必须是 11 位手机号' })
  phone!: string;

  @ApiProperty({ enum: OPEN_DAY_AUDIENCES, description: '身份：市民、商户、人大代表·政协委员' })
  @IsIn(OPEN_DAY_AUDIENCES)
  audience!: OpenDayAudience;

  @ApiPropertyOptional({ maxLength: 100, description: '单位或店铺名称（可不填）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(100)
  organisation?: string;
}

export class LookupRegistrationDto {
  @ApiProperty({ description: '报名时填写的手机号', pattern: MOBILE_PATTERN.source, example: '13800001234' })
  @Transform(trim)
  @IsString()
  @Matches(MOBILE_PATTERN, { message: '必须是 11 位手机号' })
  phone!: string;

  @ApiProperty({ description: '报名码（8 位）', pattern: CHECKIN_CODE_PATTERN.source, example: 'K7M3QX9D' })
  @Transform(normaliseCode)
  @IsString()
  @Matches(CHECKIN_CODE_PATTERN, { message: '必须是 8 位报名码' })
  code!: string;
}

export class CheckInDto {
  @ApiProperty({ description: '报名码（8 位，不区分大小写）', pattern: CHECKIN_CODE_PATTERN.source, example: 'K7M3QX9D' })
  @Transform(normaliseCode)
  @IsString()
  @Matches(CHECKIN_CODE_PATTERN, { message: '必须是 8 位报名码' })
  code!: string;
}
