import { Link } from "@remix-run/react";
import { Logo } from "../logo";
import { SECTION_LINKS } from "./site-header";

export function SiteFooter() {
  return (
    <footer className="border-t border-line/60">
      <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-12 sm:px-6 md:flex-row md:items-start md:justify-between">
        <div className="max-w-xs space-y-3">
          <Logo />
          <p className="text-sm text-fg-muted">Technical interviews that show how engineers build software with AI.</p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-x-12 gap-y-2.5 text-sm sm:grid-cols-3">
            {SECTION_LINKS.map((link) => (
              <li key={link.href}>
                <a href={link.href} className="text-fg-muted hover:text-fg">
                  {link.label}
                </a>
              </li>
            ))}
            <li>
              <Link to="/login" className="text-fg-muted hover:text-fg">
                Sign in
              </Link>
            </li>
            <li>
              <Link to="/signup" className="text-fg-muted hover:text-fg">
                Start free
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="mx-auto max-w-6xl px-4 pb-10 text-xs text-fg-muted sm:px-6">
        © {new Date().getFullYear()} InterviewLM
      </div>
    </footer>
  );
}
