import type { MetaDescriptor } from "@remix-run/node";
import { FAQ_ITEMS } from "./faq-items";
import { CREDIT_PACKS } from "./pricing-plans";

export const LANDING_TITLE = "InterviewLM — technical interviews for engineers who build with AI";
export const LANDING_DESCRIPTION =
  "Assess how engineers build software with an AI coding agent: a real browser IDE and sandbox, live reviewers, and a lossless recording of every keystroke, test run and AI exchange.";

/**
 * Every meta tag of the landing page: title, description, canonical, Open Graph, Twitter
 * and JSON-LD (SoftwareApplication with the credit packs as offers, and the FAQ).
 * `origin` is the public origin, e.g. "https://interviewlm.example".
 */
export function landingMeta(origin: string): MetaDescriptor[] {
  const url = `${origin}/`;
  const image = `${origin}/og-image.png`;
  return [
    { title: LANDING_TITLE },
    { name: "description", content: LANDING_DESCRIPTION },
    { tagName: "link", rel: "canonical", href: url },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "InterviewLM" },
    { property: "og:title", content: LANDING_TITLE },
    { property: "og:description", content: LANDING_DESCRIPTION },
    { property: "og:url", content: url },
    { property: "og:image", content: image },
    { property: "og:image:width", content: "1200" },
    { property: "og:image:height", content: "630" },
    { property: "og:image:alt", content: "InterviewLM — see how engineers build software with AI" },
    { name: "twitter:card", content: "summary_large_image" },
    { name: "twitter:title", content: LANDING_TITLE },
    { name: "twitter:description", content: LANDING_DESCRIPTION },
    { name: "twitter:image", content: image },
    { "script:ld+json": softwareApplicationJsonLd(url) },
    { "script:ld+json": faqJsonLd() },
  ];
}

function softwareApplicationJsonLd(url: string) {
  return {
    "@context": "https://schema.org",
    "@type": "SoftwareApplication",
    name: "InterviewLM",
    url,
    applicationCategory: "BusinessApplication",
    operatingSystem: "Web browser",
    description: LANDING_DESCRIPTION,
    offers: CREDIT_PACKS.map((pack) => ({
      "@type": "Offer",
      name: `${pack.name} — ${pack.credits} assessment credits`,
      price: pack.priceUsd.toFixed(2),
      priceCurrency: "USD",
      url: `${url}#pricing`,
    })),
  };
}

function faqJsonLd() {
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    mainEntity: FAQ_ITEMS.map((item) => ({
      "@type": "Question",
      name: item.question,
      acceptedAnswer: { "@type": "Answer", text: item.answer },
    })),
  };
}
