import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/errors.ts";
import { detectDelimiter, parseCsv } from "./csv.ts";

const fields = (text: string, delimiter?: string) => parseCsv(text, delimiter).map((r) => r.fields);

describe("parseCsv (RFC 4180)", () => {
  it("reads plain records with LF or CRLF, with or without a final newline", () => {
    expect(fields("a,b\nc,d")).toEqual([["a", "b"], ["c", "d"]]);
    expect(fields("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]]);
  });

  it("handles quoted fields with commas, doubled quotes and line breaks", () => {
    expect(fields('"Hopper, Grace",grace@example.com\n"Ada ""The Countess"" Lovelace",ada@example.com')).toEqual([
      ["Hopper, Grace", "grace@example.com"],
      ['Ada "The Countess" Lovelace', "ada@example.com"],
    ]);
    expect(fields('"two\nlines",x\ny,z')).toEqual([["two\nlines", "x"], ["y", "z"]]);
  });

  it("reports the line each record starts on, counting line breaks inside quotes and skipped blank lines", () => {
    const records = parseCsv('name,email\n\n"multi\nline",a@b.c\nlast,d@e.f\n');
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it("strips a UTF-8 byte order mark and keeps empty fields", () => {
    expect(fields("\uFEFFname,email\n,x@y.z")).toEqual([["name", "email"], ["", "x@y.z"]]);
  });

  it("refuses an unterminated quote and a stray quote, naming the line", () => {
    expect(() => parseCsv('a,b\n"open,x')).toThrowError(/Line 2: a quoted field is never closed/);
    expect(() => parseCsv('a,b\nab"c,d')).toThrowError(DomainError);
  });

  it("detects semicolon and tab separated exports", () => {
    expect(detectDelimiter("name;email\nx;y")).toBe(";");
    expect(detectDelimiter("name\temail")).toBe("\t");
    expect(detectDelimiter("name,email")).toBe(",");
    expect(fields("a;b\nc;d", ";")).toEqual([["a", "b"], ["c", "d"]]);
  });
});
