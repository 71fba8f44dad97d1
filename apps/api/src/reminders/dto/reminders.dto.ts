import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { REMINDER_KINDS, WECHAT_OUTCOMES, type ReminderKind, type WechatOutcome } from '@kaoping/contracts';
import { IsDateOnly } from '../../common/http/validation.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value);
const TEMPLATE_ID = /^[\w-]{1,64}$/;

export class SetReminderDto {
  @ApiProperty({ enum: REMINDER_KINDS, description: '提醒类别' })
  @IsIn(REMINDER_KINDS)
  kind!: ReminderKind;

  @ApiProperty({ description: '开启（站内通知，已订阅时另发微信消息）或关闭该类提醒' })
  @IsBoolean()
  enabled!: boolean;
}

export class WechatConsentDto {
  @ApiProperty({ type: [String], maxItems: 10, description: 'wx.requestSubscribeMessage 中用户接受（accept）的模板 ID' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(TEMPLATE_ID, { each: true })
  accepted!: string[];

  @ApiProperty({ type: [String], maxItems: 10, description: '用户拒绝（reject）、被后台封禁（ban）或被过滤（filter）的模板 ID' })
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @Matches(TEMPLATE_ID, { each: true })
  rejected!: string[];
}

export class ReminderQueryDto {
  @ApiPropertyOptional({ enum: REMINDER_KINDS, type: String })
  @IsOptional()
  @IsIn(REMINDER_KINDS)
  kind?: ReminderKind;

  @ApiPropertyOptional({ enum: WECHAT_OUTCOMES, type: String, description: '微信发送结果' })
  @IsOptional()
  @IsIn(WECHAT_OUTCOMES)
  outcome?: WechatOutcome;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  personId?: string;

  @ApiPropertyOptional({ format: 'date', description: '提醒所属日期' })
  @IsOptional()
  @IsDateOnly()
  dueDate?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}
