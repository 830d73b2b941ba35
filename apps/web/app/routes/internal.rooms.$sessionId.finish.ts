import { finishInterview } from "@interviewlm/core/interviews";
import { FinishRequestSchema } from "@interviewlm/realtime";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleInternal, interviewDeps } from "~/.server/internal";

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handleInternal(request, context, FinishRequestSchema, async (body) => ({
    session: await finishInterview(interviewDeps(context), params.sessionId ?? "", body.reason),
  }));
