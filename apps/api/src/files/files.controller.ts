import { Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors, StreamableFile } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min } from 'class-validator';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Public, Roles } from '../access/decorators.js';
import type { Principal } from '../access/principal.js';
import { RateLimit } from '../common/rate-limit/rate-limit.js';
import { FilesService, type FileInfo } from './files.service.js';

export class FileResponse {
  @ApiProperty({ description: '文件编号，提交记录时引用' }) id!: string;
  @ApiProperty({ example: '/api/files/3f2c…' }) url!: string;
  @ApiProperty({ description: '带签名的临时链接（1 小时内有效），可直接用于图片显示' }) previewUrl!: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) mime!: string;
  @ApiProperty({ description: '字节数（去除元数据后）' }) size!: number;
}

export class SignedFileQueryDto {
  @ApiProperty({ description: '过期时间（Unix 秒）' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  exp!: number;

  @ApiProperty({ description: '签名', minLength: 20, maxLength: 100 })
  @IsString()
  @Length(20, 100)
  sig!: string;
}

const EVERYONE = ['staff', 'chief', 'office', 'leader', 'citizen', 'representative'] as const;

/** Upload hard limit at the transport; the service applies the configured limit with a clear message. */
const MULTER_LIMIT = 20 * 1024 * 1024;

@ApiTags('附件')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @Roles(...EVERYONE)
  @RateLimit('upload')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MULTER_LIMIT, files: 1, fields: 0 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'JPG/PNG/WebP 图片或 PDF' } } } })
  @ApiOperation({ summary: '上传附件（照片、PDF）', description: '按文件内容识别类型；图片的 EXIF（含位置信息）会被去除。返回的编号在提交记录时引用。' })
  @ApiCreatedResponse({ type: FileResponse })
  upload(@CurrentUser() user: Principal, @UploadedFile() file: { buffer: Buffer } | undefined): Promise<FileInfo> {
    return this.files.upload(user, file?.buffer);
  }

  @Get(':id/content')
  @Public()
  @ApiOperation({ summary: '通过签名链接查看附件', description: '链接由有权查看的接口生成，1 小时内有效。' })
  @ApiOkResponse({ description: '文件内容' })
  async signed(@Param('id') id: string, @Query() q: SignedFileQueryDto, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.send(res, await this.files.readSigned(id, q.exp, q.sig));
  }

  @Get(':id')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: '查看附件（本人上传的，或在数据权限范围内的）' })
  @ApiOkResponse({ description: '文件内容' })
  async get(@CurrentUser() user: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.send(res, await this.files.read(user, id));
  }

  private send(res: Response, { file, bytes, filename }: { file: { mime: string }; bytes: Buffer; filename: string }): StreamableFile {
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}
