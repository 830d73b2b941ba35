import { IconButton, Sheet, SheetContent, SheetTrigger, ToastProvider, TooltipProvider } from "@interviewlm/ui";
import { Menu } from "@interviewlm/ui/icons";
import { Link, useLocation } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { AppNav, type AppNavItem } from "./app-nav";
import { Logo } from "./logo";
import { OrganizationSwitcher, type OrganizationOption } from "./organization-switcher";
import { UserMenu } from "./user-menu";

export interface AppShellProps {
  user: { name: string | null; email: string };
  organizations: readonly OrganizationOption[];
  activeOrganizationId: string | null;
  /** Override the sidebar items (defaults to APP_NAV_ITEMS). */
  navItems?: readonly AppNavItem[];
  children: ReactNode;
}

/**
 * The signed-in frame: sidebar navigation (a slide-in sheet below the lg breakpoint), a top
 * bar with the organisation switcher and account menu, and the page in <main id="main">.
 * It also hosts the toast region and tooltip timing for every page inside it.
 */
export function AppShell({ user, organizations, activeOrganizationId, navItems, children }: AppShellProps) {
  const [mobileNavOpen, setMobileNavOpen] = useState(false);
  const location = useLocation();

  // Following a link inside the sheet should reveal the new page, not leave the sheet over it.
  useEffect(() => {
    setMobileNavOpen(false);
  }, [location.pathname]);

  return (
    <ToastProvider>
      <TooltipProvider delayDuration={300}>
        <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] print:block">
          <aside className="sticky top-0 hidden h-dvh print:hidden flex-col gap-4 border-r border-line bg-surface py-3 lg:flex">
            <Link to="/app" className="mx-4 flex h-8 items-center self-start rounded-md">
              <Logo />
            </Link>
            <AppNav items={navItems} />
          </aside>

          <div className="flex min-w-0 flex-col">
            <header className="sticky top-0 z-30 flex h-12 print:hidden items-center justify-between gap-3 border-b border-line bg-canvas/90 px-3 backdrop-blur sm:px-5">
              <div className="flex min-w-0 items-center gap-1">
                <Sheet open={mobileNavOpen} onOpenChange={setMobileNavOpen}>
                  <SheetTrigger asChild>
                    <IconButton aria-label="Open navigation" icon={<Menu aria-hidden="true" className="size-4" />} className="lg:hidden" />
                  </SheetTrigger>
                  <SheetContent title="Navigation" hideTitle>
                    <div className="px-4 py-3">
                      <Logo />
                    </div>
                    <AppNav items={navItems} onNavigate={() => setMobileNavOpen(false)} />
                  </SheetContent>
                </Sheet>
                <OrganizationSwitcher organizations={organizations} activeOrganizationId={activeOrganizationId} />
              </div>
              <UserMenu user={user} />
            </header>

            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
              {children}
            </main>
          </div>
        </div>
      </TooltipProvider>
    </ToastProvider>
  );
}
