// Deleting the organisation (owners only, docs/decisions/0170): the owner types its name to
// confirm; everything goes, including the interviews' sandbox workspaces and room data.
import { Button, Card, CardContent, CardHeader, FormError, TextField } from "@interviewlm/ui";
import { Form } from "@remix-run/react";
import { useState } from "react";
import { fieldError, useIsPending, type FieldErrors } from "~/lib/forms";

export function DeleteOrganizationCard({ name, failure }: { name: string; failure: { message: string; fieldErrors?: FieldErrors } | null }) {
  const [typed, setTyped] = useState("");
  const pending = useIsPending({ intent: "delete" });
  return (
    <Card>
      <CardHeader
        title="Delete organization"
        description="Permanently deletes the organization with its members' access, assessments, candidates, interview recordings, reports, sandbox workspaces, room data, credits, its billing details held by Stripe (issued invoices stay on record) and audit log. This cannot be undone."
      />
      <CardContent>
        <Form method="post" className="max-w-md space-y-3">
          <FormError>{failure && !failure.fieldErrors ? failure.message : null}</FormError>
          <TextField
            label={`Type ${name} to confirm`}
            name="confirmName"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            error={fieldError(failure?.fieldErrors, "confirmName")}
          />
          <Button type="submit" name="intent" value="delete" variant="danger" disabled={typed.trim() !== name.trim()} pending={pending} pendingLabel="Deleting…">
            Delete {name} permanently
          </Button>
        </Form>
      </CardContent>
    </Card>
  );
}
