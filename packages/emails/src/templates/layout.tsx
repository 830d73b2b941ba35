// The one layout every message shares. Email clients ignore <style> blocks and
// external CSS unevenly, so styles are inline; colours keep at least 7:1 contrast
// (WCAG AAA for body text) and nothing depends on images loading.
import type { ReactNode } from "react";
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

export const BRAND_NAME = "InterviewLM";

const colors = {
  page: "#f4f4f5",
  card: "#ffffff",
  text: "#18181b",
  muted: "#3f3f46",
  accent: "#3730a3",
  border: "#e4e4e7",
} as const;

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

export interface EmailLayoutProps {
  /** Inbox preview line shown after the subject; hidden in the message itself. */
  preheader: string;
  /** Finishes the footer sentence "You received this email because …". */
  reason: string;
  children: ReactNode;
}

export function EmailLayout({ preheader, reason, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preheader}</Preview>
      <Body style={{ backgroundColor: colors.page, color: colors.text, fontFamily, margin: 0, padding: "24px 0" }}>
        <Container style={{ maxWidth: "560px", margin: "0 auto", padding: "0 12px" }}>
          <Text style={{ fontSize: "20px", fontWeight: 700, letterSpacing: "-0.01em", margin: "0 0 16px" }}>
            {BRAND_NAME}
          </Text>
          <Section
            style={{
              backgroundColor: colors.card,
              border: `1px solid ${colors.border}`,
              borderRadius: "8px",
              padding: "32px 28px",
            }}
          >
            {children}
          </Section>
          <Section style={{ padding: "20px 4px 0" }}>
            <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: 0 }}>
              You received this email because {reason}
            </Text>
            <Text style={{ color: colors.muted, fontSize: "13px", lineHeight: "20px", margin: "8px 0 0" }}>
              {BRAND_NAME} · AI-native technical interviews
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}

export function EmailHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={{ fontSize: "22px", lineHeight: "30px", fontWeight: 700, margin: "0 0 16px" }}>
      {children}
    </Heading>
  );
}

export function EmailParagraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: "16px", lineHeight: "26px", margin: "0 0 16px" }}>{children}</Text>;
}

/** The one action of a message, followed by the raw link for clients that block buttons. */
export function EmailAction({ href, label }: { href: string; label: string }) {
  return (
    <>
      <Section style={{ margin: "8px 0 24px" }}>
        <Button
          href={href}
          style={{
            backgroundColor: colors.accent,
            color: "#ffffff",
            borderRadius: "6px",
            fontSize: "16px",
            fontWeight: 600,
            padding: "12px 20px",
            textDecoration: "none",
          }}
        >
          {label}
        </Button>
      </Section>
      <Hr style={{ borderColor: colors.border, margin: "0 0 16px" }} />
      {/* The plain-text part already prints the button's link, so skip this paragraph there. */}
      <Text data-skip-in-text style={{ color: colors.muted, fontSize: "14px", lineHeight: "22px", margin: 0 }}>
        If the button does not work, copy this link into your browser:{" "}
        <Link href={href} style={{ color: colors.accent, wordBreak: "break-all" }}>
          {href}
        </Link>
      </Text>
    </>
  );
}
