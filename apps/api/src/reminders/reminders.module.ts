import { Module } from '@nestjs/common';
import { Env } from '../config/env.js';
import { DiaryModule } from '../diary/diary.module.js';
import { DueRemindersService } from './due-reminders.service.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersService } from './reminders.service.js';
import { WechatMessageClient } from './wechat-message.client.js';

/**
 * Reminders (issue 10 part 6): what is due → an in-app notice and, where consented and configured, a WeChat
 * subscription message; once per (person, kind, subject, day). `RemindersService.sweep(now)` is exported for the
 * background job queue, which runs it periodically; there is no timer here.
 */
@Module({
  imports: [DiaryModule],
  controllers: [RemindersController],
  providers: [
    {
      provide: WechatMessageClient,
      inject: [Env],
      useFactory: (env: Env) =>
        new WechatMessageClient({
          baseUrl: env.WECHAT_BASE_URL,
          appid: env.WECHAT_APPID,
          secret: env.WECHAT_SECRET,
          timeoutMs: env.WECHAT_TIMEOUT_MS,
          miniprogramState: env.WECHAT_MINIPROGRAM_STATE,
          retries: env.WECHAT_SEND_RETRIES,
          retryBaseMs: env.WECHAT_RETRY_BASE_MS,
        }),
    },
    DueRemindersService,
    RemindersService,
  ],
  exports: [RemindersService],
})
export class RemindersModule {}
