import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { BOARD_STATUSES, OPEN_DAY_AUDIENCES, OPEN_DAY_STATUSES, WUBI_TYPES } from '@kaoping/contracts';

export class BoardUpdateResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'date' }) date!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent!: number;
  @ApiProperty() text!: string;
}

export class BoardTaskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ minimum: 0, maximum: 100, description: '最近一次进展的完成百分比' }) percent!: number;
  @ApiProperty({ type: [BoardUpdateResponse], description: '新的在前' }) updates!: BoardUpdateResponse[];
}

export class BoardProblemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() solution!: string;
  @ApiProperty({ format: 'date' }) solvedOn!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: '问题清单条目（仅内部页面）' }) problemId?: string | null;
}

export class BoardContentResponse {
  @ApiProperty({ type: [BoardTaskResponse] }) tasks!: BoardTaskResponse[];
  @ApiProperty({ type: [BoardProblemResponse] }) problems!: BoardProblemResponse[];
}

export class BoardResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true }) wubiType!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: BOARD_STATUSES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() revision!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) returnReason!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) reviewedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty() unpublishedChanges!: boolean;
  @ApiProperty() canEdit!: boolean;
  @ApiProperty() canReview!: boolean;
  @ApiProperty({ type: BoardContentResponse }) draft!: BoardContentResponse;
  @ApiPropertyOptional({ type: BoardContentResponse, nullable: true }) published!: BoardContentResponse | null;
}

export class BoardSummaryResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true }) wubiType!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: BOARD_STATUSES }) status!: string;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() revision!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) submittedAt!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty() taskCount!: number;
  @ApiProperty() averagePercent!: number;
}

export class OpenDayResponse {
  @ApiProperty() id!: string;
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ description: '单位所在时区的时间，如 2026-06-20 09:30' }) startsLocal!: string;
  @ApiProperty() place!: string;
  @ApiProperty() description!: string;
  @ApiProperty() capacity!: number;
  @ApiProperty() registered!: number;
  @ApiProperty() remaining!: number;
  @ApiProperty({ format: 'date-time' }) registrationDeadline!: string;
  @ApiProperty() deadlineLocal!: string;
  @ApiProperty({ enum: OPEN_DAY_AUDIENCES, isArray: true }) audiences!: string[];
  @ApiProperty({ enum: OPEN_DAY_STATUSES }) status!: string;
  @ApiProperty() statusLabel!: string;
}

export class PublicBoardResponse extends BoardContentResponse {
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiProperty() averagePercent!: number;
}

export class PublicSectionProgressResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true }) wubiType!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty({ type: [Number], description: '已公示的年度，新的在前' }) years!: number[];
  @ApiPropertyOptional({ type: PublicBoardResponse, nullable: true }) board!: PublicBoardResponse | null;
  @ApiProperty({ type: [OpenDayResponse] }) openDays!: OpenDayResponse[];
}

export class PublicSectionResponse {
  @ApiProperty() sectionId!: string;
  @ApiProperty() sectionName!: string;
  @ApiPropertyOptional({ enum: WUBI_TYPES, nullable: true }) wubiType!: string | null;
  @ApiProperty() year!: number;
  @ApiProperty() published!: boolean;
  @ApiProperty() taskCount!: number;
  @ApiProperty() problemCount!: number;
  @ApiProperty() averagePercent!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty() upcomingOpenDays!: number;
}

export class MyRegistrationResponse {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '138****1234' }) phoneMasked!: string;
  @ApiProperty({ enum: OPEN_DAY_AUDIENCES }) audience!: string;
  @ApiProperty() audienceLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedInAt!: string | null;
  @ApiProperty({ description: '报名码二维码（data:image/svg+xml;base64,…）' }) qrDataUrl!: string;
  @ApiProperty({ description: '本次请求新建（false：此前已报名，返回原报名）' }) created!: boolean;
  @ApiProperty({ type: OpenDayResponse }) openDay!: OpenDayResponse;
}

export class RegistrationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '考评办看到完整手机号，其他人看到 138****1234' }) phone!: string;
  @ApiProperty({ enum: OPEN_DAY_AUDIENCES }) audience!: string;
  @ApiProperty() audienceLabel!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organisation!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) checkedInAt!: string | null;
}

export class AudienceCountResponse {
  @ApiProperty({ enum: OPEN_DAY_AUDIENCES }) audience!: string;
  @ApiProperty() label!: string;
  @ApiProperty() registered!: number;
  @ApiProperty() checkedIn!: number;
}

export class OpenDayCountsResponse {
  @ApiProperty() capacity!: number;
  @ApiProperty() registered!: number;
  @ApiProperty() checkedIn!: number;
  @ApiProperty({ type: [AudienceCountResponse] }) byAudience!: AudienceCountResponse[];
}

export class OpenDayAdminResponse extends OpenDayResponse {
  @ApiProperty() cancelled!: boolean;
  @ApiProperty({ type: OpenDayCountsResponse }) counts!: OpenDayCountsResponse;
}

export class CheckInResultResponse {
  @ApiProperty({ type: RegistrationResponse }) registration!: RegistrationResponse;
  @ApiProperty({ description: '此前已签到：不重复计数' }) alreadyCheckedIn!: boolean;
  @ApiProperty({ type: OpenDayCountsResponse }) counts!: OpenDayCountsResponse;
}
