import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, buttonClasses } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { AssessmentForm } from "~/features/assessments/assessment-form";
import { aiUnavailableReason as aiUnavailableReasonOf } from "~/.server/ai";
import { AssessmentActions, AssessmentStatusBadge } from "~/features/assessments/assessment-actions";
import { formValuesFromAssessment, formValuesFromData, keepLockedFields, toAssessmentInput } from "~/features/assessments/form-values";
import { throwAsResponse, toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.assessment.title ?? "assessment"} · InterviewLM` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const assessmentId = params.id ?? "";
  const [assessment, bank] = await Promise.all([
    api.assessments.get({ assessmentId }),
    api.questions.list({}),
  ]).catch(throwAsResponse);
  // Generated drafts are not offered until approved (docs/decisions/0151).
  return { assessment, bank: bank.filter((q) => q.source !== "GENERATED" || q.approvedAt !== null), aiUnavailableReason: aiUnavailableReasonOf(context) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const assessmentId = params.id ?? "";
  const values = formValuesFromData(await request.formData());
  try {
    await api.assessments.update({ ...toAssessmentInput(values), assessmentId });
  } catch (error) {
    return { ...toActionFailure(error), values };
  }
  return redirect(`/app/assessments/${assessmentId}`);
}

export default function EditAssessmentPage() {
  const { assessment, bank, aiUnavailableReason } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const canWrite = usePermissions().can("assessments:write");
  const detailPath = `/app/assessments/${assessment.id}`;
  const stored = formValuesFromAssessment(assessment);
  const header = (
    <PageHeader
      eyebrow={<Link to={detailPath} className="hover:text-fg">← {assessment.title}</Link>}
      title="Edit assessment"
      description={
        <span className="flex flex-wrap items-center gap-2">
          <AssessmentStatusBadge status={assessment.status} />
          {assessment.status === "ARCHIVED" ? "It accepts no new candidates until you restore it." : null}
        </span>
      }
      actions={
        <>
          <Link to={`${detailPath}/preview`} className={buttonClasses({ variant: "secondary" })}>Preview</Link>
          {canWrite ? <AssessmentActions assessment={assessment} redirectTo={`${detailPath}/edit`} /> : null}
        </>
      }
    />
  );

  if (!canWrite) {
    return (
      <div className="mx-auto max-w-3xl">
        {header}
        <EmptyState title="Your role cannot edit assessments" description="You can read it and open the candidate preview." />
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl">
      {header}
      <AssessmentForm
        aiUnavailableReason={aiUnavailableReason}
        // Uncontrolled inputs keep their values across client navigations: another
        // assessment (e.g. right after Duplicate), or one that just became locked, mounts a fresh form.
        key={`${assessment.id}:${assessment.lock.fields.length > 0 ? "locked" : "open"}`}
        values={failure?.values ? keepLockedFields(failure.values, stored, assessment.lock.fields) : stored}
        errors={failure?.fieldErrors}
        formError={failure?.message}
        bank={bank}
        storedQuestions={assessment.questions}
        lock={assessment.lock}
        submitLabel="Save changes"
        pendingLabel="Saving…"
        cancelTo={detailPath}
      />
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
