import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DiaryCompletenessDto, DiaryEntryDto, DiaryMonthDto, DiaryReminderDto, DiaryReviewDto, DiarySpotCheckDto, DiaryVersionDto } from '@kaoping/contracts';
import { BUREAU, CurrentUser, MANAGERS, Roles, STAFF } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { DiaryService } from './diary.service.js';
import { CompletenessQueryDto, CreateSpotCheckDto, DiaryMonthQueryDto, MonthQueryDto, ReviewDiaryDto, SaveDiaryDto, SpotCheckFindingsDto } from './dto/diary.dto.js';

@ApiTags('工作日记')
@ApiBearerAuth()
@Controller('diary')
export class DiaryController {
  constructor(private readonly diary: DiaryService) {}

  @Post('entries')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiOperation({
    summary: '写（改）本人工作日记',
    description: '每人每天一篇。当天可直接修改；之后修改保留历史版本。笼统内容（“处理公务”“办理文件”等）被拒绝（DIARY_VAGUE）。',
  })
  @ApiOkResponse({ description: '保存后的日记' })
  save(@CurrentUser() user: Principal, @Body() dto: SaveDiaryDto): Promise<DiaryEntryDto> {
    return this.diary.save(user, dto);
  }

  @Get('entries')
  @Roles(...STAFF)
  @ApiOperation({ summary: '某人某月的工作日记', description: '干部职工：本人；处室负责人：本处室；考评办、局领导：全局。' })
  month(@CurrentUser() user: Principal, @Query() q: DiaryMonthQueryDto): Promise<DiaryMonthDto> {
    return this.diary.month(user, q.personId, q.month);
  }

  @Get('entries/:id/versions')
  @Roles(...STAFF)
  @ApiOperation({ summary: '日记的历史版本' })
  versions(@CurrentUser() user: Principal, @Param('id') id: string): Promise<DiaryVersionDto[]> {
    return this.diary.versions(user, id);
  }

  @Get('reminders')
  @Roles(...STAFF)
  @ApiOperation({ summary: '本月漏记提醒', description: '本月至昨日未记的工作日，以及今天是否已记。' })
  reminders(@CurrentUser() user: Principal): Promise<DiaryReminderDto> {
    return this.diary.reminders(user);
  }

  @Get('completeness')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '处室月度日记完成情况（每人）', description: '处室负责人：本处室；考评办、局领导：任一处室。' })
  completeness(@CurrentUser() user: Principal, @Query() q: CompletenessQueryDto): Promise<DiaryCompletenessDto> {
    return this.diary.completeness(user, q.sectionId, q.month);
  }

  @Post('reviews')
  @HttpCode(200)
  @Roles('chief', 'office')
  @ApiOperation({ summary: '月度审阅（写意见、标记已阅）', description: '处室负责人审阅本处室干部；考评办可审阅任何人（如处室负责人本人）。' })
  review(@CurrentUser() user: Principal, @Body() dto: ReviewDiaryDto): Promise<DiaryReviewDto> {
    return this.diary.review(user, dto);
  }

  @Get('spot-checks')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '考评办日记抽查记录' })
  spotChecks(@Query() q: MonthQueryDto): Promise<DiarySpotCheckDto[]> {
    return this.diary.listSpotChecks(q.month);
  }

  @Post('spot-checks')
  @Roles('office')
  @ApiOperation({ summary: '抽查某处室某月日记（随机抽取人员）' })
  createSpotCheck(@CurrentUser() user: Principal, @Body() dto: CreateSpotCheckDto): Promise<DiarySpotCheckDto> {
    return this.diary.createSpotCheck(user, dto);
  }

  @Post('spot-checks/:id/findings')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '登记抽查发现' })
  findings(@CurrentUser() user: Principal, @Param('id') id: string, @Body() dto: SpotCheckFindingsDto): Promise<DiarySpotCheckDto> {
    return this.diary.recordFindings(user, id, dto.findings);
  }
}
