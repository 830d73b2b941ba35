-- AlterEnum
ALTER TYPE "Language" ADD VALUE 'ruby';
