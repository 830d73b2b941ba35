// The candidate's view of an assessment, before they start: the same component the
// candidate portal renders, fed by the same DTO.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { buttonClasses } from "@interviewlm/ui";
import { Eye } from "@interviewlm/ui/icons";
import { PageHeader } from "~/components/page-header";
import { CandidatePreviewPanel } from "~/features/assessments/candidate-preview";
import { throwAsResponse } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Preview: ${data?.preview.title ?? "assessment"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const assessmentId = params.id ?? "";
  const preview = await api.assessments.preview({ assessmentId }).catch(throwAsResponse);
  return { assessmentId, preview };
}

export default function AssessmentPreviewPage() {
  const { assessmentId, preview } = useLoaderData<typeof loader>();
  const { can } = usePermissions();
  const detailPath = `/app/assessments/${assessmentId}`;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={<Link to={detailPath} className="hover:text-fg">← {preview.title}</Link>}
        title="Candidate preview"
        description="Exactly what a candidate reads before pressing Start. Questions stay hidden until then."
        actions={
          can("assessments:write") ? (
            <Link to={`${detailPath}/edit`} className={buttonClasses({ variant: "secondary" })}>
              Edit assessment
            </Link>
          ) : null
        }
      />
      <p className="mb-3 flex items-center gap-2 text-xs text-fg-muted">
        <Eye aria-hidden="true" className="size-3.5" /> Candidate view
      </p>
      <CandidatePreviewPanel preview={preview} />
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
