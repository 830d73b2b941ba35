import { buttonClasses } from "@interviewlm/ui";
import { ArrowRight } from "@interviewlm/ui/icons";
import { Link } from "@remix-run/react";
import { InterviewRoomIllustration } from "./interview-room-illustration";

export function Hero() {
  return (
    <section aria-labelledby="hero-title" className="relative overflow-hidden">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-[36rem] bg-[radial-gradient(ellipse_55%_50%_at_50%_0%,rgb(94_106_210/0.22),transparent)]"
      />
      <div className="relative mx-auto max-w-6xl px-4 pt-20 pb-16 sm:px-6 sm:pt-28">
        <div className="mx-auto max-w-3xl text-center">
          <p className="inline-flex items-center gap-2 rounded-full border border-line-strong bg-surface px-3 py-1 text-xs text-fg-muted">
            <span aria-hidden="true" className="size-1.5 rounded-full bg-accent-fg" />
            Technical interviews for the AI era
          </p>
          <h1
            id="hero-title"
            className="mt-6 text-4xl font-semibold tracking-tight text-balance text-fg sm:text-6xl"
          >
            See how engineers build software <span className="text-accent-fg">with&nbsp;AI</span>
          </h1>
          <p className="mx-auto mt-6 max-w-2xl text-base text-pretty text-fg-muted sm:text-lg">
            Candidates solve real problems in a browser IDE backed by a real sandbox, with a Claude coding agent at
            their side. Your reviewers watch live, and every keystroke, test run and AI exchange is recorded and
            can be replayed; each finished interview gets a report whose findings link to their moments in the
            replay.
          </p>
          <div className="mt-9 flex flex-col items-center justify-center gap-3 sm:flex-row">
            <Link to="/signup" className={buttonClasses({ variant: "primary", size: "lg", className: "w-full sm:w-auto" })}>
              Start free
              <ArrowRight aria-hidden="true" className="size-4" />
            </Link>
            <Link to="/login" className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full sm:w-auto" })}>
              Sign in
            </Link>
          </div>
          <p className="mt-4 text-xs text-fg-muted">
            Free to set up, with 3 free credits to invite your first candidates.
          </p>
        </div>
        <div className="mt-16 sm:mt-20">
          <InterviewRoomIllustration />
        </div>
      </div>
    </section>
  );
}
