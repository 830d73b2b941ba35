// The Modal provider lives at "@interviewlm/sandbox/modal" so that importing the package
// does not load the Modal SDK (gRPC) unless it is used.
export { ModalProvider, type ModalProviderOptions } from "./modal-provider.ts";
