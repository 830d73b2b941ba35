import { roomSessionInfo } from "@interviewlm/core/interviews";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleInternal } from "~/.server/internal";

export const loader = ({ request, context, params }: LoaderFunctionArgs) =>
  handleInternal(request, context, null, () => roomSessionInfo(context.services.db.prisma, params.sessionId ?? ""));
