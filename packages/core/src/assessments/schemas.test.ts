import { describe, expect, it } from "vitest";
import { changedLockedFields } from "./locks.ts";
import { AssessmentSettingsInput, CreateAssessmentInput } from "./schemas.ts";
import { findTemplate, listTemplates } from "./templates.ts";

const base = {
  title: "Backend screen",
  role: "Backend engineer",
  seniority: "MID",
  languages: ["python"],
  durationMinutes: 60,
  questionCount: 2,
  questionSelection: "AUTO",
};

function fieldErrors(input: unknown): Record<string, string[]> {
  const result = CreateAssessmentInput.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".") || "_form"] ??= []).push(issue.message);
  return errors;
}

describe("assessment templates", () => {
  it("ships at least five templates with unique keys", () => {
    const keys = listTemplates().map((template) => template.key);
    expect(keys.length).toBeGreaterThanOrEqual(5);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(listTemplates().map((template) => [template.key, template] as const))("%s passes the same validation as the form", (_key, template) => {
    expect(AssessmentSettingsInput.parse(template.settings)).toEqual(template.settings);
    // Automatic selection, so a template works with whatever the bank holds.
    expect(template.settings.questionSelection).toBe("AUTO");
  });

  it("finds a template by key and answers null for unknown keys", () => {
    expect(findTemplate("backend-python-mid")?.name).toBe("Backend Python, mid-level");
    expect(findTemplate("nope")).toBeNull();
  });
});

describe("assessment settings validation", () => {
  it("fills in the defaults and drops question ids sent with automatic selection", () => {
    const parsed = CreateAssessmentInput.parse({ ...base, questionIds: ["q1"], instructions: "  " });
    expect(parsed).toMatchObject({
      questionIds: [],
      startingDifficulty: "MEDIUM",
      adaptiveDifficulty: false,
      aiAssistance: "AGENT",
      testVisibility: "VISIBLE",
      instructions: null,
      templateKey: null,
    });
  });

  it("names the field of every out-of-range value", () => {
    const errors = fieldErrors({ ...base, title: "ab", role: "x", languages: [], durationMinutes: 10, questionCount: 6, instructions: "x".repeat(5001) });
    expect(Object.keys(errors).sort()).toEqual(["durationMinutes", "instructions", "languages", "questionCount", "role", "title"]);
    expect(errors.durationMinutes).toEqual(["Give candidates at least 15 minutes."]);
  });

  it("refuses languages outside Python, JavaScript, TypeScript, Go, Java, Ruby, C++ and Rust, and numbers that are not numbers", () => {
    const errors = fieldErrors({ ...base, languages: ["cobol"], durationMinutes: Number.NaN, questionCount: undefined });
    expect(errors["languages.0"]).toEqual(["Choose Python, JavaScript, TypeScript, Go, Java, Ruby, C++ or Rust."]);
    expect(errors.durationMinutes).toEqual(["Enter a duration in minutes as a number."]);
    expect(errors.questionCount).toEqual(["Enter how many questions."]);
  });

  it("with hand-picked questions, wants exactly as many as the question count, and no adaptive difficulty", () => {
    const errors = fieldErrors({ ...base, questionSelection: "MANUAL", questionIds: ["a"], adaptiveDifficulty: true });
    expect(errors.questionIds?.[0]).toMatch(/Pick exactly 2 questions \(you picked 1\)/);
    expect(errors.adaptiveDifficulty?.[0]).toMatch(/needs automatic selection/);
    expect(fieldErrors({ ...base, questionSelection: "MANUAL", questionIds: ["a", "a"] }).questionIds).toContain("Pick each question only once.");
    expect(fieldErrors({ ...base, questionSelection: "MANUAL", questionIds: ["a", "b"] })).toEqual({});
  });
});

describe("locked fields", () => {
  const current = AssessmentSettingsInput.parse({ ...base, languages: ["python", "typescript"] });
  it("treats languages as a set and question ids as a sequence", () => {
    expect(changedLockedFields(current, { ...current, languages: ["typescript", "python"] })).toEqual([]);
    const manual = { ...current, questionSelection: "MANUAL" as const, questionIds: ["a", "b"] };
    expect(changedLockedFields(manual, { ...manual, questionIds: ["b", "a"] })).toEqual(["questionIds"]);
    expect(changedLockedFields(current, { ...current, durationMinutes: 90, aiAssistance: "OFF" })).toEqual(["durationMinutes", "aiAssistance"]);
  });
});

describe("AI budgets (ADR 0073)", () => {
  it("defaults to 30 messages per question, 4 M tokens and $10 per session", () => {
    const parsed = CreateAssessmentInput.parse(base);
    expect(parsed).toMatchObject({ aiMessagesPerQuestion: 30, aiTokensPerSession: 4_000_000, aiCostUsdPerSession: 10 });
  });

  it("accepts budgets within bounds", () => {
    const parsed = CreateAssessmentInput.parse({ ...base, aiMessagesPerQuestion: 1, aiTokensPerSession: 1000, aiCostUsdPerSession: 1000 });
    expect(parsed).toMatchObject({ aiMessagesPerQuestion: 1, aiTokensPerSession: 1000, aiCostUsdPerSession: 1000 });
  });

  it("refuses out-of-range, fractional and non-numeric budgets with a message beside each field", () => {
    expect(fieldErrors({ ...base, aiMessagesPerQuestion: 0, aiTokensPerSession: 999, aiCostUsdPerSession: 1001 })).toEqual({
      aiMessagesPerQuestion: ["Allow at least 1 AI message per question."],
      aiTokensPerSession: ["Allow at least 1,000 AI tokens per session."],
      aiCostUsdPerSession: ["Allow at most $1,000 of AI use per session."],
    });
    expect(fieldErrors({ ...base, aiMessagesPerQuestion: 2.5, aiTokensPerSession: "lots", aiCostUsdPerSession: 1.5 })).toEqual({
      aiMessagesPerQuestion: ["Enter a whole number of AI messages per question."],
      aiTokensPerSession: ["Enter the number of AI tokens per session."],
      aiCostUsdPerSession: ["Enter the AI cost cap in whole US dollars."],
    });
  });

  it("locks the budgets once a candidate started, like the other AI settings", () => {
    const before = AssessmentSettingsInput.parse(base);
    expect(changedLockedFields(before, { ...before, aiTokensPerSession: 5000 })).toEqual(["aiTokensPerSession"]);
  });
});
