-- AlterEnum
ALTER TYPE "Language" ADD VALUE 'go';
