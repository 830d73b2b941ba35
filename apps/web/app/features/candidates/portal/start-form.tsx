// Consent, language and the system check, then "Start the interview". The form posts to
// /i/:token/start (which creates the session); until the checks pass and the box is
// ticked the button stays disabled, and `required` keeps consent enforced without JS.
import { Button, Checkbox, FormError, RadioGroup } from "@interviewlm/ui";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { SystemCheck } from "./system-check";

export interface StartFormProps {
  token: string;
  /** Where the live rooms are, for the connectivity check. */
  roomHost: string;
  organizationName: string;
  languages: { value: string; label: string }[];
  /** Set when the start route sent the candidate back with an error code. */
  startError: string | null;
}

const START_ERRORS: Record<string, string> = {
  TOO_MANY_REQUESTS: "Too many attempts in a short time. Wait a minute, then press Start again.",
  PRECONDITION_FAILED: "The interview could not be started with this link. Reload the page to see why.",
  NOT_FOUND: "The interview could not be started with this link. Reload the page to see why.",
  CONSENT_REQUIRED: "Please confirm that you agree to the recording before you start.",
  SERVICE_UNAVAILABLE: "Your workspace cannot be prepared right now: the coding sandbox is not running code. Nothing has started and no time is counting. Wait a few minutes, run the system check again, then press Start.",
};

export function StartForm({ token, roomHost, organizationName, languages, startError }: StartFormProps) {
  const [checksOk, setChecksOk] = useState(false);
  const [consent, setConsent] = useState(false);
  const navigation = useNavigation();
  const action = `/i/${token}/start`;
  const starting = navigation.state !== "idle" && navigation.formAction === action;
  return (
    <Form method="post" action={action} className="space-y-6">
      <SystemCheck checkUrl={`/i/${token}/check`} sandboxCheckUrl={`/i/${token}/check-sandbox`} roomHost={roomHost} onResult={setChecksOk} />
      {languages.length > 1 ? (
        <RadioGroup
          name="language"
          label="Language"
          description="Choose the language you want to work in. You cannot change it once you start."
          options={languages}
          defaultValue={languages[0]?.value}
          required
        />
      ) : (
        <input type="hidden" name="language" value={languages[0]?.value ?? ""} />
      )}
      <Checkbox
        name="consent"
        value="yes"
        required
        checked={consent}
        onChange={(event) => setConsent(event.currentTarget.checked)}
        label="I agree to the recording described above"
        description={`Reviewers at ${organizationName} may watch live and replay it afterwards.`}
      />
      <FormError>{startError ? (START_ERRORS[startError] ?? "Something went wrong while starting your interview. Press Start to try again.") : null}</FormError>
      <div className="space-y-2">
        <Button type="submit" size="lg" className="w-full" disabled={!checksOk || !consent} pending={starting} pendingLabel="Preparing your workspace…">
          Start the interview
        </Button>
        <p className="text-center text-xs text-fg-muted">The timer starts as soon as you press Start.</p>
      </div>
    </Form>
  );
}
