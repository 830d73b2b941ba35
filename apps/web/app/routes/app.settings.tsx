import type { MetaFunction } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { SETTINGS_NAV_ITEMS, SettingsLayout } from "~/components/settings-layout";
import { usePermissions } from "~/lib/permissions";

export const meta: MetaFunction = () => [{ title: "Settings · InterviewLM" }];

export default function Settings() {
  const permissions = usePermissions();
  // Pages a role may not open are left out of the navigation (e.g. the audit log for members).
  const items = SETTINGS_NAV_ITEMS.filter((item) => !item.permission || permissions.can(item.permission));
  return (
    <SettingsLayout items={items}>
      <Outlet />
    </SettingsLayout>
  );
}
