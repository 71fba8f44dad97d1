import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  ExtrasSummaryDto,
  HalfYearOpenedDto,
  HalfYearRoundDto,
  InnovationDto,
  LeaderCommentDto,
  MonthlyMeetingDto,
  MonthlyReviewDto,
  QuarterlyReviewDto,
  RectificationTaskDto,
} from '@kaoping/contracts';
import { CurrentUser, MANAGERS, Roles, STAFF } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { OrgService } from '../org/org.service.js';
import {
  AssessInnovationDto,
  CompleteTaskDto,
  CreateInnovationDto,
  CreateQuarterlyReviewDto,
  ExtrasQueryDto,
  InnovationQueryDto,
  LeaderCommentInputDto,
  MonthlyMeetingInputDto,
  MonthQueryDto,
  OpenHalfYearDto,
  QuarterlySectionInputDto,
  TaskInputDto,
  TaskQueryDto,
  YearQueryDto,
} from './dto/reviews.dto.js';
import { HalfYearService } from './half-year.service.js';
import { InnovationService } from './innovation.service.js';
import { MonthlyReviewService } from './monthly-review.service.js';
import { QuarterlyReviewService } from './quarterly-review.service.js';
import { ReviewExtrasService } from './review-extras.service.js';

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/monthly')
export class MonthlyReviewController {
  constructor(private readonly monthly: MonthlyReviewService) {}

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '月度总结会与局领导点评（某月）', description: '会议记录、各位局领导对机关各处室的点评、各处室当月均分。处长：只看本处室。' })
  @ApiOkResponse({ description: '当月情况' })
  month(@CurrentUser() user: PersonPrincipal, @Query() q: MonthQueryDto): Promise<MonthlyReviewDto> {
    return this.monthly.month(user, q.month);
  }

  @Put('meeting')
  @Roles('office')
  @ApiOperation({ summary: '登记月度总结会（考评办）', description: '每月一次；再次保存即修改。' })
  @ApiOkResponse({ description: '会议记录' })
  meeting(@CurrentUser() user: PersonPrincipal, @Body() dto: MonthlyMeetingInputDto): Promise<MonthlyMeetingDto> {
    return this.monthly.saveMeeting(user, dto);
  }

  @Put('comments')
  @Roles('leader', 'office')
  @ApiOperation({
    summary: '局领导点评一个处室的本月工作',
    description: '等次（好 95、较好 85、一般 70、差 50）或分数 0–100 二选一。每位局领导每月对每个处室一条，再次保存即修改。考评办可代局领导录入（记录代录人），但不能改局领导本人填写的点评。',
  })
  @ApiOkResponse({ description: '点评' })
  comment(@CurrentUser() user: PersonPrincipal, @Body() dto: LeaderCommentInputDto): Promise<LeaderCommentDto> {
    return this.monthly.saveComment(user, dto);
  }
}

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/quarterly')
export class QuarterlyReviewController {
  constructor(
    private readonly quarterly: QuarterlyReviewService,
    private readonly org: OrgService,
  ) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '季度监察考评会（某年）', description: '考评办、局领导：全部；处长：本处室的问题、得分与整改任务；科员：本人负责的整改任务。' })
  @ApiOkResponse({ description: '各季度会议' })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: YearQueryDto): Promise<QuarterlyReviewDto[]> {
    return this.quarterly.list(user, q.year ?? Number(this.org.today().slice(0, 4)));
  }

  @Post()
  @Roles('office')
  @ApiOperation({ summary: '登记季度监察考评会（考评办）', description: '各处室梳理出的问题与本季度得分（0–100），交办整改任务（责任人、时限）；责任人收到通知。每季度一次。' })
  @ApiCreatedResponse({ description: '会议' })
  create(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateQuarterlyReviewDto): Promise<QuarterlyReviewDto> {
    return this.quarterly.create(user, dto);
  }

  @Put(':id/sections')
  @Roles('office')
  @ApiOperation({ summary: '补充或修改一个处室的问题与得分' })
  @ApiOkResponse({ description: '会议' })
  section(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: QuarterlySectionInputDto): Promise<QuarterlyReviewDto> {
    return this.quarterly.saveSection(user, id, dto);
  }

  @Post(':id/tasks')
  @Roles('office')
  @ApiOperation({ summary: '补充交办一项整改任务' })
  @ApiCreatedResponse({ description: '整改任务' })
  addTask(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: TaskInputDto): Promise<RectificationTaskDto> {
    return this.quarterly.addTask(user, id, dto);
  }
}

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/tasks')
export class RectificationTasksController {
  constructor(private readonly quarterly: QuarterlyReviewService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '整改任务', description: '科员：本人负责的；处长：本处室的；考评办、局领导：全部。逾期按本局时区判断。' })
  @ApiOkResponse({ description: '任务列表' })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: TaskQueryDto): Promise<RectificationTaskDto[]> {
    return this.quarterly.tasks(user, q);
  }

  @Post(':id/done')
  @Roles(...STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: '整改完成（责任人、处室负责人或考评办）', description: '写明落实情况，可附照片或 PDF（先上传 /api/files）。' })
  @ApiOkResponse({ description: '整改任务' })
  done(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: CompleteTaskDto): Promise<RectificationTaskDto> {
    return this.quarterly.complete(user, id, dto);
  }
}

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/half-year')
export class HalfYearController {
  constructor(
    private readonly halfYear: HalfYearService,
    private readonly org: OrgService,
  ) {}

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: '半年考评打分（局属各单位为机关各处室打分）', description: '各处室均分（少于最小样本数不显示）、邀请完成情况。处长：只看本处室。' })
  @ApiOkResponse({ description: '各半年度' })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: YearQueryDto): Promise<HalfYearRoundDto[]> {
    return this.halfYear.list(user, q.year ?? Number(this.org.today().slice(0, 4)));
  }

  @Post()
  @Roles('office')
  @ApiOperation({
    summary: '发起半年考评打分（考评办）',
    description: '建立“局属各单位”问卷（评价对象：机关各处室；工作作风、工作效能两项星级），为每个局属单位负责人发放一次性邀请链接（只在此返回一次）。答卷匿名保存。',
  })
  @ApiCreatedResponse({ description: '打分与邀请链接' })
  open(@CurrentUser() user: PersonPrincipal, @Body() dto: OpenHalfYearDto): Promise<HalfYearOpenedDto> {
    return this.halfYear.open(user, dto);
  }
}

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/innovations')
export class InnovationsController {
  constructor(
    private readonly innovations: InnovationService,
    private readonly org: OrgService,
  ) {}

