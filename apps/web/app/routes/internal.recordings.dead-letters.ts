import { deadLetterRecording } from "@interviewlm/core/interviews";
import { RecordingDeadLetterRequestSchema } from "@interviewlm/realtime";
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleInternal } from "~/.server/internal";

// Rare (a batch the ingest refused for good), so Remix serves it; see docs/decisions/0060.
export const action = ({ request, context }: ActionFunctionArgs) =>
  handleInternal(request, context, RecordingDeadLetterRequestSchema, (body) => deadLetterRecording(context.services.db.prisma, body));
