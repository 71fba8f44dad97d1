import { ApiExtraModels, ApiProperty } from '@nestjs/swagger';
import { JOB_NAMES, JOB_STATES } from '@kaoping/contracts';

export class JobFileResultResponse {
  @ApiProperty({ enum: ['file'] }) kind!: 'file';
  @ApiProperty({ description: '文件名（中文）' }) fileName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty({ description: '字节数' }) size!: number;
  @ApiProperty({ description: '下载地址（需登录，同一权限检查）' }) downloadUrl!: string;
}

export class JobSummaryResultResponse {
  @ApiProperty({ enum: ['summary'] }) kind!: 'summary';
  @ApiProperty({ description: '结果说明，如“已重算 68 人”' }) text!: string;
}

@ApiExtraModels(JobFileResultResponse, JobSummaryResultResponse)
export class JobResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: JOB_NAMES }) name!: string;
  @ApiProperty({ description: '任务名称（中文）' }) label!: string;
  @ApiProperty({ enum: JOB_STATES, description: 'queued 排队中 / running 进行中 / done 完成 / failed 失败' }) state!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ nullable: true, type: String, description: '当前进展' }) message!: string | null;
  @ApiProperty({
    nullable: true,
    oneOf: [{ $ref: '#/components/schemas/JobFileResultResponse' }, { $ref: '#/components/schemas/JobSummaryResultResponse' }],
    description: '完成后的结果：文件（下载地址）或说明',
  })
  result!: JobFileResultResponse | JobSummaryResultResponse | null;
  @ApiProperty({ nullable: true, type: String, description: '失败原因' }) error!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;
}