  @Get()
  @Roles(...STAFF)
  @ApiOperation({ summary: '工作创新', description: '考评办、局领导：全部（可按处室）；其他人：本处室。' })
  @ApiOkResponse({ description: '列表' })
  list(@CurrentUser() user: PersonPrincipal, @Query() q: InnovationQueryDto): Promise<InnovationDto[]> {
    return this.innovations.list(user, { year: q.year ?? Number(this.org.today().slice(0, 4)), sectionId: q.sectionId });
  }

  @Post()
  @Roles('chief', 'office')
  @ApiOperation({ summary: '申报工作创新（处长为本处室；考评办可代录）', description: '事项、做法与成效、佐证材料；考评办收到待评定通知。' })
  @ApiCreatedResponse({ description: '工作创新' })
  create(@CurrentUser() user: PersonPrincipal, @Body() dto: CreateInnovationDto): Promise<InnovationDto> {
    return this.innovations.create(user, dto);
  }

  @Post(':id/assess')
  @Roles('office')
  @HttpCode(200)
  @ApiOperation({ summary: '评定工作创新（考评办）', description: '等次（好 95、较好 85、一般 70、差 50）或分数 0–100 二选一，附评定意见；可重新评定。' })
  @ApiOkResponse({ description: '工作创新' })
  assess(@CurrentUser() user: PersonPrincipal, @Param('id') id: string, @Body() dto: AssessInnovationDto): Promise<InnovationDto> {
    return this.innovations.assess(user, id, dto);
  }
}

@ApiTags('监察考评会议')
@ApiBearerAuth()
@Controller('reviews/extras')
export class ReviewExtrasController {
  constructor(
    private readonly extras: ReviewExtrasService,
    private readonly org: OrgService,
  ) {}

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: '附加项：处长、副处长成绩中的局领导点评、季度考评、半年打分、工作创新',
    description: '各处室每项的年度得分及其来源（每月、每季度、每半年、每项创新），每位处长、副处长按任职期间计入的得分，以及考评办设置的权重。处长：只看本处室。',
  })
  @ApiOkResponse({ description: '附加项' })
  summary(@CurrentUser() user: PersonPrincipal, @Query() q: ExtrasQueryDto): Promise<ExtrasSummaryDto> {
    return this.extras.summary(user, { year: q.year ?? Number(this.org.today().slice(0, 4)), sectionId: q.sectionId });
  }
}
