import { Evidence } from "./evidence";
import { Faq } from "./faq";
import { Features } from "./features";
import { Hero } from "./hero";
import { HowItWorks } from "./how-it-works";
import { Pricing } from "./pricing";
import { Security } from "./security";
import { SiteFooter } from "./site-footer";
import { SiteHeader } from "./site-header";

/** The marketing page at "/": server-rendered, no client state, no external assets. */
export function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main id="main" className="flex-1">
        <Hero />
        <Features />
        <HowItWorks />
        <Evidence />
        <Pricing />
        <Security />
        <Faq />
      </main>
      <SiteFooter />
    </div>
  );
}
