-- AlterEnum
ALTER TYPE "Language" ADD VALUE 'java';
