/*
 * Icons come from lucide-react through this entry point so apps depend on one icon set via
 * the design system. Icons are decorative by default: pass aria-hidden="true", or give the
 * surrounding control an accessible name.
 */
export * from "lucide-react";
