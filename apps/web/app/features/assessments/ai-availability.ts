// The assessment form's AI choices on an installation without an Anthropic key: the AI modes
// are shown but cannot be chosen, with the reason, and a new choice falls back to OFF. A saved
// assessment keeps what it has (the key may come later); the room says so if it is still missing.
import { AI_ASSISTANCE_EXPLANATIONS, AI_ASSISTANCE_LEVELS } from "@interviewlm/core/assessments/schemas";
import type { RadioOption } from "@interviewlm/ui";

export function aiAssistanceOptions(unavailableReason: string | null): RadioOption[] {
  return AI_ASSISTANCE_LEVELS.map((value) => {
    const option = { value, label: AI_ASSISTANCE_EXPLANATIONS[value].label, description: AI_ASSISTANCE_EXPLANATIONS[value].forRecruiter };
    return unavailableReason && value !== "OFF" ? { ...option, disabled: true, description: `Unavailable: ${unavailableReason}` } : option;
  });
}

/** The radio's initial value: an unavailable mode cannot stay selected in a form that can change it. */
export function aiAssistanceDefault(current: string, unavailableReason: string | null, locked: boolean): string {
  return unavailableReason && current !== "OFF" && !locked ? "OFF" : current;
}
