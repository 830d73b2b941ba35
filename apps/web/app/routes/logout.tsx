import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { serverApi } from "~/.server/api";
import { redirectWith } from "~/.server/session";

export async function action({ request, context }: ActionFunctionArgs) {
  const { api, resHeaders } = await serverApi(request, context);
  await api.auth.logOut();
  return redirectWith("/", resHeaders);
}

// Logging out is a POST (a GET could be triggered by any page embedding a link).
export const loader = () => redirect("/");
