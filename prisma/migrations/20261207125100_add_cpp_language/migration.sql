-- AlterEnum
ALTER TYPE "Language" ADD VALUE 'cpp';
