import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ExtrasWeightsDto } from '@kaoping/contracts';
import { CurrentUser, MANAGERS, Roles } from '../access/decorators.js';
import type { PersonPrincipal } from '../access/principal.js';
import { ExtrasWeightsResponse, SetExtrasWeightsDto } from './dto/extras-weights.dto.js';
import { ExtrasWeightsService } from './extras-weights.service.js';

@ApiTags('成绩')
@ApiBearerAuth()
@Controller('scores/extras-weights')
export class ExtrasWeightsController {
  constructor(private readonly weights: ExtrasWeightsService) {}

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary: '附加项权重（机关方案）',
    description: '处长、副处长总分 =（1 − 权重之和）× 六项平均 + Σ 权重 × 附加项得分（局领导点评、季度监察考评会、半年考评打分、工作创新）。方案文件为 0。',
  })
  @ApiOkResponse({ type: ExtrasWeightsResponse })
  get(): Promise<ExtrasWeightsDto> {
    return this.weights.get();
  }

  @Put()
  @Roles('office')
  @ApiOperation({ summary: '设置附加项权重（考评办）', description: '每项 0–1，四项之和须小于 1；保存后所有成绩重新计算。' })
  @ApiOkResponse({ type: ExtrasWeightsResponse })
  set(@CurrentUser() user: PersonPrincipal, @Body() dto: SetExtrasWeightsDto): Promise<ExtrasWeightsDto> {
    return this.weights.set(user, dto.weights);
  }
}
