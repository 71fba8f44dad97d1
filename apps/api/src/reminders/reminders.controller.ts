import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReminderDeliveryListDto, ReminderSettingsDto, SweepResultDto } from '@kaoping/contracts';
import { CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { Clock } from '../common/time.js';
import { asPerson } from '../diary/diary.service.js';
import { ReminderQueryDto, SetReminderDto, WechatConsentDto } from './dto/reminders.dto.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('提醒')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get('settings')
  @Roles(...STAFF)
  @ApiOperation({ summary: '我的提醒设置', description: '适用于本人的提醒类别、开关、订阅消息模板和微信订阅状态（未绑定微信、未订阅时仅站内通知）。' })
  settings(@CurrentUser() user: Principal): Promise<ReminderSettingsDto> {
    return this.reminders.settings(asPerson(user));
  }

  @Post('settings')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({ summary: '开启或关闭一类提醒', description: '关闭后该类提醒既不发站内通知，也不发微信消息。' })
  set(@CurrentUser() user: Principal, @Body() dto: SetReminderDto): Promise<ReminderSettingsDto> {
    return this.reminders.setEnabled(asPerson(user), dto.kind, dto.enabled);
  }

  @Post('consent')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: '记录订阅消息授权（wx.requestSubscribeMessage 的结果）',
    description: '一次性模板：每接受一次可发送一条；长期模板：接受后一直有效。拒绝即撤回。未授权的类别只发站内通知。',
  })
  consent(@CurrentUser() user: Principal, @Body() dto: WechatConsentDto): Promise<ReminderSettingsDto> {
    return this.reminders.consent(asPerson(user), dto.accepted, dto.rejected);
  }

  @Post('sweep')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({
    summary: '立即检查并发送到期提醒',
    description: '与后台定时任务相同：每条提醒按（人员、类别、事项、日期）只发一次，重复执行不会重复发送；返回本次的统计。',
  })
  sweep(): Promise<SweepResultDto> {
    return this.reminders.sweep(this.clock.now());
  }

  @Get()
  @Roles('office')
  @ApiOperation({ summary: '提醒发送记录', description: '每条提醒的站内通知和微信发送结果（已发送、用户拒收、发送失败、仅站内），按时间倒序。' })
  list(@Query() q: ReminderQueryDto): Promise<ReminderDeliveryListDto> {
    return this.reminders.list(q);
  }
}
