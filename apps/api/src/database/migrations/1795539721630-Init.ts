import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795539721630 implements MigrationInterface {
  name = 'Init1795539721630';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`citizens\` (\`id\` varchar(36) NOT NULL, \`via\` varchar(8) NOT NULL, \`subjectHash\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_0cea3205f7f61e5604f340b091\` (\`subjectHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`invite_codes\` (\`id\` varchar(36) NOT NULL, \`personId\` varchar(40) NOT NULL, \`codeHash\` varchar(64) NOT NULL, \`expiresAt\` datetime NOT NULL, \`usedAt\` datetime NULL, \`createdById\` varchar(40) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_0710632dd1fcc1012b55c37b75\` (\`personId\`), UNIQUE INDEX \`IDX_80246e88b39e30a01439500c8b\` (\`codeHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`people\` (\`id\` varchar(40) NOT NULL, \`name\` varchar(40) NOT NULL, \`phone\` varchar(20) NULL, \`branchSecretary\` tinyint NOT NULL DEFAULT 0, \`accessRole\` varchar(16) NULL, \`featured\` tinyint NOT NULL DEFAULT 0, \`openid\` varchar(64) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_fd0eb50809da380fa0f174da07\` (\`openid\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sections\` (\`id\` varchar(40) NOT NULL, \`name\` varchar(60) NOT NULL, \`category\` varchar(16) NULL, \`wubiType\` varchar(16) NULL, \`researchRequired\` tinyint NOT NULL DEFAULT 0, \`sortOrder\` int NOT NULL DEFAULT '0', \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_b43359623c10ff3d0a199289b8\` (\`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`memberships\` (\`id\` varchar(36) NOT NULL, \`personId\` varchar(40) NOT NULL, \`sectionId\` varchar(40) NOT NULL, \`position\` varchar(16) NOT NULL, \`from\` date NOT NULL, \`to\` date NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_86b8ddaac9a4155a0b4f7254f7\` (\`personId\`, \`from\`), INDEX \`IDX_212b1a2c8a14042a1df77d9395\` (\`sectionId\`, \`position\`, \`from\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`memberships\` ADD CONSTRAINT \`FK_9b5139de55b7990de8ee069b8fc\` FOREIGN KEY (\`personId\`) REFERENCES \`people\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`memberships\` ADD CONSTRAINT \`FK_cde6b0527c6c57e255452491321\` FOREIGN KEY (\`sectionId\`) REFERENCES \`sections\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`memberships\` DROP FOREIGN KEY \`FK_cde6b0527c6c57e255452491321\``);
    await queryRunner.query(`ALTER TABLE \`memberships\` DROP FOREIGN KEY \`FK_9b5139de55b7990de8ee069b8fc\``);
    await queryRunner.query(`DROP INDEX \`IDX_212b1a2c8a14042a1df77d9395\` ON \`memberships\``);
    await queryRunner.query(`DROP INDEX \`IDX_86b8ddaac9a4155a0b4f7254f7\` ON \`memberships\``);
    await queryRunner.query(`DROP TABLE \`memberships\``);
    await queryRunner.query(`DROP INDEX \`IDX_b43359623c10ff3d0a199289b8\` ON \`sections\``);
    await queryRunner.query(`DROP TABLE \`sections\``);
    await queryRunner.query(`DROP INDEX \`IDX_fd0eb50809da380fa0f174da07\` ON \`people\``);
    await queryRunner.query(`DROP TABLE \`people\``);
    await queryRunner.query(`DROP INDEX \`IDX_80246e88b39e30a01439500c8b\` ON \`invite_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_0710632dd1fcc1012b55c37b75\` ON \`invite_codes\``);
    await queryRunner.query(`DROP TABLE \`invite_codes\``);
    await queryRunner.query(`DROP INDEX \`IDX_0cea3205f7f61e5604f340b091\` ON \`citizens\``);
    await queryRunner.query(`DROP TABLE \`citizens\``);
  }
}
