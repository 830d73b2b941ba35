// "Candidate data" on the recruiter's candidate page (owners and admins): download the export
// archive. A plain form POST to a resource route, so the browser handles the file download.
import { Button } from "@interviewlm/ui";

export function ExportDataPanel({ candidateId }: { candidateId: string }) {
  return (
    <section aria-labelledby="candidate-data-heading" className="space-y-3">
      <h2 id="candidate-data-heading" className="text-base font-semibold text-fg">Candidate data</h2>
      <p className="text-sm text-fg-muted">
        Everything held about this candidate as one ZIP archive: every record (invitation, session, questions, evaluations,
        emails sent to them, audit entries, AI usage) as JSON, the files of their workspace at the end, and the recording.
        The download is recorded in the audit log.
      </p>
      <form method="post" action={`/app/candidates/${encodeURIComponent(candidateId)}/export`}>
        <Button type="submit" variant="secondary">Download candidate data (ZIP)</Button>
      </form>
    </section>
  );
}
