import { expect, test } from "vitest";
import { safeNext } from "./safe-next.ts";

test("after login, only paths inside the app are followed", () => {
  expect(safeNext("/invite/abc")).toBe("/invite/abc");
  expect(safeNext("/w/1/use-cases?status=x")).toBe("/w/1/use-cases?status=x");
  expect(safeNext(null)).toBe("/");
  expect(safeNext("https://evil.example")).toBe("/");
  expect(safeNext("//evil.example")).toBe("/");
  expect(safeNext("/\\evil.example")).toBe("/");
});
