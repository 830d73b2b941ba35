import type { Permission } from "@interviewlm/auth/permissions";
import { cx } from "@interviewlm/ui";
import { NavLink } from "@remix-run/react";
import type { ReactNode } from "react";

export interface SettingsNavItem {
  to: string;
  label: string;
  /** Shown only to roles with this permission (the page checks it again). */
  permission?: Permission;
}

export const SETTINGS_NAV_ITEMS: readonly SettingsNavItem[] = [
  { to: "/app/settings/profile", label: "Profile" },
  { to: "/app/settings/password", label: "Password" },
  { to: "/app/settings/sessions", label: "Sessions" },
  { to: "/app/settings/organization", label: "Organization" },
  { to: "/app/settings/members", label: "Members" },
  { to: "/app/settings/audit-log", label: "Audit log", permission: "audit:read" },
];

export interface SettingsLayoutProps {
  children: ReactNode;
  /** Override the secondary navigation (e.g. hide admin pages for viewers). */
  items?: readonly SettingsNavItem[];
  title?: ReactNode;
}

/** Settings pages: a secondary nav (a row of links on small screens, a column on large). */
export function SettingsLayout({ children, items = SETTINGS_NAV_ITEMS, title = "Settings" }: SettingsLayoutProps) {
  return (
    <div>
      <p className="mb-4 text-xs font-medium tracking-wide text-fg-muted uppercase">{title}</p>
      <div className="flex flex-col gap-6 md:flex-row md:gap-10">
        <nav aria-label="Settings" className="shrink-0 md:w-44">
          <ul className="flex flex-wrap gap-1 md:flex-col md:flex-nowrap">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  prefetch="intent"
                  className={({ isActive }) =>
                    cx(
                      "flex h-8 items-center rounded-md px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                      isActive ? "bg-surface-active text-fg" : "text-fg-muted hover:bg-surface-hover hover:text-fg",
                    )
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </div>
  );
}
