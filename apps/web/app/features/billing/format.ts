const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2 });

export function formatCents(cents: number, currency = "usd"): string {
  return currency.toLowerCase() === "usd" ? money.format(cents / 100) : `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`;
}

export function formatDateTime(value: string | Date): string {
  return new Date(value).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
