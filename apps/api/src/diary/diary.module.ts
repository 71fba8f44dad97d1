import { Module } from '@nestjs/common';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { DiaryController } from './diary.controller.js';
import { DiaryService } from './diary.service.js';

/** 工作日记 (working days from the attendance work calendar): entries with versions, reminders, the chief's monthly review, the office's spot check. */
@Module({ imports: [AttendanceModule], controllers: [DiaryController], providers: [DiaryService], exports: [DiaryService] })
export class DiaryModule {}
