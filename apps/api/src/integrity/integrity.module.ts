import { Module } from '@nestjs/common';
import { IntegrityController } from './integrity.controller.js';
import { IntegrityService } from './integrity.service.js';

/** 述廉报告 and the personal 廉政档案. */
@Module({ controllers: [IntegrityController], providers: [IntegrityService] })
export class IntegrityModule {}
