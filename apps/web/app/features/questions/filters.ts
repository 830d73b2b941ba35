import type { Difficulty, QuestionLanguage, QuestionSourceFilter } from "@interviewlm/core/questions";
import { DIFFICULTIES, LANGUAGES } from "./labels";

export interface QuestionFilterValues {
  language?: QuestionLanguage;
  difficulty?: Difficulty;
  topic?: string;
  search?: string;
  source?: QuestionSourceFilter;
}

const SOURCES: readonly QuestionSourceFilter[] = ["CURATED", "GENERATED", "DRAFT"];

const TOPIC = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_SEARCH = 100;

/**
 * The bank's filters from the page URL (?language=&difficulty=&topic=&source=&q=). A hand-edited or old
 * URL should not break the page: unknown values are dropped and reported as ignored.
 */
export function parseQuestionFilters(params: URLSearchParams): { filters: QuestionFilterValues; ignored: boolean } {
  const filters: QuestionFilterValues = {};
  let ignored = false;
  const language = params.get("language") ?? "";
  if ((LANGUAGES as readonly string[]).includes(language)) filters.language = language as QuestionLanguage;
  else if (language) ignored = true;
  const difficulty = params.get("difficulty") ?? "";
  if ((DIFFICULTIES as readonly string[]).includes(difficulty)) filters.difficulty = difficulty as Difficulty;
  else if (difficulty) ignored = true;
  const topic = params.get("topic") ?? "";
  if (TOPIC.test(topic) && topic.length <= 40) filters.topic = topic;
  else if (topic) ignored = true;
  const source = params.get("source") ?? "";
  if ((SOURCES as readonly string[]).includes(source)) filters.source = source as QuestionSourceFilter;
  else if (source) ignored = true;
  const search = (params.get("q") ?? "").trim();
  if (search) filters.search = search.slice(0, MAX_SEARCH);
  return { filters, ignored };
}

export const hasFilters = (filters: QuestionFilterValues) => Boolean(filters.language || filters.difficulty || filters.topic || filters.search || filters.source);
