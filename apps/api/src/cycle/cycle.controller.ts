import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WubiCyclePlanDto, WubiCycleSummaryDto, WubiParticipantsDto } from '@kaoping/contracts';
import { BUREAU, CurrentUser, Roles } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { OrgService } from '../org/org.service.js';
import { CyclePlanResponse, CycleQueryDto, CycleSummaryResponse, ParticipantsQueryDto, ParticipantsResponse, SaveCycleDto } from './cycle.dto.js';
import { CycleService } from './cycle.service.js';

@ApiTags('五比五评周期')
@ApiBearerAuth()
@Controller('wubi-cycles')
export class CycleController {
  constructor(
    private readonly cycles: CycleService,
    private readonly org: OrgService,
  ) {}

  @Get()
  @Roles(...BUREAU)
  @ApiOperation({ summary: '已保存的三年周期及其覆盖情况' })
  @ApiOkResponse({ type: CycleSummaryResponse, isArray: true })
  list(): Promise<WubiCycleSummaryDto[]> {
    return this.cycles.list();
  }

  @Get('plan')
  @Roles(...BUREAU)
  @ApiOperation({
    summary: '三年周期计划（科室 × 年度）与覆盖情况',
    description: '列出附件1 全部参评科室、每个科室安排在哪几年、尚未安排的科室；已结束并归档的年度标为锁定。',
  })
  @ApiOkResponse({ type: CyclePlanResponse })
  async plan(@Query() q: CycleQueryDto): Promise<WubiCyclePlanDto> {
    return this.cycles.plan(q.startYear ?? (await this.cycles.defaultStartYear()));
  }

  @Put('plan')
  @Roles('office')
  @ApiOperation({
    summary: '保存三年周期计划（考评办）',
    description:
      '一次保存三年的名单。任一参评科室三年均未安排 → 422 WUBI_CYCLE_UNCOVERED（列出科室名称）；已结束并归档的年度被修改、或已有记录的科室被移出当年 → 409 WUBI_CYCLE_LOCKED；' +
      '周期外年份、重复年份、空年份、未知或非参评科室 → 400；与其他周期重叠 → 409。被拒绝时不写入任何数据。',
  })
  @ApiOkResponse({ type: CyclePlanResponse })
  save(@CurrentUser() user: PersonPrincipal, @Body() dto: SaveCycleDto): Promise<WubiCyclePlanDto> {
    return this.cycles.save(user, dto);
  }

  @Get('participants')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '某年度“五比五评”参评科室', description: '有周期计划时按计划；没有计划覆盖该年度时为附件1 全部参评科室。' })
  @ApiOkResponse({ type: ParticipantsResponse })
  participants(@Query() q: ParticipantsQueryDto): Promise<WubiParticipantsDto> {
    return this.cycles.participants(q.year ?? Number(this.org.today().slice(0, 4)));
  }
}
