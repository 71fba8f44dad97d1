import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MyOrderChecksDto, OrderCheckRoundDto, OrderCheckRoundSummaryDto, OrderCheckSheetDefDto, OrderCheckSheetDto, OrderCheckYearDto } from '@kaoping/contracts';
import { BUREAU, CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { OrgService } from '../org/org.service.js';
import {
  CreateOrderCheckRoundDto,
  MyOrderChecksResponse,
  OrderCheckRoundResponse,
  OrderCheckRoundSummaryResponse,
  OrderCheckSheetDefResponse,
  OrderCheckSheetResponse,
  OrderCheckYearQueryDto,
  OrderCheckYearResponse,
  SaveOrderCheckSheetDto,
} from './order-checks.dto.js';
import { OrderChecksService } from './order-checks.service.js';

@ApiTags('卫生秩序检查')
@ApiBearerAuth()
@Controller('order-checks')
export class OrderChecksController {
  constructor(
    private readonly checks: OrderChecksService,
    private readonly org: OrgService,
  ) {}

  private year(q: OrderCheckYearQueryDto): number {
    return q.year ?? Number(this.org.today().slice(0, 4));
  }

  @Get('sheet')
  @Roles(...STAFF)
  @ApiOperation({ summary: '卫生秩序检查评分表（项目、满分、标准）', description: '来自 seeds/order-checks/score-sheet.json；每轮检查保留开始时的评分表。' })
  @ApiOkResponse({ type: OrderCheckSheetDefResponse })
  sheet(): OrderCheckSheetDefDto {
    return this.checks.sheet;
  }

  @Get('rounds')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '检查轮次（本年度）', description: '每轮的状态（评分中 / 已归档）、已评处室数、平均分与第一名。' })
  @ApiOkResponse({ type: OrderCheckRoundSummaryResponse, isArray: true })
  rounds(@Query() q: OrderCheckYearQueryDto): Promise<OrderCheckRoundSummaryDto[]> {
    return this.checks.listRounds(this.year(q));
  }

  @Post('rounds')
  @Roles('office')
  @ApiOperation({ summary: '开始一轮卫生秩序检查（局办公室）', description: '默认检查机关各处（室）；轮次按年度自动编号。' })
  @ApiCreatedResponse({ type: OrderCheckRoundResponse })
  createRound(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateOrderCheckRoundDto): Promise<OrderCheckRoundDto> {
    return this.checks.createRound(user, dto);
  }

  @Get('rounds/:id')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '一轮检查：各处室评分表与排名' })
  @ApiOkResponse({ type: OrderCheckRoundResponse })
  round(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<OrderCheckRoundDto> {
    return this.checks.round(user, id);
  }

  @Post('rounds/:id/close')
  @HttpCode(200)
  @Roles('office')
  @ApiOperation({ summary: '归档（公布）本轮检查', description: '所有处室评分后才能归档；归档后各处室可查看本处室结果，修改须填写更正理由并留档。' })
  @ApiOkResponse({ type: OrderCheckRoundResponse })
  close(@CurrentUser() user: PersonPrincipal, @Param('id') id: string): Promise<OrderCheckRoundDto> {
    return this.checks.closeRound(user, id);
  }

  @Get('rounds/:id/sheets/:sectionId')
  @Roles(...STAFF)
  @ApiOperation({ summary: '某处室的评分表（扣分、照片、更正记录）', description: '考评办、局领导：全部；处室人员：本处室已归档的结果（处室负责人含名次）。' })
  @ApiOkResponse({ type: OrderCheckSheetResponse })
  sheetOf(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Param('sectionId') sectionId: string): Promise<OrderCheckSheetDto> {
    return this.checks.sheetDetail(user, id, sectionId);
  }

  @Put('rounds/:id/sheets/:sectionId')
  @Roles('office')
  @ApiOperation({
    summary: '保存某处室的评分表（局办公室）',
    description: '按评分表逐项扣分并写明原因，可附现场照片。本轮已归档时须填写更正理由（409 ORDER_CHECK_CLOSED），更正连同理由和更正前的内容留档。',
  })
  @ApiOkResponse({ type: OrderCheckSheetResponse })
  saveSheet(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Param('sectionId') sectionId: string, @Body() dto: SaveOrderCheckSheetDto): Promise<OrderCheckSheetDto> {
    return this.checks.saveSheet(user, id, sectionId, dto);
  }

  @Get('ranking')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '年度排名（已归档各轮的平均分）' })
  @ApiOkResponse({ type: OrderCheckYearResponse })
  ranking(@Query() q: OrderCheckYearQueryDto): Promise<OrderCheckYearDto> {
    return this.checks.yearRanking(this.year(q));
  }

  @Get('mine')
  @Roles(...STAFF)
  @ApiOperation({ summary: '本处室的检查结果', description: '已归档各轮本处室的得分、扣分与照片；处室负责人另见本处室名次。' })
  @ApiOkResponse({ type: MyOrderChecksResponse })
  mine(@CurrentUser() user: PersonPrincipal, @Query() q: OrderCheckYearQueryDto): Promise<MyOrderChecksDto> {
    return this.checks.mine(user, this.year(q));
  }
}
