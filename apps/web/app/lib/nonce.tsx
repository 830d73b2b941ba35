// The request's Content-Security-Policy nonce, for the inline scripts React renders on the
// server (<Scripts>, <ScrollRestoration>). Browsers hide nonce attributes from the DOM, so
// on the client the value is empty — which is fine: hydration does not add scripts.
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
