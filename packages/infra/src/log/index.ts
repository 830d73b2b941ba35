export { createLogger, errorMessage, type LogFields, type Logger, type LoggerOptions, type LogLevel } from "./logger.ts";
export { newRequestId, REQUEST_ID_HEADER, requestIdFrom } from "./request-id.ts";
