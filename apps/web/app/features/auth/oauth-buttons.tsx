import { buttonClasses } from "@interviewlm/ui";

const labels: Record<string, string> = { github: "Continue with GitHub", google: "Continue with Google" };

/**
 * Links (not buttons): starting OAuth is a plain navigation to /auth/<provider>, which
 * sets the state cookie and redirects to the provider.
 */
export function OAuthButtons({ providers, redirectTo }: { providers: string[]; redirectTo?: string }) {
  if (providers.length === 0) return null;
  const query = redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : "";
  return (
    <div className="space-y-4">
      <div className="grid gap-2">
        {providers.map((provider) => (
          <a
            key={provider}
            href={`/auth/${provider}${query}`}
            className={buttonClasses({ variant: "secondary", size: "lg", className: "w-full" })}
          >
            {labels[provider] ?? `Continue with ${provider}`}
          </a>
        ))}
      </div>
      <div className="flex items-center gap-3 text-xs text-fg-muted" role="separator" aria-label="or">
        <span className="h-px flex-1 bg-line" aria-hidden="true" />
        or
        <span className="h-px flex-1 bg-line" aria-hidden="true" />
      </div>
    </div>
  );
}
