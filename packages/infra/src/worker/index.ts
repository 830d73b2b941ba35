export { startPollingWorker, type PollingWorker, type PollingWorkerOptions } from "./polling-worker.ts";
