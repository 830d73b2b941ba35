import { advanceToNextQuestion } from "@interviewlm/core/interviews";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleInternal, interviewDeps } from "~/.server/internal";

export const action = ({ request, context, params }: ActionFunctionArgs) =>
  handleInternal(request, context, null, () => advanceToNextQuestion(interviewDeps(context), params.sessionId ?? ""));
