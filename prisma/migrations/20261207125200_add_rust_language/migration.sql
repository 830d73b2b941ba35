-- AlterEnum
ALTER TYPE "Language" ADD VALUE 'rust';
