import { useNavigation } from "@remix-run/react";

/** True while this page's form (or the one posting to `formAction`) is being submitted. */
export function useIsPending(options: { formAction?: string; intent?: string } = {}): boolean {
  const navigation = useNavigation();
  if (navigation.state === "idle" || !navigation.formMethod || navigation.formMethod.toLowerCase() === "get") return false;
  if (options.formAction && navigation.formAction !== options.formAction) return false;
  if (options.intent && navigation.formData?.get("intent") !== options.intent) return false;
  return true;
}

export type FieldErrors = Record<string, string[]> | null | undefined;

/** The messages for one field, from an action's failure payload. */
export function fieldError(errors: FieldErrors, name: string): string[] | undefined {
  return errors?.[name];
}
