import { cx } from "@interviewlm/ui";
import {
  ClipboardList,
  LayoutDashboard,
  Library,
  Radio,
  Settings,
  Users,
  type LucideIcon,
} from "@interviewlm/ui/icons";
import { NavLink } from "@remix-run/react";

export interface AppNavItem {
  to: string;
  label: string;
  icon: LucideIcon;
  /** Match the path exactly (the dashboard would otherwise be "active" everywhere under /app). */
  end?: boolean;
}

export const APP_NAV_ITEMS: readonly AppNavItem[] = [
  { to: "/app", label: "Dashboard", icon: LayoutDashboard, end: true },
  { to: "/app/assessments", label: "Assessments", icon: ClipboardList },
  { to: "/app/candidates", label: "Candidates", icon: Users },
  { to: "/app/live", label: "Live now", icon: Radio },
  { to: "/app/questions", label: "Question bank", icon: Library },
  { to: "/app/settings", label: "Settings", icon: Settings },
];

/** The signed-in area's main navigation; NavLink sets aria-current="page" on the active item. */
export function AppNav({ items = APP_NAV_ITEMS, onNavigate }: { items?: readonly AppNavItem[]; onNavigate?: () => void }) {
  return (
    <nav aria-label="Main" className="px-2">
      <ul className="space-y-0.5">
        {items.map(({ to, label, icon: Icon, end }) => (
          <li key={to}>
            <NavLink
              to={to}
              end={end}
              prefetch="intent"
              onClick={onNavigate}
              className={({ isActive }) =>
                cx(
                  "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
                  isActive ? "bg-surface-active text-fg" : "text-fg-muted hover:bg-surface-hover hover:text-fg",
                )
              }
            >
              <Icon aria-hidden="true" className="size-4 shrink-0" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
