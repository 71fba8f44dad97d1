import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ProblemDto, ProblemStats } from '@kaoping/contracts';
import { BUREAU, CurrentUser, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { CreateProblemDto, ProblemMonthQueryDto, ProblemQueryDto, ProblemResponse, ProblemStatsResponse, SolveProblemDto } from './problems.dto.js';
import { ProblemsService } from './problems.service.js';

@ApiTags('问题清单')
@ApiBearerAuth()
@Controller('problems')
export class ProblemsController {
  constructor(private readonly problems: ProblemsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '问题清单（问题→任务→责任处室→时限→解决）', description: '监察室、局领导：全部；其他人：本处室。' })
  @ApiOkResponse({ type: ProblemResponse, isArray: true })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: ProblemQueryDto): Promise<ProblemDto[]> {
    return this.problems.list(user, q);
  }

  @Get('stats')
  @Roles(...BUREAU)
  @ApiOperation({ summary: '各处室每月解决问题数（目标 1–2 个）' })
  @ApiOkResponse({ type: ProblemStatsResponse })
  stats(@Query() q: ProblemMonthQueryDto): Promise<ProblemStats> {
    return this.problems.stats(q.month);
  }

  @Post()
  @Roles('office')
  @ApiOperation({ summary: '列入问题清单（可关联热线工单、投诉）' })
  @ApiCreatedResponse({ type: ProblemResponse })
  create(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateProblemDto): Promise<ProblemDto> {
    return this.problems.create(user, dto);
  }

  @Post(':id/solve')
  @Roles('chief', 'office')
  @HttpCode(200)
  @ApiOperation({ summary: '标记已解决（监察室，或责任处室负责人）' })
  @ApiOkResponse({ type: ProblemResponse })
  solve(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: SolveProblemDto): Promise<ProblemDto> {
    return this.problems.solve(user, id, dto);
  }
}
