import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issues 9 and 10: review meetings and extras weights, the three-year 五比五评 cycle, 卫生秩序 checks, duty and system
 * ledgers, approvals and coordination, the public progress board and open days, reminders, refresh tokens; drops
 * `score_runs` (replaced by the job queue).
 */
export class BureauOperations1795549748187 implements MigrationInterface {
  name = 'BureauOperations1795549748187';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`refresh_tokens\` (\`id\` varchar(36) NOT NULL, \`familyId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`kind\` varchar(16) NOT NULL, \`subject\` varchar(40) NOT NULL, \`createdAt\` datetime NOT NULL, \`expiresAt\` datetime NOT NULL, \`usedAt\` datetime NULL, \`revokedAt\` datetime NULL, INDEX \`IDX_40e9a8b923a1b3fb4429a5c624\` (\`familyId\`), INDEX \`IDX_56b91d98f71e3d1b649ed6e9f3\` (\`expiresAt\`), UNIQUE INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_monthly_meetings\` (\`id\` varchar(36) NOT NULL, \`month\` varchar(7) NOT NULL, \`date\` date NOT NULL, \`attendees\` varchar(500) NOT NULL, \`summary\` text NOT NULL, \`recordedById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_review_monthly_meeting\` (\`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_leader_comments\` (\`id\` varchar(36) NOT NULL, \`month\` varchar(7) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`leaderId\` varchar(40) NOT NULL, \`level\` varchar(12) NULL, \`score\` int NOT NULL, \`comment\` text NOT NULL, \`recordedById\` varchar(40) NOT NULL, \`updatedAt\` datetime NOT NULL, UNIQUE INDEX \`uq_review_leader_comment\` (\`month\`, \`sectionId\`, \`leaderId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_quarterly_reviews\` (\`id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`quarter\` int NOT NULL, \`date\` date NOT NULL, \`summary\` text NOT NULL, \`recordedById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_review_quarterly\` (\`year\`, \`quarter\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_quarterly_sections\` (\`id\` varchar(36) NOT NULL, \`reviewId\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`problems\` text NOT NULL, \`score\` int NOT NULL, UNIQUE INDEX \`uq_review_quarterly_section\` (\`reviewId\`, \`sectionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_rectification_tasks\` (\`id\` varchar(36) NOT NULL, \`reviewId\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`title\` varchar(500) NOT NULL, \`ownerId\` varchar(40) NOT NULL, \`deadline\` date NOT NULL, \`status\` varchar(8) NOT NULL, \`doneOn\` date NULL, \`followUp\` text NULL, \`fileIds\` text NOT NULL, \`doneById\` varchar(40) NULL, \`createdById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_1e82c72f0eeb29ebb5168fae5e\` (\`sectionId\`, \`status\`), INDEX \`IDX_c5f3539275341d00a834c246d6\` (\`ownerId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_half_year_rounds\` (\`id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`half\` int NOT NULL, \`surveyId\` varchar(36) NOT NULL, \`openedById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_review_half_year\` (\`year\`, \`half\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_innovations\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`date\` date NOT NULL, \`title\` varchar(100) NOT NULL, \`description\` text NOT NULL, \`fileIds\` text NOT NULL, \`filedById\` varchar(40) NOT NULL, \`status\` varchar(12) NOT NULL, \`level\` varchar(12) NULL, \`score\` int NULL, \`assessment\` text NULL, \`assessedById\` varchar(40) NULL, \`assessedOn\` date NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_480d0264eb5e769816f48813b8\` (\`sectionId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scheme_extras_weights\` (\`scheme\` varchar(16) NOT NULL, \`component\` varchar(40) NOT NULL, \`weight\` double NOT NULL, \`updatedById\` varchar(40) NOT NULL, \`updatedAt\` datetime NOT NULL, PRIMARY KEY (\`scheme\`, \`component\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`wubi_cycles\` (\`startYear\` int NOT NULL, \`updatedBy\` varchar(40) NOT NULL, \`updatedAt\` datetime NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (\`startYear\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`wubi_cycle_entries\` (\`id\` varchar(36) NOT NULL, \`startYear\` int NOT NULL, \`year\` int NOT NULL, \`sectionId\` varchar(40) NOT NULL, INDEX \`IDX_f1a36a90e6a37cbe40344730d4\` (\`startYear\`), UNIQUE INDEX \`IDX_278eb8fa9ccb8fcfe8bb14a094\` (\`year\`, \`sectionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`order_check_rounds\` (\`id\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`round\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`date\` date NOT NULL, \`inspectors\` varchar(100) NOT NULL, \`notes\` varchar(1000) NULL, \`sectionIds\` text NOT NULL, \`sheet\` text NOT NULL, \`status\` varchar(12) NOT NULL, \`createdBy\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`closedBy\` varchar(40) NULL, \`closedAt\` datetime NULL, UNIQUE INDEX \`IDX_216863f7dc39701a898063693f\` (\`year\`, \`round\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`order_check_sheets\` (\`id\` varchar(36) NOT NULL, \`roundId\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`deductions\` text NOT NULL, \`total\` double NOT NULL, \`notes\` varchar(1000) NULL, \`fileIds\` text NOT NULL, \`recordedBy\` varchar(40) NOT NULL, \`recordedAt\` datetime NOT NULL, UNIQUE INDEX \`IDX_4cfec4504e8574ce42a9a4f35c\` (\`roundId\`, \`sectionId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`order_check_corrections\` (\`id\` varchar(36) NOT NULL, \`sheetId\` varchar(36) NOT NULL, \`roundId\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`reason\` varchar(500) NOT NULL, \`beforeTotal\` double NOT NULL, \`afterTotal\` double NOT NULL, \`before\` text NOT NULL, \`correctedBy\` varchar(40) NOT NULL, \`correctedAt\` datetime NOT NULL, INDEX \`IDX_80949290e09282cd614d3b177d\` (\`sheetId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`duty_versions\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`seq\` int NOT NULL, \`effectiveFrom\` date NOT NULL, \`duties\` text NOT NULL, \`structure\` varchar(1000) NULL, \`staffing\` text NOT NULL, \`note\` varchar(500) NULL, \`status\` varchar(16) NOT NULL, \`submittedBy\` varchar(40) NOT NULL, \`submittedAt\` datetime NOT NULL, \`decidedBy\` varchar(40) NULL, \`decidedAt\` datetime NULL, \`decisionNote\` varchar(500) NULL, INDEX \`IDX_8aa3462c4abb1360df9ea2c9ec\` (\`sectionId\`, \`status\`), UNIQUE INDEX \`IDX_e596ebc6dfe355469ba51bf26a\` (\`sectionId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`efficiency_systems\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`kind\` varchar(24) NOT NULL, \`name\` varchar(60) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_a96eec808793b7af635a374eca\` (\`sectionId\`, \`kind\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`efficiency_system_versions\` (\`id\` varchar(36) NOT NULL, \`systemId\` varchar(36) NOT NULL, \`seq\` int NOT NULL, \`content\` text NOT NULL, \`items\` text NOT NULL, \`effectiveFrom\` date NOT NULL, \`publish\` tinyint NOT NULL DEFAULT 0, \`publishedAt\` datetime NULL, \`status\` varchar(16) NOT NULL, \`submittedBy\` varchar(40) NOT NULL, \`submittedAt\` datetime NOT NULL, \`decidedBy\` varchar(40) NULL, \`decidedAt\` datetime NULL, \`decisionNote\` varchar(500) NULL, INDEX \`IDX_933257805a5aec32811c0eccb7\` (\`status\`), UNIQUE INDEX \`IDX_da4cae792040b9936d9329dd72\` (\`systemId\`, \`seq\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`activity_applications\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`kind\` varchar(16) NOT NULL, \`title\` varchar(200) NOT NULL, \`targetUnits\` text NOT NULL, \`plannedDate\` date NOT NULL, \`endDate\` date NOT NULL, \`reason\` varchar(1000) NOT NULL, \`expectedAttendees\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`appliedBy\` varchar(40) NOT NULL, \`appliedAt\` datetime NOT NULL, \`decidedBy\` varchar(40) NULL, \`decidedAt\` datetime NULL, \`decisionNote\` varchar(500) NULL, \`mergedIntoId\` varchar(36) NULL, \`mergedFromIds\` text NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_0a0dab392ce7a1acde6dafa117\` (\`sectionId\`, \`plannedDate\`), INDEX \`IDX_a83e853ad308bed1d55ad63280\` (\`status\`, \`plannedDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`coordination_records\` (\`id\` varchar(36) NOT NULL, \`fromSectionId\` varchar(40) NOT NULL, \`toSectionId\` varchar(40) NOT NULL, \`matter\` varchar(200) NOT NULL, \`detail\` varchar(1000) NOT NULL, \`deadline\` date NOT NULL, \`contactName\` varchar(40) NOT NULL, \`contactPhone\` varchar(20) NOT NULL, \`status\` varchar(16) NOT NULL, \`createdBy\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`handlerId\` varchar(40) NULL, \`acknowledgedBy\` varchar(40) NULL, \`acknowledgedAt\` datetime NULL, \`acknowledgedOn\` date NULL, \`completedAt\` datetime NULL, \`completedOn\` date NULL, \`result\` varchar(1000) NULL, \`breakStatus\` varchar(16) NULL, \`breakNote\` varchar(500) NULL, \`breakDecidedBy\` varchar(40) NULL, \`breakDecidedAt\` datetime NULL, \`responsiblePersonId\` varchar(40) NULL, \`incidentId\` varchar(36) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_d3b1726e4687599bbd39aa679d\` (\`incidentId\`), INDEX \`IDX_c645d0772d9f7b449b6b1842b9\` (\`deadline\`), INDEX \`IDX_dd028c7d4305ee94c6b38207ba\` (\`toSectionId\`, \`status\`), INDEX \`IDX_2c56f89970fb8f7b837c4c1553\` (\`fromSectionId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reminders\` (\`id\` varchar(36) NOT NULL, \`personId\` varchar(40) NOT NULL, \`kind\` varchar(24) NOT NULL, \`subject\` varchar(80) NOT NULL, \`dueDate\` date NOT NULL, \`title\` varchar(100) NOT NULL, \`body\` varchar(500) NOT NULL, \`noticeId\` varchar(36) NULL, \`templateId\` varchar(64) NULL, \`wechatOutcome\` varchar(12) NOT NULL, \`wechatDetail\` varchar(200) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`deliveredAt\` datetime NULL, INDEX \`ix_reminder_created\` (\`createdAt\`), UNIQUE INDEX \`uq_reminder_once\` (\`personId\`, \`kind\`, \`subject\`, \`dueDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`reminder_settings\` (\`id\` varchar(36) NOT NULL, \`personId\` varchar(40) NOT NULL, \`kind\` varchar(24) NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_reminder_setting\` (\`personId\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`wechat_consents\` (\`id\` varchar(36) NOT NULL, \`personId\` varchar(40) NOT NULL, \`templateId\` varchar(64) NOT NULL, \`accepted\` tinyint NOT NULL DEFAULT 0, \`credits\` int NOT NULL DEFAULT '0', \`acceptedAt\` datetime NULL, \`refusedAt\` datetime NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`uq_wechat_consent\` (\`personId\`, \`templateId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`publicity_boards\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`year\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`revision\` int NOT NULL, \`publishedRevision\` int NULL, \`returnReason\` varchar(500) NULL, \`submittedAt\` datetime NULL, \`submittedById\` varchar(40) NULL, \`reviewedAt\` datetime NULL, \`reviewedById\` varchar(40) NULL, \`publishedAt\` datetime NULL, \`updatedById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_d2734ac2962cc711587b7efab4\` (\`sectionId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`publicity_tasks\` (\`id\` varchar(36) NOT NULL, \`boardId\` varchar(36) NOT NULL, \`stage\` varchar(10) NOT NULL, \`key\` varchar(36) NOT NULL, \`sortOrder\` int NOT NULL, \`title\` varchar(100) NOT NULL, \`description\` varchar(500) NULL, \`updates\` text NOT NULL, UNIQUE INDEX \`IDX_f84218374e3da7ba700aed1553\` (\`boardId\`, \`stage\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`publicity_problems\` (\`id\` varchar(36) NOT NULL, \`boardId\` varchar(36) NOT NULL, \`stage\` varchar(10) NOT NULL, \`key\` varchar(36) NOT NULL, \`sortOrder\` int NOT NULL, \`title\` varchar(200) NOT NULL, \`solution\` text NOT NULL, \`solvedOn\` date NOT NULL, \`problemId\` varchar(36) NULL, UNIQUE INDEX \`IDX_5517cdfc415e5adba13596bd13\` (\`boardId\`, \`stage\`, \`key\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`open_days\` (\`id\` varchar(36) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`title\` varchar(100) NOT NULL, \`startsAt\` datetime NOT NULL, \`place\` varchar(200) NOT NULL, \`description\` text NOT NULL, \`capacity\` int NOT NULL, \`registeredCount\` int NOT NULL DEFAULT '0', \`registrationDeadline\` datetime NOT NULL, \`audiences\` text NOT NULL, \`cancelled\` tinyint NOT NULL DEFAULT 0, \`createdById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_6f7f7edb7a4fe9c3d71d2c95bc\` (\`sectionId\`, \`startsAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`open_day_registrations\` (\`id\` varchar(36) NOT NULL, \`openDayId\` varchar(36) NOT NULL, \`name\` varchar(40) NOT NULL, \`phone\` varchar(11) NOT NULL, \`audience\` varchar(16) NOT NULL, \`organisation\` varchar(100) NULL, \`code\` varchar(8) NOT NULL, \`checkedInAt\` datetime NULL, \`checkedInById\` varchar(40) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_2d4a1a33dc9ce80654c4845812\` (\`openDayId\`, \`phone\`), UNIQUE INDEX \`IDX_8d502d1dd5af87e8755a3df747\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    // score_runs: recomputes are background jobs now (src/jobs); the old run table goes.
    await queryRunner.query(`DROP TABLE \`score_runs\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`score_runs\` (\`id\` varchar(36) NOT NULL, \`scheme\` varchar(16) NOT NULL, \`year\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`done\` int NOT NULL DEFAULT '0', \`total\` int NOT NULL DEFAULT '0', \`error\` varchar(1000) NULL, \`requestedBy\` varchar(40) NOT NULL, \`createdAt\` datetime NOT NULL, \`finishedAt\` datetime NULL, INDEX \`IDX_7de7d1c1d79d1e40740a7b9df3\` (\`scheme\`, \`year\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`DROP INDEX \`IDX_8d502d1dd5af87e8755a3df747\` ON \`open_day_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_2d4a1a33dc9ce80654c4845812\` ON \`open_day_registrations\``);
    await queryRunner.query(`DROP TABLE \`open_day_registrations\``);
    await queryRunner.query(`DROP INDEX \`IDX_6f7f7edb7a4fe9c3d71d2c95bc\` ON \`open_days\``);
    await queryRunner.query(`DROP TABLE \`open_days\``);
    await queryRunner.query(`DROP INDEX \`IDX_5517cdfc415e5adba13596bd13\` ON \`publicity_problems\``);
    await queryRunner.query(`DROP TABLE \`publicity_problems\``);
    await queryRunner.query(`DROP INDEX \`IDX_f84218374e3da7ba700aed1553\` ON \`publicity_tasks\``);
    await queryRunner.query(`DROP TABLE \`publicity_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_d2734ac2962cc711587b7efab4\` ON \`publicity_boards\``);
    await queryRunner.query(`DROP TABLE \`publicity_boards\``);
    await queryRunner.query(`DROP INDEX \`uq_wechat_consent\` ON \`wechat_consents\``);
    await queryRunner.query(`DROP TABLE \`wechat_consents\``);
    await queryRunner.query(`DROP INDEX \`uq_reminder_setting\` ON \`reminder_settings\``);
    await queryRunner.query(`DROP TABLE \`reminder_settings\``);
    await queryRunner.query(`DROP INDEX \`uq_reminder_once\` ON \`reminders\``);
    await queryRunner.query(`DROP INDEX \`ix_reminder_created\` ON \`reminders\``);
    await queryRunner.query(`DROP TABLE \`reminders\``);
    await queryRunner.query(`DROP INDEX \`IDX_2c56f89970fb8f7b837c4c1553\` ON \`coordination_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_dd028c7d4305ee94c6b38207ba\` ON \`coordination_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_c645d0772d9f7b449b6b1842b9\` ON \`coordination_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_d3b1726e4687599bbd39aa679d\` ON \`coordination_records\``);
    await queryRunner.query(`DROP TABLE \`coordination_records\``);
    await queryRunner.query(`DROP INDEX \`IDX_a83e853ad308bed1d55ad63280\` ON \`activity_applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_0a0dab392ce7a1acde6dafa117\` ON \`activity_applications\``);
    await queryRunner.query(`DROP TABLE \`activity_applications\``);
    await queryRunner.query(`DROP INDEX \`IDX_da4cae792040b9936d9329dd72\` ON \`efficiency_system_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_933257805a5aec32811c0eccb7\` ON \`efficiency_system_versions\``);
    await queryRunner.query(`DROP TABLE \`efficiency_system_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_a96eec808793b7af635a374eca\` ON \`efficiency_systems\``);
    await queryRunner.query(`DROP TABLE \`efficiency_systems\``);
    await queryRunner.query(`DROP INDEX \`IDX_e596ebc6dfe355469ba51bf26a\` ON \`duty_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_8aa3462c4abb1360df9ea2c9ec\` ON \`duty_versions\``);
    await queryRunner.query(`DROP TABLE \`duty_versions\``);
    await queryRunner.query(`DROP INDEX \`IDX_80949290e09282cd614d3b177d\` ON \`order_check_corrections\``);
    await queryRunner.query(`DROP TABLE \`order_check_corrections\``);
    await queryRunner.query(`DROP INDEX \`IDX_4cfec4504e8574ce42a9a4f35c\` ON \`order_check_sheets\``);
    await queryRunner.query(`DROP TABLE \`order_check_sheets\``);
    await queryRunner.query(`DROP INDEX \`IDX_216863f7dc39701a898063693f\` ON \`order_check_rounds\``);
    await queryRunner.query(`DROP TABLE \`order_check_rounds\``);
    await queryRunner.query(`DROP INDEX \`IDX_278eb8fa9ccb8fcfe8bb14a094\` ON \`wubi_cycle_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_f1a36a90e6a37cbe40344730d4\` ON \`wubi_cycle_entries\``);
    await queryRunner.query(`DROP TABLE \`wubi_cycle_entries\``);
    await queryRunner.query(`DROP TABLE \`wubi_cycles\``);
    await queryRunner.query(`DROP TABLE \`scheme_extras_weights\``);
    await queryRunner.query(`DROP INDEX \`IDX_480d0264eb5e769816f48813b8\` ON \`review_innovations\``);
    await queryRunner.query(`DROP TABLE \`review_innovations\``);
    await queryRunner.query(`DROP INDEX \`uq_review_half_year\` ON \`review_half_year_rounds\``);
    await queryRunner.query(`DROP TABLE \`review_half_year_rounds\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5f3539275341d00a834c246d6\` ON \`review_rectification_tasks\``);
    await queryRunner.query(`DROP INDEX \`IDX_1e82c72f0eeb29ebb5168fae5e\` ON \`review_rectification_tasks\``);
    await queryRunner.query(`DROP TABLE \`review_rectification_tasks\``);
    await queryRunner.query(`DROP INDEX \`uq_review_quarterly_section\` ON \`review_quarterly_sections\``);
    await queryRunner.query(`DROP TABLE \`review_quarterly_sections\``);
    await queryRunner.query(`DROP INDEX \`uq_review_quarterly\` ON \`review_quarterly_reviews\``);
    await queryRunner.query(`DROP TABLE \`review_quarterly_reviews\``);
    await queryRunner.query(`DROP INDEX \`uq_review_leader_comment\` ON \`review_leader_comments\``);
    await queryRunner.query(`DROP TABLE \`review_leader_comments\``);
    await queryRunner.query(`DROP INDEX \`uq_review_monthly_meeting\` ON \`review_monthly_meetings\``);
    await queryRunner.query(`DROP TABLE \`review_monthly_meetings\``);
    await queryRunner.query(`DROP INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_56b91d98f71e3d1b649ed6e9f3\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_40e9a8b923a1b3fb4429a5c624\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
  }
}
