import { ingestRecording } from "@interviewlm/core/interviews";
import { IngestBatchSchema } from "@interviewlm/realtime";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleInternal } from "~/.server/internal";

export const action = ({ request, context }: ActionFunctionArgs) =>
  handleInternal(request, context, IngestBatchSchema, (batch) => ingestRecording(context.services.db.prisma, batch));
