import { Button, Select, TextField, buttonClasses } from "@interviewlm/ui";
import { Search } from "@interviewlm/ui/icons";
import { Form, Link } from "@remix-run/react";
import { hasFilters, type QuestionFilterValues } from "./filters";
import { DIFFICULTIES, DIFFICULTY_LABELS, LANGUAGES, LANGUAGE_LABELS, topicLabel } from "./labels";

const languageOptions = LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }));
const sourceOptions = [
  { value: "CURATED", label: "Curated" },
  { value: "GENERATED", label: "Generated" },
  { value: "DRAFT", label: "Drafts to approve" },
];
const difficultyOptions = DIFFICULTIES.map((value) => ({ value, label: DIFFICULTY_LABELS[value] }));

/** A plain GET form: the filters live in the URL, work without JavaScript and survive reloads. */
export function QuestionFilters({ filters, topics, pending }: { filters: QuestionFilterValues; topics: readonly string[]; pending: boolean }) {
  return (
    <Form method="get" role="search" aria-label="Filter questions" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_10rem_10rem_12rem_10rem_auto] lg:items-end">
      <TextField label="Search" name="q" type="search" placeholder="Title or topic" defaultValue={filters.search ?? ""} maxLength={100} />
      <Select label="Language" name="language" options={languageOptions} placeholder="All languages" defaultValue={filters.language ?? ""} />
      <Select label="Difficulty" name="difficulty" options={difficultyOptions} placeholder="All difficulties" defaultValue={filters.difficulty ?? ""} />
      <Select label="Topic" name="topic" options={topics.map((value) => ({ value, label: topicLabel(value) }))} placeholder="All topics" defaultValue={filters.topic ?? ""} />
      <Select label="Source" name="source" options={sourceOptions} placeholder="All sources" defaultValue={filters.source ?? ""} />
      <div className="flex gap-2">
        <Button type="submit" variant="secondary" icon={<Search aria-hidden="true" className="size-4" />} pending={pending}>
          Apply
        </Button>
        {hasFilters(filters) ? (
          <Link to="?" className={buttonClasses({ variant: "ghost" })}>
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
