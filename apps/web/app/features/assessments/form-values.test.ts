import { describe, expect, it } from "vitest";
import { errorsFor, formValuesFromData, keepLockedFields, toAssessmentInput, BLANK_FORM_VALUES } from "./form-values";

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("assessment form values", () => {
  it("reads repeated fields in submitted order and the adaptive checkbox or its hidden twin", () => {
    const values = formValuesFromData(form([
      ["title", "Screen"], ["languages", "python"], ["languages", "typescript"],
      ["questionIds", "b"], ["questionIds", "a"], ["adaptiveDifficulty", "on"],
    ]));
    expect(values).toMatchObject({ title: "Screen", languages: ["python", "typescript"], questionIds: ["b", "a"], adaptiveDifficulty: true, role: "" });
    expect(formValuesFromData(form([["adaptiveDifficulty", "true"]])).adaptiveDifficulty).toBe(true);
    expect(formValuesFromData(form([["adaptiveDifficulty", "false"]])).adaptiveDifficulty).toBe(false);
  });

  it("leaves empty numbers undefined so the schema can say what is missing", () => {
    const input = toAssessmentInput({ ...BLANK_FORM_VALUES, durationMinutes: " ", questionCount: "abc" });
    expect(input.durationMinutes).toBeUndefined();
    expect(input.questionCount).toBeNaN();
  });

  it("shows stored values for locked fields after a refused save, and typed values for the rest", () => {
    const stored = { ...BLANK_FORM_VALUES, title: "Old", durationMinutes: "60", questionIds: ["a"] };
    const typed = { ...stored, title: "New", durationMinutes: "120", questionIds: ["b"] };
    expect(keepLockedFields(typed, stored, ["durationMinutes", "questionIds"])).toEqual({ ...typed, durationMinutes: "60", questionIds: ["a"] });
  });

  it("reads the recommendation weights by their schema path and passes them on as numbers", () => {
    const values = formValuesFromData(form([["recommendationWeights.hiddenTests", "5"], ["recommendationWeights.communication", ""]]));
    expect(values.recommendationWeights).toMatchObject({ hiddenTests: "5", communication: "", codeQuality: "" });
    const input = toAssessmentInput({ ...BLANK_FORM_VALUES, recommendationWeights: { ...BLANK_FORM_VALUES.recommendationWeights, hiddenTests: "5", communication: "" } });
    expect(input.recommendationWeights).toEqual({ hiddenTests: 5, codeQuality: 2, problemSolving: 2, aiCollaboration: 2, communication: undefined });
  });

  it("collects the messages of a field and of its items", () => {
    expect(errorsFor({ languages: ["Pick one."], "languages.0": ["Unknown."], title: ["Too short."] }, "languages")).toEqual(["Pick one.", "Unknown."]);
    expect(errorsFor({ title: ["Too short."] }, "role")).toBeUndefined();
    expect(errorsFor(null, "role")).toBeUndefined();
  });
});
