// New assessment: first choose a template (or blank), then the form prefilled from it.
// `?start=<template key>|blank` selects the step, so each step has its own URL and works
// without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { EmptyState, FormError } from "@interviewlm/ui";
import { PageHeader } from "~/components/page-header";
import { AssessmentForm } from "~/features/assessments/assessment-form";
import { aiUnavailableReason as aiUnavailableReasonOf } from "~/.server/ai";
import { BLANK_FORM_VALUES, formValuesFromData, formValuesFromSettings, toAssessmentInput } from "~/features/assessments/form-values";
import { TemplateCards } from "~/features/assessments/template-cards";
import { toActionFailure } from "~/.server/api";
import { requireVerifiedAuth } from "~/.server/session";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "New assessment · InterviewLM" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const start = new URL(request.url).searchParams.get("start");
  const templates = await api.assessments.templates();
  const template = templates.find((t) => t.key === start) ?? null;
  const ai = aiUnavailableReasonOf(context);
  if (start !== "blank" && !template) return { step: "choose" as const, templates, template: null, bank: [], aiUnavailableReason: ai };
  // Generated drafts are not offered until approved (docs/decisions/0151).
  const bank = (await api.questions.list({})).filter((q) => q.source !== "GENERATED" || q.approvedAt !== null);
  return { step: "form" as const, templates, template, bank, aiUnavailableReason: ai };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireVerifiedAuth(request, context);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  if (intent.startsWith("from-template:")) {
    try {
      const created = await api.assessments.createFromTemplate({ templateKey: String(formData.get("templateKey") ?? "") });
      return redirect(`/app/assessments/${created.id}`);
    } catch (error) {
      return { ...toActionFailure(error), values: null };
    }
  }
  const values = formValuesFromData(formData);
  try {
    const templateKey = String(formData.get("templateKey") ?? "") || null;
    const created = await api.assessments.create({ ...toAssessmentInput(values), templateKey });
    return redirect(`/app/assessments/${created.id}`);
  } catch (error) {
    return { ...toActionFailure(error), values };
  }
}

export default function NewAssessmentPage() {
  const { step, templates, template, bank, aiUnavailableReason } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const canWrite = usePermissions().can("assessments:write");
  const back = <Link to="/app/assessments" className="hover:text-fg">Assessments</Link>;

  if (!canWrite) {
    return (
      <div>
        <PageHeader eyebrow={back} title="New assessment" />
        <EmptyState title="Your role cannot create assessments" description="Ask an owner, admin or member of your organization to create one, or to change your role." />
      </div>
    );
  }

  if (step === "choose") {
    return (
      <div>
        <PageHeader eyebrow={back} title="New assessment" description="Start from a ready-made assessment and adjust it, or start blank." />
        <FormError>{failure?.message}</FormError>
        <section aria-labelledby="templates-heading" className="space-y-4">
          <h2 id="templates-heading" className="text-sm font-semibold text-fg">
            Templates
          </h2>
          <TemplateCards templates={templates} />
        </section>
      </div>
    );
  }

  const values = failure?.values ?? (template ? formValuesFromSettings(template.settings) : BLANK_FORM_VALUES);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        eyebrow={<Link to="/app/assessments/new" className="hover:text-fg">← Templates</Link>}
        title="New assessment"
        description={template ? `From the template “${template.name}”. Change anything before creating it.` : "A blank assessment: choose every setting."}
      />
      <AssessmentForm
        aiUnavailableReason={aiUnavailableReason}
        key={template?.key ?? "blank"}
        values={values}
        errors={failure?.fieldErrors}
        formError={failure?.message}
        bank={bank}
        hidden={template ? { templateKey: template.key } : undefined}
        submitLabel="Create assessment"
        pendingLabel="Creating…"
        cancelTo="/app/assessments"
      />
    </div>
  );
}

// Errors render inside the app shell, with a next step (see the component).
export { SectionErrorBoundary as ErrorBoundary } from "~/components/section-error-boundary";
