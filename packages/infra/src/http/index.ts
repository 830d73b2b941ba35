export { DEFAULT_TIMEOUT_MS, HttpError, REQUEST_ID_HEADER, requestJson, type HttpFailure, type HttpMethod, type JsonRequest } from "./request-json.ts";
