import { Module } from '@nestjs/common';
import { DiaryController } from './diary.controller.js';
import { DiaryService } from './diary.service.js';

/** 工作日记: entries with versions, reminders, the chief's monthly review, the office's spot check. */
@Module({ controllers: [DiaryController], providers: [DiaryService], exports: [DiaryService] })
export class DiaryModule {}
