import type { MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { SettingsLayout } from "~/components/settings-layout";

export const meta: MetaFunction = () => [{ title: "Settings · InterviewLM" }];

export default function Settings() {
  return (
    <SettingsLayout>
      <Outlet />
    </SettingsLayout>
  );
}
